import { AppError } from '../errors.js';
import type { OperatorRow } from '../operators/operators.repository.js';

/**
 * The one refusal of an operator code nobody knows, wherever a code comes in (the figures, the
 * station lists, uploads): a 400 naming the unknown codes and the known ones.
 */
export function unknownOperator(codes: readonly string[], known: readonly OperatorRow[]): AppError {
  const named = codes.map((c) => `"${c}"`).join(', ');
  return new AppError(400, 'invalid_parameter', `operator: unknown operator ${named}; known: ${known.map((o) => o.code).join(', ')}`,
    [{ path: 'operator', message: `unknown operator ${named}` }]);
}

/** Operators by code (any case, spaces around ignored), each once, in the order asked; an unknown one is refused. */
export function pickOperators(known: readonly OperatorRow[], codes: readonly string[]): OperatorRow[] {
  const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()))];
  const found = wanted.map((c) => known.find((o) => o.code === c));
  const unknown = wanted.filter((_, i) => !found[i]);
  if (unknown.length) throw unknownOperator(unknown, known);
  return found as OperatorRow[];
}
