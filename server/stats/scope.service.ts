import { formatShare } from '../../geo/parse-target-share.js';
import type { AppContext } from '../context.js';
import { readDataVersion } from '../db/data-version.js';
import { AppError, notFound } from '../errors.js';
import { listBoundarySets, type BoundarySetRow } from '../boundary-sets/boundary-sets.repository.js';
import { listOperators, type OperatorRow } from '../operators/operators.repository.js';
import { findDefaultTarget, type TargetRow } from '../targets/targets.repository.js';
import { parseTargetShare } from '../../geo/parse-target-share.js';

/** Everything a figure depends on, resolved and checked once per request. */
export interface Scope {
  set: BoundarySetRow;
  asOf: string;
  baseline: string | null;
  target: { bp: number; label: string; name: string | null; dueOn: string | null; milestones: { dueOn: string; bp: number }[] };
  operator: OperatorRow | null;
  /** Several operators summed (/api/stats only): their codes, comma-separated. */
  operatorLabel?: string;
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

/** What every request looks up, read once per data version: the sets, operators and stored target. */
interface Catalog {
  dataVersion: number;
  sets: BoundarySetRow[];
  operators: OperatorRow[];
  target: TargetRow | undefined;
}

async function loadCatalog(ctx: AppContext): Promise<Catalog> {
  const dataVersion = await readDataVersion(ctx.db);
  return ctx.cache.get('catalog', dataVersion, async () => {
    const [sets, operators, target] = await Promise.all([listBoundarySets(ctx.db), listOperators(ctx.db), findDefaultTarget(ctx.db)]);
    return { dataVersion, sets, operators, target };
  }) as Promise<Catalog>;
}

/** A set by id (all digits) or exact name; none given: the default (newest non-demo, else the demo). */
function pickBoundarySet(sets: BoundarySetRow[], key: string | undefined): BoundarySetRow {
  if (key !== undefined) {
    const set = /^\d{1,9}$/.test(key) ? sets.find((s) => s.id === Number(key)) : sets.find((s) => s.name === key);
    if (!set) throw notFound(`Boundary set "${key}"`, { set: key });
    return set;
  }
  const [first] = sets;
  if (!first) throw new AppError(404, 'no_boundary_set', 'No boundary set is loaded yet: import one with `npm run cli -- boundaries import`');
  return first;
}

function pickOperator(operators: OperatorRow[], code: string | undefined): OperatorRow | null {
  if (code === undefined) return null;
  const op = operators.find((o) => o.code === code.toUpperCase());
  if (op) return op;
  throw new AppError(400, 'invalid_parameter', `operator: unknown operator "${code}"; known: ${operators.map((o) => o.code).join(', ')}`, [
    { path: 'operator', message: `unknown operator "${code}"` },
  ]);
}

export async function resolveBoundarySet(ctx: AppContext, key: string | undefined): Promise<BoundarySetRow> {
  return pickBoundarySet((await loadCatalog(ctx)).sets, key);
}

export async function resolveOperator(ctx: AppContext, code: string | undefined): Promise<OperatorRow | null> {
  return pickOperator((await loadCatalog(ctx)).operators, code);
}

export async function resolveScope(ctx: AppContext, q: ScopeQuery): Promise<Scope> {
  const { dataVersion, sets, operators, target: stored } = await loadCatalog(ctx);
  const set = pickBoundarySet(sets, q.set);
  const operator = pickOperator(operators, q.operator);
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
    operator: scope.operatorLabel ?? scope.operator?.code ?? null,
    dataVersion: scope.dataVersion,
    demo: scope.set.isDemo,
    notice: scope.set.isDemo ? DEMO_NOTICE : null,
  };
}

export const DEMO_NOTICE =
  'Demo data: the district boundaries are approximate (cells around the district seats, not official borders) and the stations are synthetic. ' +
  'Load official boundaries with `npm run cli -- boundaries import <file.geojson> --set <name> --code-field <f> --name-field <f>` and real station lists through the upload page or `npm run cli -- stations import`.';
