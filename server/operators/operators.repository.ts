import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface OperatorRow { id: number; code: string; name: string }

export async function listOperators(db: Db): Promise<OperatorRow[]> {
  return db.selectFrom('operators').select(['id', 'code', 'name']).orderBy('id').execute();
}

export async function findOperatorByCode(db: Db, code: string): Promise<OperatorRow | undefined> {
  return db.selectFrom('operators').select(['id', 'code', 'name']).where('code', '=', code.toUpperCase()).executeTakeFirst();
}
