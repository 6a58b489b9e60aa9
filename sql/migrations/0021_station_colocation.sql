-- Co-location kept with the data, like the area of a station: written when stations are, read
-- by a join. It was an EXISTS per row per request: at national scale (67,000 stations of one
-- operator) 2 ms a row, a 168,000-row CSV export in minutes.
--
-- DOMAIN: a 4G and a 5G station of one operator within COLOCATION_METERS are co-located. As the
-- per-row query had it, and as the station list shows it: a station is co-located when a station
-- of the same operator and the other technology stands within that distance and is not
-- decommissioned (status). It is the list as it stands, not as of a date: a 4G decommissioned
-- (status) no longer makes a site; a 4G on air with a decommissioning date still does, until
-- its status says decommissioned. The station's own status does not matter.

-- The distance the stored flags were computed with. The server compares it with
-- COLOCATION_METERS at start and recomputes every flag when they differ.
create table colocation_setting (
  id     integer primary key check (id = 1),
  meters double precision not null check (meters > 0)
);
insert into colocation_setting (id, meters) values (1, 50);

-- The co-located stations (a station not listed is not co-located): a row per co-located
-- station, so a write touches only the stations whose flag changes, never the stations table.
create table station_colocated (
  station_id bigint primary key references stations(id) on delete cascade
);

-- Degrees that surely hold `meters` around a point at latitude `lat`, for an index pre-filter
-- (the GiST index works in degrees; ST_DWithin on geography then measures true metres). A degree
-- of latitude is at least 110,574 m and one of longitude at least 111,319 m × cos(lat): dividing
-- by 110,000 × cos(lat) errs on the wide side in both directions, at any latitude.
create function colocation_degrees(meters double precision, lat double precision) returns double precision
language sql immutable parallel safe as $$
  select meters / (110000 * greatest(cos(radians(abs(lat))), 0.01))
$$;

-- The rule itself, for one station: another technology of its operator, not decommissioned, within `meters`.
-- `operator_id + 0`, here and below: keeps the B-tree on (operator_id, code, technology) out of the
-- plan. Inside a bulk write the statistics are stale (the table grew in this transaction), and the
-- planner then ANDs that index with the GiST one, reading every station of the operator for each
-- probe (issue 13: 2 ms a row at 67,000 stations; 20,000 inserts took 196 s). The GiST index alone
-- finds the few stations within reach.
create function station_is_colocated(p_operator_id integer, p_technology text, p_geom geometry, p_meters double precision)
returns boolean language sql stable parallel safe as $$
  select exists (
    select 1 from stations t
    where t.operator_id + 0 = p_operator_id and t.technology <> p_technology and t.status <> 'decommissioned'
      and ST_DWithin(t.geom, p_geom, colocation_degrees(p_meters, ST_Y(p_geom)))
      and ST_DWithin(t.geom::geography, p_geom::geography, p_meters))
$$;

-- Recomputes the flags that a change can have moved: those of the stations `p_ids` (written or
-- moved) and of every station of the same operator and the other technology within reach of the
-- points (operator, technology, geom) where a partner appeared or went. Set-based: one index
-- probe per point, one per station touched.
create function refresh_colocation(p_ids bigint[], p_operators integer[], p_technologies text[], p_geoms geometry[])
returns void language plpgsql as $$
declare
  m double precision := (select meters from colocation_setting where id = 1);
begin
  with points as (
    select * from unnest(p_operators, p_technologies, p_geoms) as p(operator_id, technology, geom)
  ), touched as (
    select s.id from stations s where s.id = any(p_ids)
    union
    select t.id from points p
    join stations t on t.operator_id + 0 = p.operator_id and t.technology <> p.technology
      and ST_DWithin(t.geom, p.geom, colocation_degrees(m, ST_Y(p.geom)))
      and ST_DWithin(t.geom::geography, p.geom::geography, m)
  ), flags as (
    select s.id, station_is_colocated(s.operator_id, s.technology, s.geom, m) as colocated
    from touched x join stations s on s.id = x.id
  ), gone as (
    delete from station_colocated c using flags f where c.station_id = f.id and not f.colocated
  )
  insert into station_colocated (station_id)
  select f.id from flags f where f.colocated
  on conflict (station_id) do nothing;
