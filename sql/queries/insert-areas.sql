-- Inserts a batch of a set's areas (or, $3 true, its parents) from GeoJSON, in one statement.
-- $1 set id; $2 a JSON array of {code, name, parent_code, population, properties, geometry},
-- geometry as GeoJSON text; $3 false: into areas, true: into parent_areas (no parent, no population).
-- Invalid rings are repaired (ST_MakeValid) keeping only the polygonal part; third dimensions are
-- dropped. Area in km² from the geography: true ellipsoidal area, not square degrees.
-- Returns the rows that were repaired, with the reason, and those left empty by the repair
-- (not written: the caller refuses the whole import and names them).
with raw as (
  select r.code, r.name, r.parent_code, r.population, coalesce(r.properties, '{}'::jsonb) as properties,
         ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)) as g
  from json_to_recordset($2::json) as r(code text, name text, parent_code text, population int, properties jsonb, geometry text)
),
fixed as (
  select r.code, r.name, r.parent_code, r.population, r.properties,
         case when ST_IsValid(r.g) then null else ST_IsValidReason(r.g) end as invalid_reason,
         ST_Multi(ST_CollectionExtract(ST_MakeValid(r.g), 3)) as g
  from raw r
),
areas_written as (
  insert into areas (set_id, code, name, parent_code, geom, area_km2, population, properties)
  select $1::int, f.code, f.name, f.parent_code, f.g, ST_Area(f.g::geography) / 1e6, f.population, f.properties
  from fixed f where not $3::boolean and not ST_IsEmpty(f.g)
),
parents_written as (
  insert into parent_areas (set_id, code, name, geom, area_km2, properties)
  select $1::int, f.code, f.name, f.g, ST_Area(f.g::geography) / 1e6, f.properties
  from fixed f where $3::boolean and not ST_IsEmpty(f.g)
)
select f.code, f.invalid_reason, ST_IsEmpty(f.g) as empty
from fixed f
where f.invalid_reason is not null or ST_IsEmpty(f.g)
