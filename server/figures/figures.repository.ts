import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { runQuery } from '../db/queries.js';
import type { StepRow } from './figures.types.js';

/** The on/off-air steps of every station of one set (sql/queries/station-steps.sql). */
export async function loadStationSteps(db: Kysely<DB> | Transaction<DB>, setId: number): Promise<StepRow[]> {
  const { rows } = await runQuery<{ area_id: number | null; operator_id: number; technology: '4G' | '5G'; day: string; delta: number }>(
    db, 'station-steps', [setId],
  );
  return rows.map((r) => ({ areaId: r.area_id, operatorId: r.operator_id, technology: r.technology, day: r.day, delta: r.delta }));
}
