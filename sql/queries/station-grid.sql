-- Stations counted per grid cell, for the map at low zoom (aggregates instead of points).
-- $1 set id (for the area filter); $2..$5 bbox minLon, minLat, maxLon, maxLat (EPSG:4326);
-- $6 cell size in degrees; $7 technology or null; $8 operator ids or null; $9 statuses or null;
-- $10 as-of date or null (only stations on air then); $11 area codes or null.
-- The envelope is built in the column's SRID so the GiST index on stations.geom is used.
-- A cell is placed at the mean of its stations, so a lone station's bubble sits on it.
with hits as (
  select s.technology, ST_X(s.geom) as x, ST_Y(s.geom) as y,
         ST_SnapToGrid(s.geom, $6::float8) as cell
  from stations s
  left join station_areas sa on sa.station_id = s.id and sa.set_id = $1::int
  left join areas a on a.id = sa.area_id
  where s.geom && ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, 4326)
    and ($7::text is null or s.technology = $7::text)
    and ($8::int[] is null or s.operator_id = any($8::int[]))
    and ($9::text[] is null or s.status = any($9::text[]))
    and ($10::date is null or station_on_air(s.status, s.commissioned_on, s.decommissioned_on, $10::date))
    and ($11::text[] is null or a.code = any($11::text[]))
)
select round(avg(x)::numeric, 6)::float8 as lon,
       round(avg(y)::numeric, 6)::float8 as lat,
       count(*) filter (where technology = '4G')::int as n4g,
       count(*) filter (where technology = '5G')::int as n5g
from hits
group by ST_X(cell), ST_Y(cell)
order by ST_X(cell), ST_Y(cell)
