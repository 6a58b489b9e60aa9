import { z } from 'zod';
import { idParam, operatorCode, wholeNumberParam } from '../http/params.schemas.js';
import { ISSUE_CODES } from './upload-validate.js';

const CONTROL = /[\u0000-\u001f\u007f]/;
const plainText = (max: number) => z.string().trim().min(1).max(max).refine((s) => !CONTROL.test(s), 'must not contain control characters');

export const uploadIdParams = z.strictObject({
  id: idParam('an upload id'),
});

/**
 * The text fields sent along with the file in the multipart form. Who uploads is the signed-in
 * account, never a field: strict, so a client still sending `uploadedBy` gets a 400, not a silent drop.
 */
export const uploadFields = z.strictObject({
  operator: operatorCode.describe('Operator code: VIETTEL, VNPT, MOBIFONE, VIETNAMOBILE'),
  mode: z.enum(['merge', 'replace']).default('merge').describe('merge: add and update; replace: the file is the full list, stations absent from it are decommissioned'),
  sheet: plainText(100).optional().describe('.xlsx only: the sheet to read (default: the first visible sheet in tab order). Ignored for CSV and GeoJSON, and stored as null'),
  lang: z.enum(['en', 'vi']).default('en').describe('Language of the message when the whole file is refused (422/413): en or vi'),
});

/** The language of a refusal, for requests whose body cannot say it (the file may come before the form's `lang`). */
export const langQuery = z.strictObject({
  lang: z.enum(['en', 'vi']).optional().describe('Language of the message if the request is refused (409, 404, 413, 422): en or vi'),
});

/** Commit and rollback take no fields: the account acting is recorded (a `by` field is a 400). */
export const uploadActionBody = z.strictObject({});

export const issuesQuery = z.strictObject({
  page: wholeNumberParam(1, 1_000_000).default(1),
  pageSize: wholeNumberParam(1, 500).default(50),
  severity: z.enum(['error', 'warning']).optional(),
  field: z.string().max(40).regex(/^[a-z_]+$/).optional().describe('Only issues about this field (station_code, latitude, …)'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: the whole report, safe to open in a spreadsheet'),
  lang: z.enum(['en', 'vi']).default('en').describe('Language of the messages (JSON and CSV): en or vi'),
  q: z.string().max(100).optional()
    .describe('Only issues whose code, field, value or message (in lang) contain this text, any case, with or without diacritics ("vi do" finds "Vĩ độ")'),
  code: z.enum(ISSUE_CODES).optional().describe('Only issues with this code'),
});

export const changesQuery = z.strictObject({
  page: wholeNumberParam(1, 1_000_000).default(1),
  pageSize: wholeNumberParam(1, 500).default(50),
  action: z.enum(['create', 'update', 'decommission']).optional(),
});

export const uploadsListQuery = z.strictObject({
  operator: operatorCode.optional(),
  before: idParam('an upload id').optional().describe('Only uploads with a smaller id (paging)'),
  limit: wholeNumberParam(1, 200).default(50),
});

export const templateParams = z.strictObject({
  lang: z.enum(['en', 'vi']),
  ext: z.enum(['csv', 'xlsx']),
});

export const uploadLimitsResponse = z.object({
  maxBytes: z.number().int().describe('The largest file one upload takes, in bytes (UPLOAD_MAX_BYTES)'),
  maxRows: z.number().int().describe('The most rows one upload takes (UPLOAD_MAX_ROWS)'),
});

const counts = z.object({
  create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), decommission: z.number().int(),
  errorRows: z.number().int().describe('Rows skipped because of an error'), warnings: z.number().int(),
  operatorStations: z.number().int().optional().describe('Replace mode: the operator\'s stations not decommissioned when the preview was made'),
});

export const uploadResponse = z.object({
  id: z.number().int(),
  operator: z.string(),
  mode: z.enum(['merge', 'replace']),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  format: z.enum(['csv', 'xlsx', 'geojson']),
  sheet: z.string().nullable(),
  uploadedBy: z.string(),
  state: z.enum(['previewed', 'committed', 'rolled_back', 'discarded'])
    .describe('discarded: by someone (discardedBy), or by the planner once the stations changed after the preview (supersededBy: the upload whose commit or rollback did it)'),
  rows: z.number().int(),
  counts,
  columns: z.object({
    recognised: z.record(z.string(), z.string()),
    unknown: z.array(z.string()).describe('Columns the planner does not know, kept aside: the first 50, in file order'),
    unknownCount: z.number().int().optional().describe('How many unknown columns the file has, when there are more than listed'),
    headerRow: z.number().int().optional().describe('CSV and Excel: the row the header was found on; rows above it (titles) were not read'),
    sheet: z.string().optional().describe('Excel: the sheet read (the one named, else the first visible sheet in tab order)'),
    hiddenRows: z.array(z.number().int()).optional().describe('Excel: rows hidden in the sheet, read all the same (the first 1,000)'),
  }),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  committedBy: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
  rolledBackBy: z.string().nullable(),
  discardedAt: z.string().nullable(),
  discardedBy: z.string().nullable(),
  supersededBy: z.number().int().nullable(),
});

export const uploadsListResponse = z.object({ uploads: z.array(uploadResponse), nextBefore: z.number().int().nullable() });

export const issuesResponse = z.object({
  page: z.number().int(), pageSize: z.number().int(), total: z.number().int(),
  issues: z.array(z.object({
    row: z.number().int().nullable().describe('Row number in the file (CSV line, Excel row, GeoJSON feature); null: the whole file'),
    station: z.string().nullable().describe('The station code of that row as the file has it (valid or not); null: the whole file, or an issue saved before codes were kept'),
    severity: z.enum(['error', 'warning']),
    code: z.string().describe('Stable reason code, e.g. swapped_coordinates'),
    field: z.string().nullable(),
    message: z.string().describe('In the language asked (lang); issues saved before messages had parameters keep their English text'),
    value: z.string().nullable().describe('The value as read from the file'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable()
      .describe('What the message is made of besides field and value (limits, the other row, dates, kind: the variant); null: an older issue, message only'),
  })),
});

const state = z.object({
  name: z.string().nullable(), lon: z.number(), lat: z.number(), status: z.enum(['planned', 'on_air', 'decommissioned']),
  commissionedOn: z.string().nullable(), decommissionedOn: z.string().nullable(),
});

export const changesResponse = z.object({
  page: z.number().int(), pageSize: z.number().int(),
  changes: z.array(z.object({
    code: z.string(), technology: z.enum(['4G', '5G']), action: z.enum(['create', 'update', 'decommission']),
    rowNumber: z.number().int().nullable(), before: state.nullable(), after: state,
  })),
});
