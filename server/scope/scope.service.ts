import { formatShare, parseTargetShare } from '../../geo/parse-target-share.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { defaultSetKeyFor } from '../auth/station-scope.js';
import type { Viewer } from '../auth/auth.service.js';
import type { BoundarySetRow } from '../boundary-sets/boundary-sets.repository.js';
import type { OperatorRow } from '../operators/operators.repository.js';
import { loadCatalog } from './scope-catalog.js';
import { pickOperators } from './pick-operators.js';

/** The target a figure is measured against: the stored default, or a what-if share asked for. */
export interface ScopeTarget {
  bp: number;
  label: string;
  /** The stored target's name; null for a what-if target. */
  name: string | null;
  dueOn: string | null;
  milestones: { dueOn: string; bp: number }[];
}

/** Everything a figure depends on, resolved and checked once per request. */
export interface Scope {
  set: BoundarySetRow;
  asOf: string;
  baseline: string | null;
  target: ScopeTarget;
  /** The operators counted, in the order asked; empty: every operator. */
  operators: readonly OperatorRow[];
  /** The one operator when exactly one is counted (the planner's queries take one), else null. */
  operator: OperatorRow | null;
  dataVersion: number;
}

export interface ScopeQuery {
  set?: string | undefined;
  asOf?: string | undefined;
  baseline?: string | undefined;
  /** A what-if target in basis points; none: the stored default target. */
  target?: number | undefined;
  /** One code, or several (their stations summed). */
  operator?: string | readonly string[] | undefined;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD: a station commissioned "today" counts today. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** A set by id (all digits) or exact name; none given: the default (newest non-demo, else the demo). */
function pickBoundarySet(sets: readonly BoundarySetRow[], key: string | undefined): BoundarySetRow {
  if (key !== undefined) {
    const set = /^\d{1,9}$/.test(key) ? sets.find((s) => s.id === Number(key)) : sets.find((s) => s.name === key);
    if (!set) throw notFound(`Boundary set "${key}"`, { set: key });
    return set;
  }
  const [first] = sets;
  if (!first) throw new AppError(404, 'no_boundary_set', 'No boundary set is loaded yet: import one with `npm run cli -- boundaries import`');
  return first;
}

export async function resolveBoundarySet(ctx: AppContext, key: string | undefined): Promise<BoundarySetRow> {
  return pickBoundarySet((await loadCatalog(ctx)).sets, key);
}

/** Operators by code, each once; an unknown code is refused (pick-operators.ts). */
export async function resolveOperators(ctx: AppContext, codes: readonly string[]): Promise<OperatorRow[]> {
  return pickOperators((await loadCatalog(ctx)).operators, codes);
}

/**
 * The one resolution of a request's scope. A viewer, when given, brings its own default set
 * (an inspector works in the set their jurisdiction is drawn in); what the viewer may see is
 * narrowed where stations are listed (auth/station-scope.ts).
 */
export async function resolveScope(ctx: AppContext, q: ScopeQuery, viewer?: Viewer): Promise<Scope> {
  const { dataVersion, sets, operators: known, target: stored } = await loadCatalog(ctx);
  const set = pickBoundarySet(sets, q.set ?? (viewer ? defaultSetKeyFor(viewer) : undefined));
  const operators = pickOperators(known, typeof q.operator === 'string' ? [q.operator] : q.operator ?? []);
  const bp = q.target ?? stored?.shareBp ?? parseTargetShare(ctx.config.defaultTarget);
  const usesStored = q.target === undefined && stored !== undefined;
  return {
    set,
    operators,
    operator: operators.length === 1 ? operators[0]! : null,
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

/** The scope's operator codes as answers and file names show them: "VIETTEL,VNPT"; null for every operator. */
export const operatorLabel = (scope: Scope): string | null => scope.operators.map((o) => o.code).join(',') || null;

/** The scope as every figures answer opens (stats.schemas.ts scopeDescription). */
export function describeScope(scope: Scope) {
  return {
    set: { id: scope.set.id, name: scope.set.name, isDemo: scope.set.isDemo },
    asOf: scope.asOf,
    baseline: scope.baseline,
    target: scope.target,
    operator: operatorLabel(scope),
    dataVersion: scope.dataVersion,
    demo: scope.set.isDemo,
    notice: scope.set.isDemo ? DEMO_NOTICE : null,
  };
}

export const DEMO_NOTICE =
  'Demo data: the district boundaries are approximate (cells around the district seats, not official borders) and the stations are synthetic. ' +
  'Load official boundaries with `npm run cli -- boundaries import <file.geojson> --set <name> --code-field <f> --name-field <f>` and real station lists through the upload page or `npm run cli -- stations import`.';
