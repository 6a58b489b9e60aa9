-- Puts stations into the area of one boundary set whose polygon covers them.
-- $1 set id; $2 station ids (null: every station).
-- The border rule (ST_Covers, smallest code on a shared border) is covering_area(), migration 0008.
insert into station_areas (set_id, station_id, area_id)
select $1::int, s.id, c.area_id
from stations s
left join lateral covering_area($1::int, s.geom) c on true
where $2::bigint[] is null or s.id = any($2::bigint[])
on conflict (set_id, station_id) do update set area_id = excluded.area_id
  where station_areas.area_id is distinct from excluded.area_id
