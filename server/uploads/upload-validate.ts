import type { Technology } from '../../geo/normalize-technology.js';
import type { StationStatus } from '../db/schema.js';
import type { StationState } from '../stations/stations.repository.js';
import { TEMPLATE_EXAMPLE_CODES, type Field } from './upload-headers.js';
import { makeIssue, READER_ISSUE_CODES, type IssueParams } from './upload-messages.js';
import { nameOperator } from './upload-operator-names.js';
import { isBlank, type ParsedRow } from './upload-source.js';
import { readPoint } from './upload-validate-point.js';
import { cellText, isExcelError, isPlaceholder, readVisibleText, UNCOMPUTED, type Read } from './upload-values.js';
import { readDate } from './upload-values-date.js';
import { readStatus, readTechnology } from './upload-values-enums.js';

export type { StationState };

/**
 * A row without errors (it may have warnings). A null name, status or date is one the file
 * does not give: planning keeps the stored value (sql/queries/upload-plan-rows.sql), a new
 * station gets the defaults.
 */
export interface ValidStation extends Omit<StationState, 'status'> {
  code: string; technology: Technology; rowNumber: number; status: StationStatus | null;
}

export const ISSUE_CODES = [
  'missing_value', 'unknown_technology', 'unknown_status', 'bad_number', 'out_of_range', 'swapped_coordinates',
  'bad_date', 'future_date', 'date_order', 'bad_text', 'duplicate', 'other_operator', 'outside_areas',
  'bad_geometry', 'unknown_column', 'replace_decommissions', ...READER_ISSUE_CODES,
  // Single cell values (QA P7, P16, P21, P24).
  'unknown_operator', 'no_coordinates', 'outside_vietnam', 'uncomputed_formula', 'status_conflict',
  'lookalike_code', 'formula_error',
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
  /** The station code of the row as the file has it (valid or not), for finding the row; null for the whole file. */
  station?: string | null;
}

export interface ValidateContext { operator: { code: string; name: string }; today: string }

export const MAX_CODE_LENGTH = 64;
export const MAX_NAME_LENGTH = 200;

export type ErrorFn = (code: IssueCode, field: Field | null, params?: IssueParams) => void;
type Cells = ParsedRow['values'];
type Failure = Extract<Read<unknown>, { ok: false }>;

/** Checks one row; returns the station when it has no error, and every problem found either way. */
export function validateRow(row: ParsedRow, ctx: ValidateContext): { station: ValidStation | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const v = row.values;
  // A cell showing a failed formula (#REF!) is that error, and only that: not also "not a number".
  const failed = new Set((Object.keys(v) as Field[]).filter((f) => isExcelError(v[f])));
  // The row's station code as written, for its issues: read once, and only for a row that has one.
  let station: string | null | undefined;
  const issue = (severity: RowIssue['severity']): ErrorFn => (code, field, params = {}) => {
    if (field && failed.has(field) && code !== 'formula_error') return;
    station ??= cellText(v.station_code).slice(0, MAX_CODE_LENGTH) || null;
    issues.push(makeIssue({ row: row.rowNumber, severity, code, field, params, value: field ? cellText(v[field]).slice(0, 200) || null : null, station }));
  };
  const error = issue('error');
  for (const field of failed) error('formula_error', field);
  // A reader's kind picks the text's variant; `unknown` has none: the code's own text says it.
  const refuse = (code: IssueCode, field: Field, r: Failure) =>
    r.kind === UNCOMPUTED ? error('uncomputed_formula', field) : error(code, field, r.kind === 'unknown' ? r.params : { kind: r.kind, ...r.params });

  // What the reader found wrong with the row itself (no Point geometry, cells beyond the header).
  for (const p of row.problems ?? []) issue(p.severity ?? 'error')(p.code, null, p.params);
  const code = readCode(v.station_code, error, refuse);
  const technology = readRequiredTechnology(v.technology, error, refuse);
  const point = row.problem ? null : readPoint(v, error);
  let status: StationStatus | null = null;
  // A placeholder (N/A, -) is no status, as in the other optional columns: the stored one stays.
  if (!absent(v.status)) {
    const s = readStatus(v.status);
    if (s.ok) status = s.value;
    else refuse('unknown_status', 'status', s);
  }
  const commissionedOn = optionalDate(v.commissioned_on, 'commissioned_on', refuse);
  const decommissionedOn = optionalDate(v.decommissioned_on, 'decommissioned_on', refuse);
  checkDates({ status, commissionedOn, decommissionedOn }, ctx.today, error);
  // Decommissioned without the date it stopped counts on no date at all, not even the years it was on air.
  if (status === 'decommissioned' && decommissionedOn === null && absent(v.decommissioned_on)) issue('warning')('missing_value', 'decommissioned_on', { kind: 'decommission_date' });
  const name = readName(v.name, refuse, issue('warning'));
  checkOperator(v.operator, ctx, error, refuse);

  if (issues.some((i) => i.severity === 'error') || code === null || technology === null || point === null) return { station: null, issues };
  return { station: { code, technology, rowNumber: row.rowNumber, name, lon: point.lon, lat: point.lat, status, commissionedOn, decommissionedOn }, issues };
}

