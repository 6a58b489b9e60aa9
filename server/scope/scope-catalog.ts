import type { AppContext } from '../context.js';
import { readDataVersion } from '../db/data-version.js';
import { listBoundarySets, type BoundarySetRow } from '../boundary-sets/boundary-sets.repository.js';
import { listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { findDefaultTarget, type TargetRow } from '../targets/targets.repository.js';

/** What every request looks up, read once per data version: the sets, operators and stored target. */
export interface Catalog {
  dataVersion: number;
  sets: BoundarySetRow[];
  operators: OperatorRow[];
  target: TargetRow | undefined;
}

export async function loadCatalog(ctx: AppContext): Promise<Catalog> {
  const dataVersion = await readDataVersion(ctx.db);
  return ctx.cache.get('catalog', dataVersion, async () => {
    const [sets, operators, target] = await Promise.all([listBoundarySets(ctx.db), listOperators(ctx.db), findDefaultTarget(ctx.db)]);
    return { dataVersion, sets, operators, target };
  }) as Promise<Catalog>;
}
