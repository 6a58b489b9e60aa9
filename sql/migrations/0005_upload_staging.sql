-- Planned changes as typed columns instead of two jsonb documents: a preview of 100,000 rows
-- is written set-based (INSERT … SELECT, no JSON to build or parse), a commit and a rollback
-- write stations straight from these columns, and a rollback compares them with stations in SQL.
-- before_status is null exactly when the upload created the station (status is never null).
alter table upload_changes
  add column before_name              text,
  add column before_lon               float8,
  add column before_lat               float8,
  add column before_status            text,
  add column before_commissioned_on   date,
  add column before_decommissioned_on date,
  add column after_name               text,
  add column after_lon                float8,
  add column after_lat                float8,
  add column after_status             text,
  add column after_commissioned_on    date,
  add column after_decommissioned_on  date;

-- Existing previews and audit rows keep their states exactly (numbers were written by JSON.stringify:
-- the shortest text that reads back as the same float8).
update upload_changes set
  before_name = before->>'name', before_lon = (before->>'lon')::float8, before_lat = (before->>'lat')::float8,
  before_status = before->>'status', before_commissioned_on = (before->>'commissionedOn')::date,
  before_decommissioned_on = (before->>'decommissionedOn')::date,
  after_name = after->>'name', after_lon = (after->>'lon')::float8, after_lat = (after->>'lat')::float8,
  after_status = after->>'status', after_commissioned_on = (after->>'commissionedOn')::date,
  after_decommissioned_on = (after->>'decommissionedOn')::date;

alter table upload_changes
  drop column before,
  drop column after,
  alter column after_lon set not null,
  alter column after_lat set not null,
  alter column after_status set not null,
  add constraint upload_changes_before_whole check (
    (before_status is null) = (before_lon is null) and (before_status is null) = (before_lat is null));
