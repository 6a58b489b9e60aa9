import { projectTargetDate } from '../../geo/project-target-date.js';
import type { AppContext } from '../context.js';
import { figuresOf } from '../figures/assemble-figures.js';
import { countScope } from '../figures/figures.service.js';
import type { AreaOperatorCount } from '../figures/figures.types.js';
import { listOperators } from '../operators/operators.repository.js';
import type { Scope } from '../scope/scope.service.js';
import { selectAreaModels } from './planner-models.service.js';

type TimelineCount = AreaOperatorCount & { onDate: string };

/** Counts per date, as /api/stats counts (figures/figures.service.ts), set-wide or in one area. */
async function countOnDates(ctx: AppContext, scope: Scope, dates: string[], areaId: number | null): Promise<TimelineCount[]> {
  const perDate = await Promise.all(dates.map(async (onDate) => (await countScope(ctx, scope, onDate)).map((c) => ({ ...c, onDate }))));
  return perDate.flat().filter((c) => areaId === null || c.areaId === areaId);
}

export const RUN_RATE_DAYS = 90;
const DAY_MS = 86_400_000;
const addDays = (iso: string, d: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + d * DAY_MS).toISOString().slice(0, 10);
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);

/**
 * The chart's dates: month ends from 24 months before asOf (or the first milestone's month,
 * if earlier) up to asOf, then asOf itself. Future dates are not counted: no one knows them.
 */
export function timelineDates(asOf: string, milestones: readonly { dueOn: string }[]): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  let start = (y * 12 + m - 1) - 24;
  const first = milestones[0]?.dueOn;
  if (first) {
    const [fy, fm] = first.split('-').map(Number) as [number, number];
    start = Math.min(start, fy * 12 + fm - 1);
  }
  const dates: string[] = [];
  for (let k = start; k < y * 12 + m - 1 && dates.length < 120; k++) dates.push(monthEnd(Math.floor(k / 12), k % 12));
  return [...dates.filter((d) => d < asOf), asOf];
}

type Counts = { n4g: number; n5g: number };
const sum = (rows: readonly TimelineCount[] | undefined, pick: (r: TimelineCount) => boolean) =>
  (rows ?? []).filter(pick).reduce<Counts>((a, r) => ({ n4g: a.n4g + r.n4g, n5g: a.n5g + r.n5g }), { n4g: 0, n5g: 0 });

/**
 * Ratio at month ends against the milestones, the 90-day run rate, the projected date and a
 * status (geo/project-target-date.ts), set-wide or for one area, per area and per operator.
 */
export async function buildTimeline(ctx: AppContext, scope: Scope, areaCode: string | undefined) {
  const models = await selectAreaModels(ctx, scope, areaCode);
  const area = areaCode === undefined ? null : models[0]!;
  const before = addDays(scope.asOf, -RUN_RATE_DAYS);
  const chartDates = timelineDates(scope.asOf, scope.target.milestones);
  const [rows, ops] = await Promise.all([
    countOnDates(ctx, scope, [...new Set([...chartDates, before])], area?.id ?? null),
    listOperators(ctx.db),
  ]);
  const byDate = new Map<string, TimelineCount[]>();
  for (const r of rows) {
    if (!byDate.has(r.onDate)) byDate.set(r.onDate, []);
    byDate.get(r.onDate)!.push(r);
  }
  const bp = scope.target.bp;
  const milestones = scope.target.milestones;
  const milestoneOn = (d: string) => milestones.filter((m) => m.dueOn <= d).at(-1)?.bp ?? null;
  const paceOf = (pick: (r: TimelineCount) => boolean) => {
    const now = sum(byDate.get(scope.asOf), pick);
    const then = sum(byDate.get(before), pick);
    const gap = figuresOf(now, bp);
    const pace = projectTargetDate({
      n4g: now.n4g, n5g: now.n5g, n5gBefore: then.n5g, needed: gap.needed, asOf: scope.asOf,
      dueOn: scope.target.dueOn, milestoneBp: milestoneOn(scope.asOf),
    }, { windowDays: RUN_RATE_DAYS });
    return { ...now, ratio: gap.ratio, required: gap.required, needed: gap.needed, added5g: now.n5g - then.n5g, ...pace, perDay: Math.round(pace.perDay * 1000) / 1000 };
  };
  const series = chartDates.map((d) => {
    const c = sum(byDate.get(d), () => true);
    const gap = figuresOf(c, bp);
    return { date: d, n4g: c.n4g, n5g: c.n5g, ratio: gap.ratio, required: gap.required, milestoneBp: milestoneOn(d) };
  });
  return {
    area: area && { code: area.code, name: area.name },
    windowDays: RUN_RATE_DAYS,
    dueOn: scope.target.dueOn,
    milestones: milestones.map((m) => ({ ...m, label: `${m.bp / 100}%` })),
    series,
    pace: paceOf(() => true),
    areas: models.map((m) => ({ code: m.code, name: m.name, ...paceOf((r) => r.areaId === m.id) })),
    operators: ops.filter((o) => !scope.operators.length || scope.operators.some((s) => s.id === o.id)).map((o) => ({ operator: o.code, operatorName: o.name, ...paceOf((r) => r.operatorId === o.id) })),
  };
}
