-- The one place the border rule lives in SQL: the area of a set that covers a point.
-- ST_Covers (not ST_Contains): a point exactly on the outer border is inside. A point on a border
-- shared by two areas is covered by both: the smallest code wins, all-digit codes by value and
-- before any other (geo/compare-area-codes.ts is the same rule in TypeScript). Null: no area.
-- The GiST index on areas.geom does the pre-filtering.
create function area_covering(p_set_id integer, p_geom geometry) returns integer
language sql stable parallel safe as $$
  select a.id from areas a
  where a.set_id = p_set_id and ST_Covers(a.geom, p_geom)
  order by case when a.code ~ '^[0-9]+$' then a.code::numeric end nulls last, a.code collate "C"
  limit 1
$$;
