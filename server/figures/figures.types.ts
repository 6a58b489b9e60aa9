import type { Gap } from '../../geo/compute-gap.js';
import type { AreaRow } from '../areas/areas.repository.js';
import type { OperatorRow } from '../operators/operators.repository.js';

/** The types the figures room shares with its repository and its callers (a third module: no import circle). */

export interface Counts { n4g: number; n5g: number }

/** Counts with their gap against the target (geo/compute-gap.ts). */
export type GapFigures = Counts & Gap;

/** Stations counting in one area (null: in no area) of one operator. */
export interface AreaOperatorCount extends Counts { areaId: number | null; operatorId: number }

/** One on/off-air step of the stations of one (area, operator, technology) group (sql/queries/station-steps.sql). */
export interface StepRow { areaId: number | null; operatorId: number; technology: '4G' | '5G'; day: string; delta: number }

export type AreaFigures = AreaRow & GapFigures;

/** The gap of several areas together, and `neededAllAreas`: the sum of their own gaps (DOMAIN.md). */
export type Totals = GapFigures & { neededAllAreas: number };

export interface SetFigures {
  bp: number;
  rows: AreaFigures[];
  /** Stations in no area: counted in the set-wide totals, shown on their own row. */
  unassigned: Counts & { ratio: number | null };
  totals: Totals;
  /** Per area id (null: unassigned), per operator id. */
  byOperator: Map<number | null, Map<number, Counts>>;
  /** Every operator, for the per-operator breakdown. */
  operators: readonly OperatorRow[];
}

/** One operator's figures in one area (the area card's breakdown). */
export type OperatorFigures = GapFigures & { operator: string; operatorName: string };
