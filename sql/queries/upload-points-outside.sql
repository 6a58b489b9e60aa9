-- Which of the given points lie in no area of one boundary set.
-- $1 set id; $2 longitudes; $3 latitudes (zipped by unnest). Returns the 1-based ordinal of
-- each point outside every area. ST_Covers: a point exactly on the outer border is inside;
-- it is index-aware, so the GiST index on areas.geom does the pre-filtering.
select p.i::int as i
from unnest($2::float8[], $3::float8[]) with ordinality as p(lon, lat, i)
where not exists (
  select 1 from areas a
  where a.set_id = $1::int and ST_Covers(a.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)))
