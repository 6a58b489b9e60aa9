-- Stations an upload changed whose state now is not the one it wrote (changed outside uploads,
-- or deleted): a rollback would overwrite that, so it is refused with this list.
-- $1 upload id; $2 operator id; $3/$4 code and technology of stations already reported as changed
-- by a later upload (left out here). At most 1,000, in code order.
select c.code, c.technology
from upload_changes c
left join stations s on s.operator_id = $2::int and s.code = c.code and s.technology = c.technology
where c.upload_id = $1::bigint
  and not exists (select 1 from unnest($3::text[], $4::text[]) as k(code, technology)
                  where k.code = c.code and k.technology = c.technology)
  and (s.id is null
       or (s.name, ST_X(s.geom), ST_Y(s.geom), s.status, s.commissioned_on, s.decommissioned_on)
          is distinct from (c.after_name, c.after_lon, c.after_lat, c.after_status, c.after_commissioned_on, c.after_decommissioned_on))
order by c.code, c.technology
limit 1000
