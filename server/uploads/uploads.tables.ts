import type { ColumnType, Generated } from 'kysely';
import type { StationStatus } from '../db/schema.js';

/** The tables of sql/migrations/0002_uploads.sql (upload_changes as of 0005, upload_issues.params 0007), added to the core DB type with `withTables`. */

type Jsonb<T> = ColumnType<T, string, string>;

export interface UploadsTable {
  id: Generated<number>;
  operator_id: number;
  mode: 'merge' | 'replace';
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  format: 'csv' | 'xlsx' | 'geojson';
  sheet: string | null;
  uploaded_by: string;
  state: ColumnType<UploadState, undefined, Exclude<UploadState, 'previewed'>>;
  base_version: number;
  rows_total: number;
  counts: Jsonb<UploadCounts>;
  columns: Jsonb<StoredColumns>;
  created_at: ColumnType<Date, never, never>;
  committed_at: ColumnType<Date | null, never, string>;
  committed_by: string | null;
  commit_seq: ColumnType<number | null, never, never>;
  rolled_back_at: ColumnType<Date | null, never, string>;
  rolled_back_by: string | null;
  discarded_at: ColumnType<Date | null, never, string>;
  discarded_by: string | null;
  superseded_by: number | null;
}

export type UploadState = 'previewed' | 'committed' | 'rolled_back' | 'discarded';

/** What an upload keeps of the file's columns (uploads.service.ts), returned with it in every list. */
export interface StoredColumns {
  recognised: Record<string, string>;
  /** The first 50 unknown columns, in file order. */
  unknown: string[];
  /** How many unknown columns the file has, when there are more than `unknown` lists. */
  unknownCount?: number;
  headerRow?: number;
  sheet?: string;
  hiddenRows?: number[];
}

export interface UploadCounts {
  create: number;
  update: number;
  unchanged: number;
  decommission: number;
  errorRows: number;
  warnings: number;
  /** Replace mode: the operator's stations not decommissioned when the preview was made (the share it decommissions). */
  operatorStations?: number;
}

export interface UploadIssuesTable {
  upload_id: number;
  seq: number;
  row_number: number | null;
  severity: 'error' | 'warning';
  code: string;
  field: string | null;
  message: string;
  value: string | null;
  /** sql/migrations/0007_upload_issue_params.sql: what the message is made of; null on rows saved before it. */
  params: ColumnType<Record<string, unknown> | null, string | null, never>;
  /** sql/migrations/0011_upload_issue_station.sql: the row's station code as the file has it. */
  station_code: string | null;
}

export interface UploadChangesTable {
  upload_id: number;
  code: string;
  technology: '4G' | '5G';
  action: 'create' | 'update' | 'decommission';
  row_number: number | null;
  /** The state before (all null: the upload created the station) and after (sql/migrations/0005_upload_staging.sql). */
  before_name: string | null;
  before_lon: number | null;
  before_lat: number | null;
  before_status: StationStatus | null;
  before_commissioned_on: string | null;
  before_decommissioned_on: string | null;
  after_name: string | null;
  after_lon: number;
  after_lat: number;
  after_status: StationStatus;
  after_commissioned_on: string | null;
  after_decommissioned_on: string | null;
}

export interface OperatorStationVersionsTable {
  operator_id: number;
  version: number;
}

export type UploadTables = {
  uploads: UploadsTable;
  upload_issues: UploadIssuesTable;
  upload_changes: UploadChangesTable;
  operator_station_versions: OperatorStationVersionsTable;
};
