-- Operator uploads: a preview saved with an id, its row issues, its planned changes (each
-- station's state before and after), then commit and rollback, all recorded.

-- A counter per operator that every write to its stations moves (statement triggers with
-- transition tables: one update per statement, not per row). A preview remembers it; a commit
-- whose operator counter has moved since is a stale preview and is refused.
create table operator_station_versions (
  operator_id integer primary key references operators(id) on delete cascade,
  version     bigint not null default 0
);
insert into operator_station_versions (operator_id) select id from operators;

create function bump_operator_station_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into operator_station_versions as v (operator_id, version)
      select distinct operator_id, 1 from old_rows
      on conflict (operator_id) do update set version = v.version + 1;
  else
    insert into operator_station_versions as v (operator_id, version)
      select distinct operator_id, 1 from new_rows
      on conflict (operator_id) do update set version = v.version + 1;
  end if;
  return null;
end $$;

create trigger stations_operator_version_ins after insert on stations
  referencing new table as new_rows for each statement execute function bump_operator_station_version();
create trigger stations_operator_version_upd after update on stations
  referencing new table as new_rows for each statement execute function bump_operator_station_version();
create trigger stations_operator_version_del after delete on stations
  referencing old table as old_rows for each statement execute function bump_operator_station_version();

create sequence upload_commit_seq;

create table uploads (
  id             bigserial primary key,
  operator_id    integer not null references operators(id),
  mode           text not null check (mode in ('merge', 'replace')),
  file_name      text not null,
  file_sha256    text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes     bigint not null,
  format         text not null check (format in ('csv', 'xlsx', 'geojson')),
  sheet          text,
  uploaded_by    text not null,
  state          text not null default 'previewed' check (state in ('previewed', 'committed', 'rolled_back')),
  base_version   bigint not null,
  rows_total     integer not null,
  counts         jsonb not null,
  columns        jsonb not null,
  created_at     timestamptz not null default now(),
  committed_at   timestamptz,
  committed_by   text,
  commit_seq     bigint unique,
  rolled_back_at timestamptz,
  rolled_back_by text
);
create index uploads_operator_idx on uploads (operator_id, id desc);

-- One line per problem; row_number null: about the whole file (e.g. unknown columns).
create table upload_issues (
  upload_id  bigint not null references uploads(id) on delete cascade,
  seq        integer not null,
  row_number integer,
  severity   text not null check (severity in ('error', 'warning')),
  code       text not null,
  field      text,
  message    text not null,
  value      text,
  primary key (upload_id, seq)
);

-- What the commit writes, and what a rollback restores: before null = the upload created it.
create table upload_changes (
  upload_id  bigint not null references uploads(id) on delete cascade,
  code       text not null,
  technology text not null,
  action     text not null check (action in ('create', 'update', 'decommission')),
  row_number integer,
  before     jsonb,
  after      jsonb not null,
  primary key (upload_id, code, technology)
);
create index upload_changes_station_idx on upload_changes (code, technology);

-- Deleting a station cascades to station_areas, whose primary key starts with set_id: without
-- this index every deleted station scans station_areas (a rollback of 100,000 creations).
create index station_areas_station_idx on station_areas (station_id);
