import { normalizeTechnology, type Technology } from '../../geo/normalize-technology.js';
import type { StationStatus } from '../db/schema.js';
import type { StationState } from '../stations/stations.repository.js';
import { foldKey, type Field } from './upload-headers.js';
import { makeIssue, type IssueParams } from './upload-messages.js';
import { isBlank, type ParsedRow } from './upload-source.js';
import { cellText, readText } from './upload-values.js';
import { readDate } from './upload-values-date.js';
import { readStatus } from './upload-values-enums.js';
import { readNumber } from './upload-values-number.js';

export type { StationState };

/**
 * A row without errors. A null name, status or date is one the file does not give: planning
 * keeps the stored value (sql/queries/upload-plan-rows.sql), a new station gets the defaults.
 */
export interface ValidStation extends Omit<StationState, 'status'> {
  code: string; technology: Technology; rowNumber: number; status: StationStatus | null;
}

export const ISSUE_CODES = [
  'missing_value', 'unknown_technology', 'unknown_status', 'bad_number', 'out_of_range', 'swapped_coordinates',
  'bad_date', 'future_date', 'date_order', 'bad_text', 'duplicate', 'other_operator', 'outside_areas',
  'bad_geometry', 'unknown_column',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface RowIssue {
  row: number | null;
  severity: 'error' | 'warning';
  code: IssueCode;
  field: Field | null;
  /** English, rendered from code and params (upload-messages.ts): what is stored for audit and old clients. */
  message: string;
  value: string | null;
  /** What the message needs besides field and value; `kind` picks a variant of the code's text. */
  params: IssueParams;
}

export interface ValidateContext { operator: { code: string; name: string }; today: string }

export const MAX_CODE_LENGTH = 64;
export const MAX_NAME_LENGTH = 200;

/** Vietnam's extent, generously: a point that only lands here once swapped was written lat/lon backwards. */
const inVietnam = (lon: number, lat: number) => lon >= 101 && lon <= 118 && lat >= 7 && lat <= 24;

/** Checks one row; returns the station when it has no error, and every problem found either way. */
export function validateRow(row: ParsedRow, ctx: ValidateContext): { station: ValidStation | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const v = row.values;
  const error: ErrorFn = (code, field, params = {}) =>
    issues.push(makeIssue({ row: row.rowNumber, severity: 'error', code, field, params, value: field ? cellText(v[field]).slice(0, 200) || null : null }));

  // The GeoJSON reader has one geometry problem only: no Point; the catalogue says so in both languages.
  if (row.problem) error('bad_geometry', null);
  const code = requiredText(v.station_code, 'station_code', MAX_CODE_LENGTH, error);
  let technology: Technology | null = null;
  if (isBlank(v.technology)) error('missing_value', 'technology', { kind: 'technology' });
  else {
    technology = normalizeTechnology(cellText(v.technology));
    if (!technology) error('unknown_technology', 'technology');
  }
  const point = row.problem ? null : readPoint(row, error);

  let status: StationStatus | null = null;
  if (!isBlank(v.status)) {
    const s = readStatus(v.status);
    if (s.ok) status = s.value;
    else error('unknown_status', 'status');
  }
  const commissionedOn = optionalDate(v.commissioned_on, 'commissioned_on', error);
  const decommissionedOn = optionalDate(v.decommissioned_on, 'decommissioned_on', error);
  if (status === 'on_air' && commissionedOn && commissionedOn > ctx.today) {
    error('future_date', 'commissioned_on', { date: commissionedOn, today: ctx.today });
  }
  if (commissionedOn && decommissionedOn && decommissionedOn < commissionedOn) {
    error('date_order', 'decommissioned_on', { decommissioned: decommissionedOn, commissioned: commissionedOn });
  }
  let name: string | null = null;
  if (!isBlank(v.name)) {
    const n = readText(v.name, MAX_NAME_LENGTH);
    if (n.ok) name = n.value || null;
    else error('bad_text', 'name', { kind: n.kind, ...n.params });
  }
  checkOperator(v.operator, ctx, error);

  if (issues.length || code === null || technology === null || point === null) return { station: null, issues };
  return { station: { code, technology, rowNumber: row.rowNumber, name, lon: point.lon, lat: point.lat, status, commissionedOn, decommissionedOn }, issues };
}

type ErrorFn = (code: IssueCode, field: Field | null, params?: IssueParams) => void;

function requiredText(cell: ParsedRow['values'][Field], field: Field, max: number, error: ErrorFn): string | null {
  if (isBlank(cell)) return void error('missing_value', field, { kind: field }), null;
  const t = readText(cell, max);
  if (!t.ok) return void error('bad_text', field, { kind: t.kind, ...t.params }), null;
  return t.value;
}

function optionalDate(cell: ParsedRow['values'][Field], field: Field, error: ErrorFn): string | null {
  if (isBlank(cell)) return null;
  const d = readDate(cell);
  if (d.ok) return d.value;
  error('bad_date', field, { kind: d.kind });
  return null;
}

function readPoint(row: ParsedRow, error: ErrorFn): { lon: number; lat: number } | null {
  const v = row.values;
  if (isBlank(v.latitude)) error('missing_value', 'latitude', { kind: 'latitude' });
  if (isBlank(v.longitude)) error('missing_value', 'longitude', { kind: 'longitude' });
  if (isBlank(v.latitude) || isBlank(v.longitude)) return null;
  const lat = readNumber(v.latitude);
  const lon = readNumber(v.longitude);
  if (!lat.ok) error('bad_number', 'latitude', { kind: 'latitude' });
  if (!lon.ok) error('bad_number', 'longitude', { kind: 'longitude' });
  if (!lat.ok || !lon.ok) return null;
  const [y, x] = [lat.value, lon.value];
  if (!inVietnam(x, y) && inVietnam(y, x)) {
    error('swapped_coordinates', 'latitude', { lat: y, lon: x });
    return null;
  }
  if (y < -90 || y > 90) error('out_of_range', 'latitude', { kind: 'latitude', number: y });
  if (x < -180 || x > 180) error('out_of_range', 'longitude', { kind: 'longitude', number: x });
  return y < -90 || y > 90 || x < -180 || x > 180 ? null : { lon: x, lat: y };
}

function checkOperator(cell: ParsedRow['values'][Field], ctx: ValidateContext, error: ErrorFn): void {
  if (isBlank(cell)) return;
  const given = foldKey(cellText(cell));
  const names = new Set([foldKey(ctx.operator.code), foldKey(ctx.operator.name), ...foldKey(ctx.operator.name).split('_')]);
  if (!names.has(given)) {
    error('other_operator', 'operator', { operator: ctx.operator.code });
  }
}