type RefuseFn = (code: IssueCode, field: Field, r: Failure) => void;

/** Blank or a placeholder: missing (a station needs it). */
function missing(cell: Cells[Field], field: Field, error: ErrorFn): boolean {
  if (isBlank(cell)) error('missing_value', field, { kind: field });
  else if (isPlaceholder(cell)) error('missing_value', field, { kind: 'placeholder' });
  else return false;
  return true;
}

const EXAMPLE_CODES = new Set<string>(TEMPLATE_EXAMPLE_CODES);

// How Excel shows a long number in a General cell: 1.23457E+11 has lost the code's digits.
const SCIENTIFIC = /^[+-]?\d([.,]\d+)?E[+-]?\d+$/i;

function readCode(cell: Cells[Field], error: ErrorFn, refuse: RefuseFn): string | null {
  if (missing(cell, 'station_code', error)) return null;
  // A yes/no cell (TRUE), or a number Excel shortened, is no code typed by anyone.
  if (typeof cell === 'boolean') return void error('bad_text', 'station_code', { kind: 'boolean' }), null;
  if (typeof cell === 'string' && SCIENTIFIC.test(cell.trim())) return void error('bad_text', 'station_code', { kind: 'scientific' }), null;
  const t = readVisibleText(cell, MAX_CODE_LENGTH);
  if (!t.ok) return void refuse('bad_text', 'station_code', t), null;
  // Full-width letters and digits (ＱＡ-FL-002, typed with an IME) are the ASCII ones: a code is compared as it reads.
  const code = t.value.text.normalize('NFKC');
  if (EXAMPLE_CODES.has(code.toUpperCase())) return void error('bad_text', 'station_code', { kind: 'example' }), null;
  return code;
}

function readRequiredTechnology(cell: Cells[Field], error: ErrorFn, refuse: RefuseFn): Technology | null {
  if (missing(cell, 'technology', error)) return null;
  const t = readTechnology(cell);
  if (t.ok) return t.value;
  return void refuse('unknown_technology', 'technology', t), null;
}

/** A placeholder ("N/A") in an optional field says nothing: like a blank, the stored value stays. */
const absent = (cell: Cells[Field]) => isBlank(cell) || isPlaceholder(cell);

function optionalDate(cell: Cells[Field], field: Field, refuse: RefuseFn): string | null {
  if (absent(cell)) return null;
  const d = readDate(cell);
  return d.ok ? d.value : (refuse('bad_date', field, d), null);
}

/** Line breaks in a name (Excel's Alt+Enter) are made spaces with a warning: the station is kept. */
function readName(cell: Cells[Field], refuse: RefuseFn, warn: ErrorFn): string | null {
  if (absent(cell)) return null;
  const n = readVisibleText(cell, MAX_NAME_LENGTH, { joinLines: true });
  if (!n.ok) return void refuse('bad_text', 'name', n), null;
  if (n.value.joined) warn('bad_text', 'name', { kind: 'line_breaks' });
  return n.value.text || null;
}

interface RowDates { status: StationStatus | null; commissionedOn: string | null; decommissionedOn: string | null }

/** The dates the file gives against its status and each other (the stored ones are the planner's: upload-plan-rows.sql). */
function checkDates({ status, commissionedOn, decommissionedOn }: RowDates, today: string, error: ErrorFn): void {
  if (status === 'on_air' && commissionedOn && commissionedOn > today) {
    error('future_date', 'commissioned_on', { date: commissionedOn, today });
  }
  if (commissionedOn && decommissionedOn && decommissionedOn < commissionedOn) {
    error('date_order', 'decommissioned_on', { decommissioned: decommissionedOn, commissioned: commissionedOn });
  }
  // On air with a decommissioning date still to come is a station with its end planned; one passed contradicts the status.
  if (status === 'on_air' && decommissionedOn && decommissionedOn <= today) {
    error('status_conflict', 'decommissioned_on', { date: decommissionedOn, today });
  }
  if (status === 'planned' && decommissionedOn) {
    error('status_conflict', 'decommissioned_on', { kind: 'planned', date: decommissionedOn });
  }
}

function checkOperator(cell: Cells[Field], ctx: ValidateContext, error: ErrorFn, refuse: RefuseFn): void {
  if (absent(cell)) return;
  const t = readVisibleText(cell, MAX_NAME_LENGTH);
  if (!t.ok) return void refuse('bad_text', 'operator', t);
  const naming = nameOperator(t.value.text, ctx.operator);
  if (naming === 'other') error('other_operator', 'operator', { operator: ctx.operator.code });
  if (naming === 'unknown') error('unknown_operator', 'operator', { operator: ctx.operator.code });
}
