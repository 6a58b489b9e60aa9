-- Stations counting on each of several dates, per area and operator: the timeline's input.
-- $1 set id; $2 dates date[]; $3 baseline date for 4G (null: each date itself);
-- $4 operator id (null: all); $5 area id (null: every area, and the unassigned row).
-- Recomputed from commissioning dates, so any past date can be asked for.
select d.on_date::text as on_date, sa.area_id, s.operator_id,
       count(*) filter (where s.technology = '4G'
         and station_on_air(s.status, s.commissioned_on, s.decommissioned_on, coalesce($3::date, d.on_date)))::int as n4g,
       count(*) filter (where s.technology = '5G'
         and station_on_air(s.status, s.commissioned_on, s.decommissioned_on, d.on_date))::int as n5g
from unnest($2::date[]) as d(on_date)
cross join station_areas sa
join stations s on s.id = sa.station_id
where sa.set_id = $1::int
  and ($4::int is null or s.operator_id = $4::int)
  and ($5::int is null or sa.area_id = $5::int)
group by d.on_date, sa.area_id, s.operator_id
