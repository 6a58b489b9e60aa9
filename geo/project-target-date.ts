export type PaceStatus = 'on_track' | 'at_risk' | 'behind' | 'no_baseline';

export interface PaceInput {
  /** Counts on the as-of date (4G on the baseline date when one is set). */
  n4g: number;
  n5g: number;
  /** 5G counting `windowDays` before the as-of date. */
  n5gBefore: number;
  /** Stations still needed on the as-of date (computeGap's `needed`). */
  needed: number;
  asOf: string;
  dueOn: string | null;
  /** The latest milestone due on or before asOf, in basis points; null when none has passed. */
  milestoneBp: number | null;
}

export interface Pace {
  /** 5G added per day over the window (net of those taken off air). */
  perDay: number;
  /** The date `needed` is closed at that pace; asOf when nothing is needed; null when the pace is ≤ 0. */
  projectedOn: string | null;
  /** True when the ratio on asOf is at or above the latest milestone passed (or none has passed). */
  onMilestonePath: boolean;
  status: PaceStatus;
}

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The run rate of the last `windowDays` days, the date the target is met at that pace, and a
 * status. Exact integers: the projected day is asOf + ceil(needed × window / added).
 * - `on_track`: nothing needed on asOf; or met by the due date at this pace (any date when
 *   there is no due date) while the ratio is on the milestone path.
 * - `at_risk`: met by the due date at this pace, but the ratio is below the latest milestone passed.
 * - `behind`: not met by the due date at this pace, or no net 5G added in the window.
 * - `no_baseline`: no 4G to compare with.
 *
 * @param p counts and dates (ISO YYYY-MM-DD)
 * @param options.windowDays the run-rate window, default 90
 * @example
 * projectTargetDate({ n4g: 100, n5g: 30, n5gBefore: 21, needed: 18, asOf: '2025-06-30', dueOn: '2025-12-31', milestoneBp: 1030 })
 * // { perDay: 0.1, projectedOn: '2025-12-27', onMilestonePath: true, status: 'on_track' }
 */
export function projectTargetDate(p: PaceInput, options: { windowDays?: number } = {}): Pace {
  const windowDays = options.windowDays ?? 90;
  if (!Number.isInteger(windowDays) || windowDays <= 0) throw new Error('windowDays must be a positive integer');
  const added = p.n5g - p.n5gBefore;
  const perDay = added / windowDays;
  const onMilestonePath = p.milestoneBp === null || p.n5g * 10000 >= p.n4g * p.milestoneBp;
  let projectedOn: string | null = null;
  if (p.needed === 0) projectedOn = p.asOf;
  else if (added > 0) projectedOn = addDays(p.asOf, Math.ceil((p.needed * windowDays) / added));
  if (p.n4g === 0) return { perDay, projectedOn, onMilestonePath, status: 'no_baseline' };
  if (p.needed === 0) return { perDay, projectedOn, onMilestonePath, status: 'on_track' };
  const inTime = projectedOn !== null && (p.dueOn === null || projectedOn <= p.dueOn);
  const status: PaceStatus = !inTime ? 'behind' : onMilestonePath ? 'on_track' : 'at_risk';
  return { perDay, projectedOn, onMilestonePath, status };
}
