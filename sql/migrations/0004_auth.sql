-- Accounts, sessions, API tokens, the login rate limiter and the audit trail of access.
-- Nothing here references areas or boundary sets by foreign key: re-importing a boundary set
-- (or a test truncating them with cascade) must never delete a user. A jurisdiction names its
-- set by id and its areas by code; when that set is gone the inspector sees nothing (fails closed).

create table users (
  id                 serial primary key,
  username           text not null,
  display_name       text not null,
  role               text not null check (role in ('admin', 'planner', 'operator', 'inspector')),
  operator_id        integer references operators(id),
  jurisdiction_set_id integer,
  jurisdiction_codes text[],
  password_hash      text not null,
  disabled           boolean not null default false,
  created_at         timestamptz not null default now(),
  check ((role = 'operator') = (operator_id is not null)),
  check ((jurisdiction_set_id is null) = (jurisdiction_codes is null)),
  check (jurisdiction_codes is null or role = 'inspector')
);
-- Usernames compare without case: "Admin" and "admin" are one account.
create unique index users_username_key on users (lower(username));

-- The cookie carries a random 32-byte secret; only its SHA-256 is stored, so a leaked table
-- opens no session.
create table sessions (
  id_hash     text primary key,
  user_id     integer not null references users(id) on delete cascade,
  csrf_token  text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id           serial primary key,
  token_hash   text not null unique,
  name         text not null,
  user_id      integer not null references users(id) on delete cascade,
  created_by   integer references users(id) on delete set null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Failed logins per (lower(username), ip) in a window, kept in the database so that every
-- app instance behind a load balancer counts the same attempts.
create table login_failures (
  key          text primary key,
  failures     integer not null,
  window_start timestamptz not null
);

-- Who did what, and whether it was allowed: logins, failed logins, refusals, account changes.
-- Separate from the upload history (uploads table), which records data changes.
create table audit_events (
  id        bigserial primary key,
  at        timestamptz not null default now(),
  user_id   integer,
  actor     text not null,
  action    text not null,
  outcome   text not null check (outcome in ('success', 'failure', 'denied')),
  ip        text,
  details   jsonb not null default '{}'::jsonb
);
create index audit_events_at_idx on audit_events (id desc);
