-- Creates the stations an upload planned as new, set-based, and places them into the areas of
-- every boundary set, in one statement. $1 upload id; $2 operator id.
-- A commit runs under the operator's lock with the operator version of the preview, so none of
-- them exists yet: a plain INSERT (a station there after all breaks the unique key, and the
-- whole commit is undone). Areas as in assign-stations.sql (smallest code wins on a border).
-- Returns how many stations were created.
with written as (
  insert into stations (operator_id, code, technology, name, geom, status, commissioned_on, decommissioned_on)
  select $2::int, c.code, c.technology, c.after_name, ST_SetSRID(ST_MakePoint(c.after_lon, c.after_lat), 4326),
         c.after_status, c.after_commissioned_on, c.after_decommissioned_on
  from upload_changes c
  where c.upload_id = $1::bigint and c.before_status is null
  returning id, geom
),
placed as (
  insert into station_areas (set_id, station_id, area_id)
  select b.id, w.id, c.area_id
  from written w cross join boundary_sets b
  left join lateral covering_area(b.id, w.geom) c on true
)
select count(*)::int as n from written
