import type { ColumnType, Generated } from 'kysely';

/** The tables of sql/migrations/0004_auth.sql, added to the core DB type with `withTables`. */

export type Role = 'admin' | 'planner' | 'operator' | 'inspector';
export const ROLES: readonly Role[] = ['admin', 'planner', 'operator', 'inspector'];

type Timestamp = ColumnType<Date, never, never>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  operator_id: number | null;
  jurisdiction_set_id: number | null;
  jurisdiction_codes: string[] | null;
  password_hash: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date, Date>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  token_hash: string;
  name: string;
  user_id: number;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: ColumnType<Date | null, never, Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  window_start: ColumnType<Date, Date, Date>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  actor: string;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export type AuthTables = {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
};
