import type { MessageKey } from '../i18n.js';
import type { ViewState } from '../state.js';
import type { Pick, PlanQuery, WhatIfRequest } from './planner-api.js';

/**
 * The planner's pure parts: which scope the map's filters give the planner API, when a reload
 * is due, what a what-if asks for, and how a pace status reads.
 */

/** The one area the planner narrows to: the pinned area, else the only area selected; null: the whole set. */
export function planArea(s: ViewState): string | null {
  return s.selected ?? (s.areas.length === 1 ? s.areas[0]! : null);
}

/** The planner API's scope for a view. The API takes one operator: several selected count as all. */
export function planQuery(s: ViewState): PlanQuery {
  const area = planArea(s);
  return {
    set: s.set ?? undefined,
    asOf: s.asOf ?? undefined,
    target: s.target ? `${s.target}%` : undefined,
    operator: s.operators.length === 1 ? s.operators[0] : undefined,
    area: area ?? undefined,
  };
}

/** What the planner's data depends on: it reloads only when this changes. */
export const planKey = (s: ViewState) => JSON.stringify([planQuery(s), s.planner.cov]);

/** Whether the planner needs its data at all (its tab or one of its layers is on). */
export const planActive = (s: ViewState) => s.planner.plan || s.planner.picks || s.planner.cov;

/** The work list for the view: with several areas selected (and none pinned), only their picks. */
export function picksInScope(picks: readonly Pick[], s: ViewState): Pick[] {
  if (planArea(s) !== null || s.areas.length < 2) return [...picks];
  const keep = new Set(s.areas);
  return picks.filter((p) => keep.has(p.area));
}

/**
 * A what-if request: the view's scope, its operators all counted (summed, as the map's figures),
 * plus one operator's top N. Never its area: upgrades apply in every area (the page adds the
 * selection apart, to get its total).
 */
export function whatIfRequest(s: ViewState, operator: string, topN: number): WhatIfRequest {
  const q = planQuery(s);
  const body: WhatIfRequest = { upgrades: [{ operator, topN }] };
  if (q.set) body.set = q.set;
  if (q.asOf) body.asOf = q.asOf;
  if (q.target) body.target = q.target;
  if (s.operators.length) body.operator = s.operators.join(',');
  return body;
}

/** A whole number of picks from an input's text, or null when it is not one the API accepts (1–10 000). */
export function parseTopN(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 10_000 ? n : null;
}

const PACE: Record<string, MessageKey> = { on_track: 'paceOnTrack', at_risk: 'paceAtRisk', behind: 'paceBehind', no_baseline: 'paceNoBaseline' };
/** The message for a pace status of /api/planner/timeline. */
export const paceKey = (status: string): MessageKey => PACE[status] ?? 'paceNoBaseline';

/** Whether an API refusal means "sign in / ask for the planner role" rather than a fault. */
export const isRefusal = (e: unknown) => typeof e === 'object' && e !== null && 'status' in e && ((e as { status: number }).status === 401 || (e as { status: number }).status === 403);
