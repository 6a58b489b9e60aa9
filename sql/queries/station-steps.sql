-- The step function behind every count on any date: per (area, operator, technology) of one
-- set, how many stations go on air (+1) and off air (-1) on each day. A station on air on D
-- (DOMAIN.md) is one whose start ≤ D < end: start = commissioned_on, or -infinity when undated;
-- end = decommissioned_on, or never. Planned stations and decommissioned ones without a date
-- never count, so they have no steps. $1 set id. area_id null: the unassigned row.
select sa.area_id, s.operator_id, s.technology, e.day::text as day, sum(e.delta)::int as delta
from station_areas sa
join stations s on s.id = sa.station_id
cross join lateral (values (coalesce(s.commissioned_on, '-infinity'::date), 1), (s.decommissioned_on, -1)) as e(day, delta)
where sa.set_id = $1::int
  and s.status <> 'planned'
  and (s.status <> 'decommissioned' or s.decommissioned_on is not null)
  and e.day is not null
group by sa.area_id, s.operator_id, s.technology, e.day
