import { formatShare } from '../../geo/parse-target-share.js';
import type { AppContext } from '../context.js';
import { readDataVersion } from '../db/data-version.js';
import { AppError, notFound } from '../errors.js';
import { findBoundarySet, listBoundarySets, type BoundarySetRow } from '../boundary-sets/boundary-sets.repository.js';
import { findOperatorByCode, listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { findDefaultTarget } from '../targets/targets.repository.js';
import { parseTargetShare } from '../../geo/parse-target-share.js';

/** Everything a figure depends on, resolved and checked once per request. */
export interface Scope {
  set: BoundarySetRow;
  asOf: string;
  baseline: string | null;
  target: { bp: number; label: string; name: string | null; dueOn: string | null; milestones: { dueOn: string; bp: number }[] };
  operator: OperatorRow | null;
  dataVersion: number;
}

export interface ScopeQuery {
  set?: string | undefined;
  asOf?: string | undefined;
  baseline?: string | undefined;
  target?: number | undefined;
  operator?: string | undefined;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD: a station commissioned "today" counts today. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export async function resolveBoundarySet(ctx: AppContext, key: string | undefined): Promise<BoundarySetRow> {
  if (key !== undefined) {
    const set = await findBoundarySet(ctx.db, key);
    if (!set) throw notFound(`Boundary set "${key}"`, { set: key });
    return set;
  }
  const [first] = await listBoundarySets(ctx.db);
  if (!first) throw new AppError(404, 'no_boundary_set', 'No boundary set is loaded yet: import one with `npm run cli -- boundaries import`');
  return first;
}

export async function resolveOperator(ctx: AppContext, code: string | undefined): Promise<OperatorRow | null> {
  if (code === undefined) return null;
  const op = await findOperatorByCode(ctx.db, code);
  if (op) return op;
  const known = (await listOperators(ctx.db)).map((o) => o.code);
  throw new AppError(400, 'invalid_parameter', `operator: unknown operator "${code}"; known: ${known.join(', ')}`, [
    { path: 'operator', message: `unknown operator "${code}"` },
  ]);
}

export async function resolveScope(ctx: AppContext, q: ScopeQuery): Promise<Scope> {
  const [set, operator, stored, dataVersion] = await Promise.all([
    resolveBoundarySet(ctx, q.set),
    resolveOperator(ctx, q.operator),
    findDefaultTarget(ctx.db),
    readDataVersion(ctx.db),
  ]);
  const bp = q.target ?? stored?.shareBp ?? parseTargetShare(ctx.config.defaultTarget);
  const usesStored = q.target === undefined && stored !== undefined;
  return {
    set,
    operator,
    dataVersion,
    asOf: q.asOf ?? todayInVietnam(),
    baseline: q.baseline ?? (usesStored ? stored.baselineOn : null),
    target: {
      bp,
      label: formatShare(bp),
      name: usesStored ? stored.name : null,
      dueOn: usesStored ? stored.dueOn : null,
      milestones: usesStored ? stored.milestones.map((m) => ({ dueOn: m.dueOn, bp: m.shareBp })) : [],
    },
  };
}

export function describeScope(scope: Scope) {
  return {
    set: { id: scope.set.id, name: scope.set.name, isDemo: scope.set.isDemo },
    asOf: scope.asOf,
    baseline: scope.baseline,
    target: scope.target,
    operator: scope.operator?.code ?? null,
    dataVersion: scope.dataVersion,
    demo: scope.set.isDemo,
    notice: scope.set.isDemo ? DEMO_NOTICE : null,
  };
}

export const DEMO_NOTICE =
  'Demo data: the district boundaries are approximate (cells around the district seats, not official borders) and the stations are synthetic. ' +
  'Load official boundaries with `npm run cli -- boundaries import <file.geojson> --set <name> --code-field <f> --name-field <f>` and real station lists through the upload page or `npm run cli -- stations import`.';
