import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { runQuery } from '../db/queries.js';

export interface AreaOperatorCount {
  areaId: number | null;
  operatorId: number;
  n4g: number;
  n5g: number;
}

/** Counting stations per (area, operator) of one set; area null is the unassigned row. */
export async function countStationsByArea(
  db: Kysely<DB> | Transaction<DB>,
  p: { setId: number; asOf: string; baseline: string | null; operatorId: number | null },
): Promise<AreaOperatorCount[]> {
  const { rows } = await runQuery<{ area_id: number | null; operator_id: number; n4g: number; n5g: number }>(
    db, 'area-counts', [p.setId, p.asOf, p.baseline, p.operatorId],
  );
  return rows.map((r) => ({ areaId: r.area_id, operatorId: r.operator_id, n4g: r.n4g, n5g: r.n5g }));
}
