-- The rollout planner: an environment class per area (the modelled radii depend on it) and
-- saved what-if scenarios.

-- null: derived from population density when the planner runs (see planner.service.ts).
alter table areas add column environment text
  check (environment is null or environment in ('urban', 'suburban', 'rural'));

-- A scenario is a what-if request, named and kept; its figures are recomputed when reopened,
-- so it never holds stale numbers. No data-version trigger: scenarios change no figure.
create table scenarios (
  id          serial primary key,
  name        text not null check (length(name) between 1 and 200),
  parameters  jsonb not null,
  created_at  timestamptz not null default now()
);
create index scenarios_created_idx on scenarios (created_at desc, id desc);
