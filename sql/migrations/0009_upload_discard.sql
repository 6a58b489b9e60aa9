-- A preview can be discarded: by the operator (a file they will not commit), or by the planner
-- itself once the operator's stations changed after it was made (a commit or a rollback moved
-- the operator's version past the preview's base_version: it can never be committed again).
-- A discarded preview keeps its record and its issues (the report stays readable); its planned
-- changes are deleted, so that previews nobody commits do not pile up.
alter table uploads drop constraint uploads_state_check;
alter table uploads add constraint uploads_state_check check (state in ('previewed', 'committed', 'rolled_back', 'discarded'));
alter table uploads
  add column discarded_at timestamptz,
  -- The account that discarded it; null when the planner did (superseded_by says by which upload).
  add column discarded_by text,
  add column superseded_by bigint references uploads(id),
  add constraint uploads_discarded_whole check ((state = 'discarded') = (discarded_at is not null));
create index uploads_open_previews_idx on uploads (operator_id) where state = 'previewed';
