-- Writes an upload's planned changes into stations, set-based, and places the stations
-- written into the areas of every boundary set, all in one statement (no slices: a keyset
-- slice would sort the upload's changes by code again for every slice).
-- $1 upload id; $2 operator id; $3 false: write the states after (commit), true: write the
-- states before (rollback; stations the upload created are deleted elsewhere).
-- Stations whose state is already the one written are left alone (no new updated_at).
-- Areas as in assign-stations.sql: ST_Covers, and on a shared border the smallest code wins,
-- all-digit codes by value and before any other (geo/compare-area-codes.ts says the same).
-- Returns how many planned states were written or found already in place.
with planned as (
  select c.code, c.technology,
    case when $3::boolean then c.before_name else c.after_name end as name,
    case when $3::boolean then c.before_lon else c.after_lon end as lon,
    case when $3::boolean then c.before_lat else c.after_lat end as lat,
    case when $3::boolean then c.before_status else c.after_status end as status,
    case when $3::boolean then c.before_commissioned_on else c.after_commissioned_on end as commissioned_on,
    case when $3::boolean then c.before_decommissioned_on else c.after_decommissioned_on end as decommissioned_on
  from upload_changes c
  where c.upload_id = $1::bigint
    and (not $3::boolean or c.before_status is not null)
),
written as (
  insert into stations as s (operator_id, code, technology, name, geom, status, commissioned_on, decommissioned_on)
  select $2::int, x.code, x.technology, x.name, ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326),
         x.status, x.commissioned_on, x.decommissioned_on
  from planned x
  on conflict (operator_id, code, technology) do update set
    name = excluded.name, geom = excluded.geom, status = excluded.status,
    commissioned_on = excluded.commissioned_on, decommissioned_on = excluded.decommissioned_on, updated_at = now()
  where (s.name, s.geom, s.status, s.commissioned_on, s.decommissioned_on)
    is distinct from (excluded.name, excluded.geom, excluded.status, excluded.commissioned_on, excluded.decommissioned_on)
  returning s.id, s.geom
),
placed as (
  insert into station_areas (set_id, station_id, area_id)
  select b.id, w.id, (
    select a.id from areas a
    where a.set_id = b.id and ST_Covers(a.geom, w.geom)
    order by case when a.code ~ '^[0-9]+$' then a.code::numeric end nulls last, a.code collate "C"
    limit 1)
  from written w cross join boundary_sets b
  on conflict (set_id, station_id) do update set area_id = excluded.area_id
    where station_areas.area_id is distinct from excluded.area_id
)
select count(*)::int as n from planned
