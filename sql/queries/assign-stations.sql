-- Puts stations into the area of one boundary set whose polygon covers them.
-- $1 set id; $2 station ids (null: every station).
-- A point on a shared border is covered by both areas: the smallest code wins, all-digit
-- codes by value and before any other (geo/compare-area-codes.ts says the same in TypeScript).
-- ST_Covers (not ST_Contains) so that a point exactly on the outer border still counts as inside.
insert into station_areas (set_id, station_id, area_id)
select $1::int, s.id, (
  select a.id from areas a
  where a.set_id = $1::int and ST_Covers(a.geom, s.geom)
  order by case when a.code ~ '^[0-9]+$' then a.code::numeric end nulls last, a.code collate "C"
  limit 1)
from stations s
where $2::bigint[] is null or s.id = any($2::bigint[])
on conflict (set_id, station_id) do update set area_id = excluded.area_id
  where station_areas.area_id is distinct from excluded.area_id
