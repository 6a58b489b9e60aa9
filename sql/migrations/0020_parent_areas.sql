-- The level above a set's areas (since 2025: communes → provinces). A set records the name of
-- its parent level; its parents (code, name, geometry) are a table of their own, per set, and an
-- area's parent_code must name a parent of the same set. Figures at the parent level are sums
-- over the children (each station is in one child, so counted once): no station is placed into
-- parents, an area's parent_code is the join.

alter table boundary_sets add column parent_level text
  check (parent_level in ('country', 'province', 'district', 'commune', 'other'));

create table parent_areas (
  id          serial primary key,
  set_id      integer not null references boundary_sets(id) on delete cascade,
  code        text not null,
  name        text not null,
  geom        geometry(MultiPolygon, 4326) not null,
  area_km2    double precision not null,
  properties  jsonb not null default '{}'::jsonb,
  unique (set_id, code)
);
create index parent_areas_geom_gix on parent_areas using gist (geom);

create trigger parent_areas_version after insert or update or delete on parent_areas
  for each statement execute function bump_data_version();

-- Sets imported before this migration with a parent field: their parents are the union of
-- their children, named by their code (the file gave no names), at the level above theirs.
insert into parent_areas (set_id, code, name, geom, area_km2)
select a.set_id, a.parent_code, a.parent_code, u.geom, ST_Area(u.geom::geography) / 1e6
from (select set_id, parent_code from areas where parent_code is not null group by set_id, parent_code) a
cross join lateral (
  select ST_Multi(ST_CollectionExtract(ST_Union(c.geom), 3)) as geom
  from areas c where c.set_id = a.set_id and c.parent_code = a.parent_code
) u;
update boundary_sets b
set parent_level = case b.level when 'province' then 'country' when 'other' then 'other' else 'province' end
where exists (select 1 from parent_areas p where p.set_id = b.id);

-- Deferred: an import writes the children, then their parents (from a file, or as the union of
-- the children just written); the check runs at commit. Checked before writing anyway, with
-- errors that name the codes (server/boundary-sets/boundary-parents.ts): this is the backstop.
alter table areas add constraint areas_parent_fkey foreign key (set_id, parent_code)
  references parent_areas (set_id, code) deferrable initially deferred;
-- The children of one parent (?parent=), and the foreign key's own look-ups.
create index areas_parent_idx on areas (set_id, parent_code);
