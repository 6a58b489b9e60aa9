-- Inserts or updates stations by identity (operator, code, technology), many at once.
-- Arrays are bound parameters, one per column, zipped by unnest: one round trip per batch.
-- Returns every id written, so the caller can place exactly those into areas.
insert into stations as s (operator_id, code, technology, name, geom, status, commissioned_on, decommissioned_on)
select u.operator_id, u.code, u.technology, u.name, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326),
       u.status, u.commissioned_on, u.decommissioned_on
from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::date[], $9::date[])
  as u(operator_id, code, technology, name, lon, lat, status, commissioned_on, decommissioned_on)
on conflict (operator_id, code, technology) do update set
  name = excluded.name, geom = excluded.geom, status = excluded.status,
  commissioned_on = excluded.commissioned_on, decommissioned_on = excluded.decommissioned_on, updated_at = now()
where (s.name, s.geom, s.status, s.commissioned_on, s.decommissioned_on)
  is distinct from (excluded.name, excluded.geom, excluded.status, excluded.commissioned_on, excluded.decommissioned_on)
returning s.id
