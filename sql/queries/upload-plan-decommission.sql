-- Replace mode: the operator's stations the file no longer lists are planned as decommissioned.
-- $1 upload id; $2 operator id; $3 today (date); $4/$5 code and technology of every row of the
-- file that names a station, valid or not; $6 codes of rows whose technology was unreadable
-- (they spare every technology of that code). Already decommissioned stations stay as they are.
-- The date: the one already set, else today, but never before the commissioning date (the
-- check constraint wants decommissioned_on ≥ commissioned_on, also for a planned station).
-- Returns how many were planned, and how many of the operator's stations are not decommissioned.
with written as (
  insert into upload_changes (upload_id, code, technology, action, row_number,
    before_name, before_lon, before_lat, before_status, before_commissioned_on, before_decommissioned_on,
    after_name, after_lon, after_lat, after_status, after_commissioned_on, after_decommissioned_on)
  select $1::bigint, s.code, s.technology, 'decommission', null,
    s.name, ST_X(s.geom), ST_Y(s.geom), s.status, s.commissioned_on, s.decommissioned_on,
    s.name, ST_X(s.geom), ST_Y(s.geom), 'decommissioned', s.commissioned_on,
    coalesce(s.decommissioned_on, greatest(s.commissioned_on, $3::date))
  from stations s
  where s.operator_id = $2::int and s.status <> 'decommissioned'
    and not exists (select 1 from unnest($4::text[], $5::text[]) as k(code, technology)
                    where k.code = s.code and k.technology = s.technology)
    and not exists (select 1 from unnest($6::text[]) as k(code) where k.code = s.code)
  returning 1
)
select (select count(*) from written)::int as n,
  (select count(*) from stations s where s.operator_id = $2::int and s.status <> 'decommissioned')::int as active
