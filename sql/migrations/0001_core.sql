-- The planning core: boundary sets, areas, operators, stations, their area per set, targets.
-- Geometry is EPSG:4326 lon/lat; metres come from ::geography casts.

create table boundary_sets (
  id          serial primary key,
  name        text not null unique,
  level       text not null default 'district' check (level in ('country', 'province', 'district', 'commune', 'other')),
  source      text,
  licence     text,
  valid_from  date,
  valid_to    date,
  is_demo     boolean not null default false,
  created_at  timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

create table areas (
  id          serial primary key,
  set_id      integer not null references boundary_sets(id) on delete cascade,
  code        text not null,
  name        text not null,
  parent_code text,
  geom        geometry(MultiPolygon, 4326) not null,
  area_km2    double precision not null,
  population  integer check (population is null or population >= 0),
  properties  jsonb not null default '{}'::jsonb,
  unique (set_id, code)
);
create index areas_geom_gix on areas using gist (geom);

create table operators (
  id    serial primary key,
  code  text not null unique,
  name  text not null
);
insert into operators (code, name) values
  ('VIETTEL', 'Viettel'), ('VNPT', 'VNPT (VinaPhone)'), ('MOBIFONE', 'MobiFone'), ('VIETNAMOBILE', 'Vietnamobile');

create table stations (
  id                bigserial primary key,
  operator_id       integer not null references operators(id),
  code              text not null,
  technology        text not null check (technology in ('4G', '5G')),
  name              text,
  geom              geometry(Point, 4326) not null,
  status            text not null check (status in ('planned', 'on_air', 'decommissioned')),
  commissioned_on   date,
  decommissioned_on date,
  updated_at        timestamptz not null default now(),
  unique (operator_id, code, technology),
  check (decommissioned_on is null or commissioned_on is null or decommissioned_on >= commissioned_on)
);
create index stations_geom_gix on stations using gist (geom);

-- The area a station falls in, per boundary set, fixed at write time by a spatial join.
-- area_id null: the station is in no area of that set (unassigned, still counted set-wide).
create table station_areas (
  set_id     integer not null references boundary_sets(id) on delete cascade,
  station_id bigint  not null references stations(id) on delete cascade,
  area_id    integer references areas(id) on delete cascade,
  primary key (set_id, station_id)
);
create index station_areas_area_idx on station_areas (set_id, area_id);

create table targets (
  id           serial primary key,
  name         text not null unique,
  share_bp     integer not null check (share_bp > 0 and share_bp <= 1000000),
  baseline_on  date,
  due_on       date,
  is_default   boolean not null default false,
  created_at   timestamptz not null default now()
);
create unique index targets_one_default on targets (is_default) where is_default;

create table target_milestones (
  target_id  integer not null references targets(id) on delete cascade,
  due_on     date not null,
  share_bp   integer not null check (share_bp > 0 and share_bp <= 1000000),
  primary key (target_id, due_on)
);

-- One counter that every write moves: caches in any app instance key on it.
create table data_version (
  id       integer primary key check (id = 1),
  version  bigint not null
);
insert into data_version (id, version) values (1, 1);

create function bump_data_version() returns trigger language plpgsql as $$
begin
  update data_version set version = version + 1 where id = 1;
  return null;
end $$;

create trigger boundary_sets_version after insert or update or delete on boundary_sets
  for each statement execute function bump_data_version();
create trigger areas_version after insert or update or delete on areas
  for each statement execute function bump_data_version();
create trigger stations_version after insert or update or delete on stations
  for each statement execute function bump_data_version();
create trigger station_areas_version after insert or update or delete on station_areas
  for each statement execute function bump_data_version();
create trigger targets_version after insert or update or delete on targets
  for each statement execute function bump_data_version();
create trigger target_milestones_version after insert or update or delete on target_milestones
  for each statement execute function bump_data_version();

-- The province's goal (An Giang DIC, 13 Feb 2025) and the ministry's 2025 path.
insert into targets (name, share_bp, due_on, is_default) values ('5G = 50% of 4G (2025 plan)', 5000, '2025-12-31', true);
insert into target_milestones (target_id, due_on, share_bp)
select t.id, m.due_on::date, m.bp from targets t,
  (values ('2025-05-31', 1030), ('2025-09-30', 1490), ('2025-10-31', 2490), ('2025-11-30', 4370), ('2025-12-31', 5750)) as m(due_on, bp)
where t.is_default;

-- DOMAIN: a station counts on date d when it is on air on d: commissioned on or before d
-- (or no date given) and not decommissioned on or before d. Planned stations never count;
-- a decommissioned station with no date no longer counts on any date. Inlined by the planner.
create function station_on_air(status text, commissioned_on date, decommissioned_on date, d date)
returns boolean language sql immutable parallel safe as $$
  select status <> 'planned'
     and (commissioned_on is null or commissioned_on <= d)
     and case when status = 'decommissioned' then decommissioned_on is not null and decommissioned_on > d
              else decommissioned_on is null or decommissioned_on > d end
$$;
