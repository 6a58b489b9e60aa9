import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, StationStatus, Technology } from '../db/schema.js';
import { runQuery } from '../db/queries.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface GridFilter {
  setId: number;
  bbox: readonly [number, number, number, number];
  cellDegrees: number;
  technology?: Technology | undefined;
  operatorIds?: readonly number[] | undefined;
  statuses?: readonly StationStatus[] | undefined;
  asOf?: string | undefined;
  areaCodes?: readonly string[] | undefined;
}

export interface GridCell { lon: number; lat: number; n4g: number; n5g: number }

/** Stations in the bbox counted per grid cell (ST_SnapToGrid), 4G and 5G apart. */
export async function countStationsOnGrid(db: Db, f: GridFilter): Promise<GridCell[]> {
  const [minx, miny, maxx, maxy] = f.bbox;
  const list = <T>(xs: readonly T[] | undefined) => (xs?.length ? [...xs] : null);
  const { rows } = await runQuery<GridCell>(db, 'station-grid', [
    f.setId, minx, miny, maxx, maxy, f.cellDegrees,
    f.technology ?? null, list(f.operatorIds), list(f.statuses), f.asOf ?? null, list(f.areaCodes),
  ]);
  return rows;
}

/** First and last commissioning dates of any station: the range of the as-of slider. */
export async function findCommissioningRange(db: Db): Promise<{ first: string | null; last: string | null }> {
  const row = await db
    .selectFrom('stations')
    .select([sql<string | null>`min(commissioned_on)`.as('first'), sql<string | null>`max(commissioned_on)`.as('last')])
    .executeTakeFirst();
  return { first: row?.first ?? null, last: row?.last ?? null };
}
