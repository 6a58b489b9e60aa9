-- One batch of a file's valid rows planned against the operator's stations, set-based:
-- creates and updates go into upload_changes; unchanged stations are only counted.
-- $1 upload id; $2 operator id; $3 boundary set id for the outside-area test (null: no test);
-- $4 true: a point outside every area is an error (the row is not planned);
-- $5–$13 the rows, zipped by unnest: row number, code, technology, name, lon, lat, status,
-- commissioned on, decommissioned on; $14 today (date).
-- A null name, status or date is one the file does not give (no such column, or an empty
-- cell): the stored value stays. So a file of codes and coordinates moves stations and keeps
-- their names, dates and status. Without a status, a decommissioning date in the file means
-- decommissioned; a new station is on air. A status given as on air or planned clears a stored
-- decommissioning date that has passed (the station is back), not one still to come.
-- A row whose merged state breaks a rule the file alone did not show (a stored commissioning
-- date after the file's decommissioning date, an on-air station commissioned after today) is
-- not planned: it comes back as kind 'conflict' with the reason (the issue code, and which date
-- was the stored one) and the merged dates.
-- Returns one line per point outside every area (kind 'outside', with row, lon, lat), one per
-- conflict, one line per action written with its count
-- (kind 'create' / 'update', n) and the count of rows that change nothing (kind 'unchanged').
-- ST_Covers: a point exactly on the outer border is inside; the GiST index on areas.geom
-- does the pre-filtering. Coordinates compare as float8, exactly as stored (no rounding).
with f as (
  select u.*, $3::int is not null and not exists (
    select 1 from areas a
    where a.set_id = $3::int and ST_Covers(a.geom, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326))) as outside
  from unnest($5::int[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::text[], $12::date[], $13::date[])
    as u(row_number, code, technology, name, lon, lat, status, commissioned_on, decommissioned_on)
),
cmp as (
  select f.row_number, f.code, f.technology, f.lon, f.lat, f.outside,
         f.commissioned_on is not null as commissioned_in_file, f.decommissioned_on is not null as decommissioned_in_file,
         s.id as station_id, s.name as b_name, ST_X(s.geom) as b_lon, ST_Y(s.geom) as b_lat, s.status as b_status,
         s.commissioned_on as b_commissioned_on, s.decommissioned_on as b_decommissioned_on,
         coalesce(f.name, s.name) as name,
         coalesce(f.status, case when f.decommissioned_on is not null then 'decommissioned' end, s.status, 'on_air') as status,
         coalesce(f.commissioned_on, s.commissioned_on) as commissioned_on,
         case when f.decommissioned_on is not null then f.decommissioned_on
              when f.status is not null and f.status <> 'decommissioned' and s.decommissioned_on <= $14::date then null
              else s.decommissioned_on end as decommissioned_on
  from f
  left join stations s on s.operator_id = $2::int and s.code = f.code and s.technology = f.technology
  where not (f.outside and $4::boolean)
),
judged as (
  -- Both dates from the file were checked before: here one of them is the stored one.
  select c.*, case
      when c.decommissioned_on < c.commissioned_on then
        case when c.decommissioned_in_file then 'date_order.stored' else 'date_order.stored_decommissioning' end
      when c.status = 'on_air' and c.commissioned_on > $14::date then
        case when c.commissioned_in_file then 'future_date' else 'future_date.stored' end
    end as conflict
  from cmp c
),
planned as (
  select j.*, j.station_id is null
      or (j.b_name, j.b_lon, j.b_lat, j.b_status, j.b_commissioned_on, j.b_decommissioned_on)
         is distinct from (j.name, j.lon, j.lat, j.status, j.commissioned_on, j.decommissioned_on) as changes
  from judged j
  where j.conflict is null
),
written as (
  insert into upload_changes (upload_id, code, technology, action, row_number,
    before_name, before_lon, before_lat, before_status, before_commissioned_on, before_decommissioned_on,
    after_name, after_lon, after_lat, after_status, after_commissioned_on, after_decommissioned_on)
  select $1::bigint, c.code, c.technology, case when c.station_id is null then 'create' else 'update' end, c.row_number,
    c.b_name, c.b_lon, c.b_lat, c.b_status, c.b_commissioned_on, c.b_decommissioned_on,
    c.name, c.lon, c.lat, c.status, c.commissioned_on, c.decommissioned_on
  from planned c
  where c.changes
  returning action
)
select 'outside' as kind, f.row_number, f.lon, f.lat, null::int as n, null::text as reason, null::date as commissioned_on, null::date as decommissioned_on
from f where f.outside
union all
select 'conflict', j.row_number, null, null, null, j.conflict, j.commissioned_on, j.decommissioned_on from judged j where j.conflict is not null
union all
select w.action, null, null, null, count(*)::int, null, null, null from written w group by w.action
union all
select 'unchanged', null, null, null, count(*)::int, null, null, null from planned p where not p.changes
