-- The stations the upgrade ranking needs, for one set on one date.
-- $1 set id; $2 as-of date; $3 operator id (null: all operators).
-- 4G: on air on $2 and in an area of the set (the candidates, by area).
-- 5G: not taken off air by $2, with on_air telling whether it counts (covers) on $2; a
-- planned 5G is not coverage yet but still marks its 4G site as upgraded.
select s.technology, o.code as operator, s.code, s.name, sa.area_id,
       round(ST_X(s.geom)::numeric, 6)::float8 as lon,
       round(ST_Y(s.geom)::numeric, 6)::float8 as lat,
       station_on_air(s.status, s.commissioned_on, s.decommissioned_on, $2::date) as on_air
from stations s
join operators o on o.id = s.operator_id
left join station_areas sa on sa.station_id = s.id and sa.set_id = $1::int
where ($3::int is null or s.operator_id = $3::int)
  and case when s.technology = '4G'
        then sa.area_id is not null and station_on_air(s.status, s.commissioned_on, s.decommissioned_on, $2::date)
        else coalesce(s.decommissioned_on > $2::date, s.status <> 'decommissioned') end