end $$;

-- Every flag anew: after a change of distance, and once here for the stations already stored.
create function recompute_colocation() returns void language sql as $$
  delete from station_colocated;
  insert into station_colocated (station_id)
  select s.id from stations s, colocation_setting c
  where c.id = 1 and station_is_colocated(s.operator_id, s.technology, s.geom, c.meters);
$$;

-- Every write to stations keeps the flags (upload commits and rollbacks, replace, the CLI, the
-- demo seed, an edit by hand): statement triggers see the rows written as transition tables.
-- A decommissioned station is nobody's partner: as a point it matters only by entering or
-- leaving that state, which the update trigger sees. The arrays of one point are filled by one
-- scan, so they stay aligned.

-- New stations only add partners: flags go from false to true, never back. So each pair of a
-- new station and a station within reach (new or not) is found once, from the new side, and
-- both ends are marked when the other end is not decommissioned: one index probe per new
-- station, as placing it into an area costs (a 100,000-row upload commit).
create function stations_colocation_inserted() returns trigger language plpgsql as $$
declare
  m double precision := (select meters from colocation_setting where id = 1);
begin
  insert into station_colocated (station_id)
  select x.id
  from new_rows n
  join stations t on t.operator_id + 0 = n.operator_id and t.technology <> n.technology
    and ST_DWithin(t.geom, n.geom, colocation_degrees(m, ST_Y(n.geom)))
    and ST_DWithin(t.geom::geography, n.geom::geography, m)
  cross join lateral (values (n.id, t.status), (t.id, n.status)) as x(id, partner_status)
  where x.partner_status <> 'decommissioned'
  on conflict (station_id) do nothing;
  return null;
end $$;

create function stations_colocation_deleted() returns trigger language plpgsql as $$
declare ops integer[]; techs text[]; geoms geometry[];
begin
  select array_agg(operator_id), array_agg(technology), array_agg(geom)
  into ops, techs, geoms from old_rows where status <> 'decommissioned';
  if ops is not null then perform refresh_colocation('{}'::bigint[], ops, techs, geoms); end if;
  return null;
end $$;

-- Only rows whose operator, technology, place or status changed matter (a new name does not);
-- their partners are looked up around the old point and the new one.
create function stations_colocation_updated() returns trigger language plpgsql as $$
declare ids bigint[]; ops integer[]; techs text[]; geoms geometry[];
begin
  with changed as (
    select n.id,
           o.operator_id as o_op, o.technology as o_tech, o.geom as o_geom, o.status as o_status,
           n.operator_id as n_op, n.technology as n_tech, n.geom as n_geom, n.status as n_status
    from old_rows o join new_rows n on n.id = o.id
    where (o.operator_id, o.technology, o.geom, o.status) is distinct from (n.operator_id, n.technology, n.geom, n.status)
  ), points as (
    select o_op as op, o_tech as tech, o_geom as geom from changed where o_status <> 'decommissioned'
    union all
    select n_op, n_tech, n_geom from changed where n_status <> 'decommissioned'
  )
  select (select array_agg(id) from changed), array_agg(op), array_agg(tech), array_agg(geom)
  into ids, ops, techs, geoms from points;
  if ids is not null then perform refresh_colocation(ids, ops, techs, geoms); end if;
  return null;
end $$;

create trigger stations_colocation_insert after insert on stations
  referencing new table as new_rows for each statement execute function stations_colocation_inserted();
create trigger stations_colocation_update after update on stations
  referencing old table as old_rows new table as new_rows for each statement execute function stations_colocation_updated();
create trigger stations_colocation_delete after delete on stations
  referencing old table as old_rows for each statement execute function stations_colocation_deleted();

create trigger station_colocated_version after insert or update or delete on station_colocated
  for each statement execute function bump_data_version();
create trigger colocation_setting_version after insert or update or delete on colocation_setting
  for each statement execute function bump_data_version();

select recompute_colocation();
