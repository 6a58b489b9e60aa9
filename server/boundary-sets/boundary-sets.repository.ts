import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface BoundarySetRow {
  id: number;
  name: string;
  level: string;
  /** The level above the areas (e.g. province above communes); null: the set has none. */
  parentLevel: string | null;
  source: string | null;
  licence: string | null;
  validFrom: string | null;
  validTo: string | null;
  isDemo: boolean;
  areaCount: number;
  /** How many parents the set has (0 without a parent level). */
  parentCount: number;
  createdAt: Date;
}

const baseQuery = (db: Db) =>
  db
    .selectFrom('boundary_sets as b')
    .select([
      'b.id', 'b.name', 'b.level', 'b.parent_level as parentLevel', 'b.source', 'b.licence',
      'b.valid_from as validFrom', 'b.valid_to as validTo', 'b.is_demo as isDemo', 'b.created_at as createdAt',
      sql<number>`(select count(*)::int from areas a where a.set_id = b.id)`.as('areaCount'),
      sql<number>`(select count(*)::int from parent_areas p where p.set_id = b.id)`.as('parentCount'),
    ]);

export async function listBoundarySets(db: Db): Promise<BoundarySetRow[]> {
  return baseQuery(db).orderBy('b.is_demo').orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').execute();
}

/** By id when the key is all digits, else by exact name. */
export async function findBoundarySet(db: Db, key: string): Promise<BoundarySetRow | undefined> {
  const q = baseQuery(db);
  return /^\d{1,9}$/.test(key) ? q.where('b.id', '=', Number(key)).executeTakeFirst() : q.where('b.name', '=', key).executeTakeFirst();
}

export async function insertBoundarySet(
  db: Db,
  set: { name: string; level: string; parentLevel?: string | null; source: string | null; licence: string | null; validFrom: string | null; validTo: string | null; isDemo: boolean },
): Promise<number> {
  const row = await db
    .insertInto('boundary_sets')
    .values({
      name: set.name, level: set.level, parent_level: set.parentLevel ?? null, source: set.source, licence: set.licence,
      valid_from: set.validFrom, valid_to: set.validTo, is_demo: set.isDemo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteBoundarySet(db: Db, id: number): Promise<void> {
  await db.deleteFrom('boundary_sets').where('id', '=', id).execute();
}
