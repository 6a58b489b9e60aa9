import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface TargetRow {
  id: number;
  name: string;
  shareBp: number;
  baselineOn: string | null;
  dueOn: string | null;
  milestones: { dueOn: string; shareBp: number }[];
}

export async function findDefaultTarget(db: Db): Promise<TargetRow | undefined> {
  const t = await db
    .selectFrom('targets')
    .select(['id', 'name', 'share_bp as shareBp', 'baseline_on as baselineOn', 'due_on as dueOn'])
    .where('is_default', '=', true)
    .executeTakeFirst();
  if (!t) return undefined;
  const milestones = await db
    .selectFrom('target_milestones')
    .select(['due_on as dueOn', 'share_bp as shareBp'])
    .where('target_id', '=', t.id)
    .orderBy('due_on')
    .execute();
  return { ...t, milestones };
}
