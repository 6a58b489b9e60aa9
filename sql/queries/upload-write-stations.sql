-- Writes an upload's planned states over the operator's existing stations, set-based, and
-- places the stations that moved into the areas of every boundary set, all in one statement.
-- $1 upload id; $2 operator id; $3 false: the states after (commit of the updates and
-- decommissions), true: the states before (rollback; the creations are deleted elsewhere).
-- Only planned updates are here: under the operator's lock and an unchanged operator version
-- (a commit) or with no station changed since (a rollback) every one of them exists, so a plain
-- UPDATE does (no speculative insertion). A station already in that state is left alone.
-- Areas as in assign-stations.sql: ST_Covers, and on a shared border the smallest code wins,
-- all-digit codes by value and before any other (geo/compare-area-codes.ts says the same).
-- Returns how many stations were written.
with planned as (
  select c.code, c.technology,
    case when $3::boolean then c.before_name else c.after_name end as name,
    ST_SetSRID(ST_MakePoint(case when $3::boolean then c.before_lon else c.after_lon end,
                            case when $3::boolean then c.before_lat else c.after_lat end), 4326) as geom,
    case when $3::boolean then c.before_status else c.after_status end as status,
    case when $3::boolean then c.before_commissioned_on else c.after_commissioned_on end as commissioned_on,
    case when $3::boolean then c.before_decommissioned_on else c.after_decommissioned_on end as decommissioned_on
  from upload_changes c
  where c.upload_id = $1::bigint and c.before_status is not null
),
written as (
  update stations s set
    name = x.name, geom = x.geom, status = x.status,
    commissioned_on = x.commissioned_on, decommissioned_on = x.decommissioned_on, updated_at = now()
  from planned x
  where s.operator_id = $2::int and s.code = x.code and s.technology = x.technology
    and (s.name, s.geom, s.status, s.commissioned_on, s.decommissioned_on)
        is distinct from (x.name, x.geom, x.status, x.commissioned_on, x.decommissioned_on)
  returning s.id, s.geom
),
placed as (
  insert into station_areas (set_id, station_id, area_id)
  select b.id, w.id, c.area_id
  from written w cross join boundary_sets b
  left join lateral covering_area(b.id, w.geom) c on true
  on conflict (set_id, station_id) do update set area_id = excluded.area_id
    where station_areas.area_id is distinct from excluded.area_id
)
select count(*)::int as n from written
