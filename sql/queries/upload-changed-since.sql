-- Stations an upload changed whose state now is not the one it wrote (changed outside uploads,
-- or deleted): a rollback would overwrite that, so it is refused with this list. Stations a
-- later upload of the operator (still committed) changed are left out: those are reported as
-- that upload's conflicts. $1 upload id; $2 operator id; $3 the upload's commit sequence.
-- At most 1,000, in code order; `total` counts them all.
select c.code, c.technology, count(*) over () as total
from upload_changes c
left join stations s on s.operator_id = $2::int and s.code = c.code and s.technology = c.technology
where c.upload_id = $1::bigint
  and not exists (select 1 from upload_changes lc join uploads lu on lu.id = lc.upload_id
                  where lc.code = c.code and lc.technology = c.technology
                    and lu.operator_id = $2::int and lu.state = 'committed' and lu.commit_seq > $3::bigint)
  and (s.id is null
       or (s.name, ST_X(s.geom), ST_Y(s.geom), s.status, s.commissioned_on, s.decommissioned_on)
          is distinct from (c.after_name, c.after_lon, c.after_lat, c.after_status, c.after_commissioned_on, c.after_decommissioned_on))
order by c.code, c.technology
limit 1000
