-- Stations counting per area of one set, by operator: the input of every gap figure.
-- $1 set id; $2 as-of date; $3 baseline date for 4G (null: the as-of date); $4 operator id (null: all).
-- area_id null is the unassigned row. Grouped by operator so one scan serves every breakdown.
select sa.area_id,
       s.operator_id,
       count(*) filter (where s.technology = '4G'
         and station_on_air(s.status, s.commissioned_on, s.decommissioned_on, coalesce($3::date, $2::date)))::int as n4g,
       count(*) filter (where s.technology = '5G'
         and station_on_air(s.status, s.commissioned_on, s.decommissioned_on, $2::date))::int as n5g
from station_areas sa
join stations s on s.id = sa.station_id
where sa.set_id = $1::int
  and ($4::int is null or s.operator_id = $4::int)
group by sa.area_id, s.operator_id
