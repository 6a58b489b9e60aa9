import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, TEMPLATE_HEADERS } from '../../server/uploads/upload-headers.js';
import {
  FILE_MESSAGES, ISSUE_MESSAGES, LANGS, parseTemplate, plainNumber, READER_ISSUE_CODES, renderFileProblem, renderIssue, type Lang,
} from '../../server/uploads/upload-messages.js';
import { Uncomputed } from '../../server/uploads/upload-source.js';
import { ISSUE_CODES, validateRow, type RowIssue } from '../../server/uploads/upload-validate.js';

/* The catalogue: every code and variant in both languages, Vietnamese that is Vietnamese, params that fit. */

type Sample = { field: string | null; value: string | null; params: Record<string, unknown> };
const S = (field: string | null, value: string | null, params: Record<string, unknown> = {}): Sample => ({ field, value, params });

// One issue per catalogue key, as the validator and the planner make them.
const ISSUE_SAMPLES: Record<string, Sample> = {
  missing_value: S('name', null),
  'missing_value.station_code': S('station_code', null, { kind: 'station_code' }),
  'missing_value.technology': S('technology', null, { kind: 'technology' }),
  'missing_value.latitude': S('latitude', null, { kind: 'latitude' }),
  'missing_value.longitude': S('longitude', null, { kind: 'longitude' }),
  unknown_technology: S('technology', '3G'),
  unknown_status: S('status', 'broken'),
  bad_number: S('latitude', 'abc'),
  'bad_number.latitude': S('latitude', 'abc', { kind: 'latitude' }),
  'bad_number.longitude': S('longitude', '1O5,4', { kind: 'longitude' }),
  out_of_range: S('latitude', '95', { number: 95.5 }),
  'out_of_range.latitude': S('latitude', '95,5', { kind: 'latitude', number: 95.5 }),
  'out_of_range.longitude': S('longitude', '-190', { kind: 'longitude', number: -190 }),
  swapped_coordinates: S('latitude', '105.4', { lat: 105.4, lon: 10.4 }),
  bad_date: S('commissioned_on', '2024-13-01'),
  'bad_date.format': S('commissioned_on', 'hôm qua', { kind: 'format' }),
  'bad_date.not_real': S('commissioned_on', '2024-02-31', { kind: 'not_real' }),
  'bad_date.not_real_dmy': S('commissioned_on', '31/02/2024', { kind: 'not_real_dmy' }),
  'bad_date.invalid': S('decommissioned_on', null, { kind: 'invalid' }),
  future_date: S('commissioned_on', '2030-01-01', { date: '2030-01-01', today: '2025-06-15' }),
  'future_date.stored': S('commissioned_on', '2030-01-01', { kind: 'stored', date: '2030-01-01', today: '2025-06-15' }),
  date_order: S('decommissioned_on', '2024-01-01', { decommissioned: '2024-01-01', commissioned: '2024-05-01' }),
  'date_order.stored': S('decommissioned_on', '2024-01-01', { kind: 'stored', decommissioned: '2024-01-01', commissioned: '2024-05-01' }),
  'date_order.stored_decommissioning': S('commissioned_on', '2024-05-01', { kind: 'stored_decommissioning', decommissioned: '2024-01-01', commissioned: '2024-05-01' }),
  bad_text: S('name', 'x'),
  'bad_text.too_long': S('name', 'x'.repeat(200), { kind: 'too_long', length: 300, max: 200 }),
  'bad_text.control_chars': S('name', 'a\\u0007b', { kind: 'control_chars' }),
  'bad_text.not_utf8': S('station_code', 'M\uFFFD', { kind: 'not_utf8' }),
  duplicate: S('station_code', 'OK-1', { technology: '4G', first: 2 }),
  other_operator: S('operator', 'MobiFone', { operator: 'VIETTEL' }),
  lookalike_code: S('station_code', 'qa-c19-001', { first: 2, other: 'QA-C19-001' }),
  'lookalike_code.stored': S('station_code', 'qa-w-001', { kind: 'stored', other: 'QA-W-001' }),
  replace_decommissions: S(null, null, { count: 988, active: 1028, percent: 96.1, operator: 'VIETTEL' }),
  'replace_decommissions.blocked': S(null, null, { kind: 'blocked', rows: 4, count: 988, active: 1028, percent: 96.1, operator: 'VIETTEL' }),
  'other_operator.code': S('station_code', 'VNP-AG-04001', { kind: 'code', other: 'VNPT' }),
  outside_areas: S('latitude', '21, 105.8', { lat: 21, lon: 105.8, set: 'Huyện An Giang 2019' }),
  bad_geometry: S(null, null),
  unknown_column: S(null, 'Ghi chú'),
  // Single cell values (QA P7, P15–P17, P21, P24, P25).
  'missing_value.placeholder': S('station_code', 'N/A', { kind: 'placeholder' }),
  'missing_value.decommission_date': S('decommissioned_on', null, { kind: 'decommission_date' }),
  'unknown_technology.both': S('technology', '4G+5G', { kind: 'both' }),
  'unknown_technology.legacy': S('technology', '3G', { kind: 'legacy' }),
  'unknown_status.suspended': S('status', 'Tạm dừng', { kind: 'suspended' }),
  'bad_number.dms_spaces': S('latitude', '10 22 30', { kind: 'dms_spaces' }),
  'bad_number.spaces': S('latitude', '10 3771', { kind: 'spaces' }),
  'bad_number.separators': S('longitude', '105.427.1', { kind: 'separators' }),
  'bad_number.dms': S('latitude', '10°75\'', { kind: 'dms' }),
  'bad_number.hemisphere': S('latitude', '105°26\'04"E', { kind: 'hemisphere' }),
  no_coordinates: S('latitude', '0', { lat: 0, lon: 0 }),
  outside_vietnam: S('latitude', '48.8566', { lat: 48.8566, lon: 2.3522 }),
  'outside_vietnam.sign': S('latitude', '-10.38', { kind: 'sign', lat: -10.38, lon: 105.43 }),
  'bad_date.year_range': S('commissioned_on', '1899-12-31', { kind: 'year_range' }),
  'bad_date.us_order': S('commissioned_on', '3/15/2024', { kind: 'us_order' }),
  status_conflict: S('decommissioned_on', '2021-01-01', { date: '2021-01-01', today: '2025-06-15' }),
  'status_conflict.planned': S('decommissioned_on', '2021-01-01', { kind: 'planned', date: '2021-01-01' }),
  'bad_text.invisible': S('station_code', 'QA\u200b1', { kind: 'invisible' }),
  'bad_text.boolean': S('station_code', 'true', { kind: 'boolean' }),
  'bad_text.example': S('station_code', 'VIDU-0001', { kind: 'example' }),
  'bad_text.scientific': S('station_code', '1.23457E+11', { kind: 'scientific' }),
  'bad_text.line_breaks': S('name', 'Dòng 1\nDòng 2', { kind: 'line_breaks' }),
  uncomputed_formula: S('latitude', '=10+0.382'),
  formula_error: S('latitude', '#REF!'),
  unknown_operator: S('operator', 'Công ty ABC', { operator: 'VIETTEL' }),
  'unknown_column.more': S(null, null, { kind: 'more', count: 19950 }),
  'bad_geometry.multipoint': S(null, null, { kind: 'multipoint', points: 3 }),
  'bad_geometry.not_numbers': S(null, null, { kind: 'not_numbers' }),
  extra_cells: S(null, null, { cells: 6, columns: 4 }),
  'extra_cells.notes': S(null, null, { kind: 'notes', cells: 6, columns: 5 }),
  rows_above_header: S(null, null, { first: 1, last: 3, header: 4 }),
  'rows_above_header.one': S(null, null, { kind: 'one', first: 1, last: 1, header: 2 }),
  hidden_rows: S(null, null, { rows: '5, 9', count: 2 }),
  'hidden_rows.one': S(null, null, { kind: 'one', rows: '5', count: 1 }),
  'hidden_rows.many': S(null, null, { kind: 'many', rows: '5, 9, 12', count: 1000 }),
  read_as_csv: S(null, null),
  total_row: S(null, 'Tổng cộng', {}),
};

const FILE_SAMPLES: Record<string, Record<string, unknown>> = {
  xlsx_unreadable: { detail: 'invalid zip' }, xlsx_sheet_missing: { sheet: 'Trạm', sheets: ['Sheet1', 'Ghi chú'], hidden: [] }, xlsx_sheet_empty: { sheet: 'Trạm' },
  xlsx_incomplete: { detail: 'unexpected end' }, xlsx_unpacks_too_big: { size: 734003200, max: 209715200 }, xlsx_no_visible_sheet: { sheets: ['Ẩn'] },
  geojson_truncated: { detail: 'Unexpected end' }, geojson_not_collection: { type: 'Feature' },
  csv_unreadable: { line: 3, detail: 'Invalid Closing Quote' }, geojson_not_json: { line: 12, near: '[105.4, NaN]', detail: 'Unexpected "N"' }, 'geojson_not_json.plain': { kind: 'plain', detail: 'x' }, 'geojson_not_json.token': { kind: 'token', near: ']', detail: 'x' }, geojson_sequence: { type: 'Feature', detail: 'in state ENDED' },
  ambiguous_columns: { headers: ['code', 'Mã trạm'], fields: ['station_code'] },
  missing_columns: { missing: ['latitude', 'longitude'], row: 1, headers: ['Mã trạm', 'Công nghệ'] },
  'missing_columns.sheet': { kind: 'sheet', missing: ['latitude', 'longitude'], row: 1, headers: ['Hướng dẫn'], sheet: 'Hướng dẫn', sheets: ['Trạm 4G', 'Trạm 5G'] },
  too_many_rows: { max: 500000 }, too_many_bytes: { max: 52428800 },
  xlsx_text_too_long: { max: 1048576 }, xlsx_part_too_big: { part: 'xl/sharedStrings.xml', max: 134217728 },
  geojson_crs: { crs: 'EPSG:3405 (VN-2000 / UTM zone 48N)' }, geojson_projected: { count: 212, total: 213, x: 546983.44, y: 1147681.2 },
  no_stations: { row: 4 },
  upload_not_found: { id: 12 }, stale_preview: { operator: 'VNPT' }, 'stale_preview.superseded': { kind: 'superseded', operator: 'VNPT', by: 41 },
  replace_with_errors: { rows: 1234 },
  'not_a_preview.committed': { kind: 'committed', id: 7 }, 'not_a_preview.rolled_back': { kind: 'rolled_back', id: 7 },
  'not_a_preview.discarded': { kind: 'discarded', id: 7 }, 'not_a_preview.discard_committed': { kind: 'discard_committed', id: 7 },
  'not_committed.previewed': { kind: 'previewed', id: 7 }, 'not_committed.discarded': { kind: 'discarded', id: 7 }, 'not_committed.rolled_back': { kind: 'rolled_back', id: 7 },
  'rollback_conflict.later': { kind: 'later', id: 7, total: 2, later: 2, outside: 0, uploads: ['9'] },
  'rollback_conflict.later_many': { kind: 'later_many', id: 7, total: 3, later: 3, outside: 0, uploads: ['9', '11'] },
  'rollback_conflict.outside': { kind: 'outside', id: 7, total: 1, later: 0, outside: 1, uploads: [] },
  rollback_conflict: { id: 7, total: 1500, later: 1499, outside: 1, uploads: ['9', '11'] },
};

// Names and formats a Vietnamese text may keep as they are: technology names, file formats, settings, the key.
const KEPT = new Set(['LTE', 'eNB', 'NR', 'gNB', 'UTF', 'CSV', 'JSON', 'GeoJSON', 'FeatureCollection', 'Point', 'Excel', 'xlsx', 'xls', 'zip', 'tab', 'MB', 'kB',
  'xl', 'workbook', 'xml', // the file xl/workbook.xml named as it is
  'Alt', 'Enter', // the keys Alt+Enter
  'OpenDocument', 'ods', 'shapefile', 'MultiPoint']); // formats and GeoJSON types by their names
const COMMON_ENGLISH = ['the', 'is', 'are', 'and', 'or', 'of', 'to', 'for', 'with', 'not', 'no', 'file', 'row', 'rows', 'column', 'use', 'write', 'must', 'has', 'this', 'it', 'on', 'at', 'by', 'be', 'empty', 'station', 'date', 'number', 'sheet', 'unknown', 'valid'];

// An English text may name the Vietnamese headers ("Kinh độ"): their words are not English.
const VI_HEADER_WORDS = new Set(Object.values(TEMPLATE_HEADERS.vi).flatMap((h) => h.toLowerCase().split(' ')));

/** English words of a text that a Vietnamese text must not contain (identifiers and kept names aside). */
function englishWords(text: string, alsoKept: readonly string[] = []): string[] {
  return asciiWords(text).filter((w) => !w.includes('_') && !/^[A-Z]{2,}$/.test(w) && !KEPT.has(w) && !alsoKept.includes(w) && !VI_HEADER_WORDS.has(w.toLowerCase()))
    .map((w) => w.toLowerCase());
}

/** Placeholders a template needs that the issue does not have. */
function unmet(template: string, s: Sample): string[] {
  return parseTemplate(template).flatMap((p) =>
    p.type === 'param' && !Object.hasOwn(s.params, p.name) ? [p.name] : p.type === 'field' && s.field === null ? ['field'] : p.type === 'value' && s.value === null ? ['value'] : []);
}

/** Whole words (Vietnamese ones whole, with their diacritics), then only those written in plain ASCII letters. */
const asciiWords = (text: string) => (text.match(/[\p{L}\p{M}\p{N}_]+/gu) ?? []).filter((w) => /^[A-Za-z][A-Za-z_]*$/.test(w));
const literalText = (template: string) => parseTemplate(template).map((p) => (p.type === 'text' ? p.text : ' ')).join('');
const VIETNAMESE_LETTER = /[À-ỹđĐ]/;

function expectGoodPair(key: string, texts: Record<Lang, string>, rendered: Record<Lang, string>, kept: readonly string[] = []) {
  for (const lang of LANGS) {
    expect(rendered[lang], `${key} ${lang}`).not.toMatch(/[{}]|\s{2}|^\s|\s$/);
    expect(texts[lang], key).toBe(texts[lang].normalize('NFC'));
  }
  const vi = literalText(texts.vi);
  expect(vi, key).toMatch(VIETNAMESE_LETTER);
  const viWords = new Set(asciiWords(vi).map((w) => w.toLowerCase()));
  const leaked = [...new Set([...englishWords(literalText(texts.en), kept), ...COMMON_ENGLISH])].filter((w) => viWords.has(w));
  expect(leaked, `${key}: English in "${texts.vi}"`).toEqual([]);
  // The same facts in both languages (how the column is named may differ: a header or words).
  const facts = (t: string) => [...new Set(parseTemplate(t).flatMap((p) => (p.type === 'param' ? [p.name] : p.type === 'value' ? ['value'] : [])))].sort();
  expect(facts(texts.vi), `${key}: the same parameters in both languages`).toEqual(facts(texts.en));
}

describe('upload messages catalogue', () => {
  it('every code of the IssueCode union has a text, and every variant a code', () => {
    const keys = Object.keys(ISSUE_MESSAGES);
    for (const code of ISSUE_CODES) expect(keys, code).toContain(code);
    for (const key of keys) expect([...ISSUE_CODES, ...READER_ISSUE_CODES] as readonly string[]).toContain(key.split('.')[0]);
    expect(Object.keys(ISSUE_SAMPLES).sort()).toEqual(keys.sort());
  });

  it('every issue text renders in both languages: no placeholder left, natural Vietnamese, no English words in it', () => {
    for (const [key, texts] of Object.entries(ISSUE_MESSAGES)) {
      const s = ISSUE_SAMPLES[key]!;
      for (const lang of LANGS) expect(unmet(texts![lang], s), `${key} ${lang}`).toEqual([]);
      const issue = { code: key.split('.')[0]!, message: 'stored', ...s };
      const rendered = { vi: renderIssue(issue, 'vi'), en: renderIssue(issue, 'en') };
      expect(rendered.vi).not.toBe('stored');
      expectGoodPair(key, texts!, rendered);
    }
  });

  it('every whole-file text renders in both languages the same way', () => {
    for (const [reason, texts] of Object.entries(FILE_MESSAGES)) {
      const params = FILE_SAMPLES[reason] ?? {};
      expect(unmet(texts.en, { field: null, value: null, params }), reason).toEqual([]);
      const rendered = { vi: renderFileProblem(reason, params, 'vi')!, en: renderFileProblem(reason, params, 'en')! };
      expectGoodPair(reason, texts, rendered, Object.values(TEMPLATE_HEADERS.en));
    }
    expect(renderFileProblem('too_many_rows', { max: 500000 }, 'vi')).toContain('500.000 dòng');
    expect(renderFileProblem('too_many_bytes', { max: 52428800 }, 'vi')).toContain('50,0 MB');
    expect(renderFileProblem('missing_columns', FILE_SAMPLES.missing_columns, 'vi')).toMatch(/^Thiếu cột bắt buộc: Vĩ độ, Kinh độ\./);
    expect(renderFileProblem('nope', {}, 'vi')).toBeNull();
    // A refusal's variant is its params.kind, as an issue's.
    expect(renderFileProblem('rollback_conflict', FILE_SAMPLES['rollback_conflict.later_many'], 'vi'))
      .toBe('Không thể hoàn tác lần tải lên 7: 3 trạm của lần này đã bị thay đổi tiếp sau đó (3 trạm do các lần tải lên 9, 11: hãy hoàn tác các lần đó trước, lần mới nhất trước).');
    expect(renderFileProblem('rollback_conflict', FILE_SAMPLES.rollback_conflict, 'en'))
      .toBe('Upload 7 cannot be rolled back: 1,500 of its stations changed again since (1,499 by uploads 9, 11: roll those back first; 1 outside uploads).');
  });

  it('Vietnamese: decimal commas, dates as day/month/year, columns by their Vietnamese headers', () => {
    const r = (code: string, s: Sample, lang: Lang = 'vi') => renderIssue({ code, message: '', ...s }, lang);
    expect(r('swapped_coordinates', ISSUE_SAMPLES.swapped_coordinates!))
      .toBe('Vĩ độ 105,4 và kinh độ 10,4 có vẻ bị đảo ngược: ở Việt Nam vĩ độ khoảng 8–23, kinh độ khoảng 102–110');
    expect(r('swapped_coordinates', ISSUE_SAMPLES.swapped_coordinates!, 'en')).toBe('latitude 105.4 and longitude 10.4 look swapped: in Vietnam the latitude is about 8–23 and the longitude about 102–110');
    expect(r('outside_areas', ISSUE_SAMPLES.outside_areas!)).toBe('Điểm (21; 105,8) không thuộc địa bàn nào của "Huyện An Giang 2019": hãy kiểm tra lại tọa độ');
    expect(r('future_date', ISSUE_SAMPLES.future_date!)).toMatch(/^Ngày phát sóng 01\/01\/2030 muộn hơn hôm nay \(15\/06\/2025\)/);
    expect(r('bad_text', ISSUE_SAMPLES['bad_text.too_long']!)).toBe('Tên trạm dài 300 ký tự, vượt quá mức tối đa 200 ký tự');
    // A value read from the file is shown as written, even when it looks like a date or a number.
    expect(r('bad_date', ISSUE_SAMPLES['bad_date.not_real']!)).toBe('Ngày phát sóng "2024-02-31" không phải là ngày có thật');
    expect([plainNumber(1e21), plainNumber(1.5e-10), plainNumber(-1e-7), plainNumber(10.4)]).toEqual(['1000000000000000000000', '0.00000000015', '-0.0000001', '10.4']);
  });

  it('issues saved before messages had parameters keep their stored English message in both languages', () => {
    const old = { code: 'missing_value', field: 'latitude', value: null, message: 'latitude is empty', params: null };
    expect(LANGS.map((lang) => renderIssue(old, lang))).toEqual(['latitude is empty', 'latitude is empty']);
    expect(renderIssue({ ...old, code: 'no_such_code', params: {} }, 'vi')).toBe('latitude is empty');
  });

  it('the validator gives every issue the parameters its texts need', () => {
    const ctx = { operator: { code: 'VIETTEL', name: 'Viettel' }, today: '2025-06-15' };
    const rows: Record<string, unknown>[] = [
      { station_code: '', technology: '', latitude: '', longitude: '' },
      { station_code: 'A', technology: '3G', latitude: 'abc', longitude: 'x', status: 'broken', commissioned_on: '31/02/2024', decommissioned_on: 'hôm qua' },
      { station_code: 'B', technology: '4G', latitude: '95', longitude: '-190', name: 'x'.repeat(300), operator: 'MobiFone' },
      { station_code: 'C\u0007', technology: '4G', latitude: '105.4', longitude: '10.4', commissioned_on: '2024-02-31' },
      { station_code: 'D', technology: '4G', latitude: '10.4', longitude: '105.4', status: 'on_air', commissioned_on: '2030-01-01', name: 'M\uFFFD' },
      { station_code: 'E', technology: '4G', latitude: '10.4', longitude: '105.4', commissioned_on: '2024-05-01', decommissioned_on: '2024-01-01' },
      { station_code: 'N/A', technology: '4G+5G', latitude: '10 22 30', longitude: '105.427.1', status: 'Tạm dừng', commissioned_on: '1899-12-31', decommissioned_on: '3/15/2024', name: 'a\nb' },
      { station_code: 'F\u200b', technology: '3G', latitude: '10°75\'', longitude: '105°26\'04"N', operator: 'Công ty ABC' },
      { station_code: 'G', technology: '4G', latitude: '10 3771', longitude: '0' },
      { station_code: 'H', technology: '4G', latitude: '0', longitude: '0', status: 'on_air', decommissioned_on: '2021-01-01' },
      { station_code: 'I', technology: '4G', latitude: '48.8566', longitude: '2.3522', status: 'planned', decommissioned_on: '2021-01-01' },
      { station_code: 'J', technology: '4G', latitude: '-10.38', longitude: '105.43', name: new Uncomputed('"Trạm "&"A"') },
      { station_code: 'K', technology: '4G', latitude: '#REF!', longitude: '105.43' },
      { station_code: 'L', technology: '4G', latitude: '10.4', longitude: '105.43', status: 'decommissioned', commissioned_on: '2020-01-01' },
      { station_code: true, technology: '4G', latitude: '10.4', longitude: '105.43' },
      { station_code: 'vidu-0001', technology: '4G', latitude: '10.4', longitude: '105.43' },
      { station_code: '1.23457E+11', technology: '4G', latitude: '10.4', longitude: '105.43' },
    ];
    const issues: RowIssue[] = rows.flatMap((values, i) => validateRow({ rowNumber: i + 2, values: values as never }, ctx).issues);
    issues.push(...validateRow({ rowNumber: 9, values: {}, problem: 'no Point', problems: [{ code: 'bad_geometry', params: {} }] }, ctx).issues.filter((x) => x.code === 'bad_geometry'));
    // The readers' row problems, as validateRow reports them once ISSUE_CODES lists READER_ISSUE_CODES.
    issues.push(...validateRow({ rowNumber: 10, values: {}, problems: [{ code: 'extra_cells', params: { cells: 6, columns: 4 } }] }, ctx).issues.filter((x) => x.code !== 'missing_value'));
    const seen = new Set<string>();
    for (const issue of issues) {
      const key = typeof issue.params.kind === 'string' ? `${issue.code}.${issue.params.kind}` : issue.code;
      seen.add(key);
      expect(Object.keys(ISSUE_MESSAGES), `${key} has its own text`).toContain(key);
      for (const lang of LANGS) expect(unmet((ISSUE_MESSAGES as Record<string, Record<Lang, string>>)[key]![lang], issue), `${key} ${lang}`).toEqual([]);
      expect(issue.message).toBe(renderIssue(issue, 'en'));
    }
    // Made by the planner and the service, not per row: duplicates and look-alikes across rows, area tests,
    // replace's decommissions, and the whole file's notices.
    const notPerRow: readonly string[] = ['duplicate', 'lookalike_code', 'outside_areas', 'replace_decommissions',
      'unknown_column', 'rows_above_header', 'hidden_rows', 'read_as_csv', 'total_row'];
    const fromValidator = ISSUE_CODES.filter((c) => !notPerRow.includes(c));
    expect([...new Set([...seen].map((k) => k.split('.')[0]))].sort()).toEqual([...fromValidator].sort());
  });

  it('any code, field, value and parameters render in both languages without throwing', () => {
    const kinds = [...new Set(Object.keys(ISSUE_MESSAGES).filter((k) => k.includes('.')).map((k) => k.split('.')[1]!))];
    const names = ['kind', 'lat', 'lon', 'number', 'date', 'today', 'first', 'set', 'operator', 'technology', 'length', 'max', 'commissioned', 'decommissioned'];
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
    const params = fc.oneof(
      fc.tuple(fc.option(fc.constantFrom(...kinds, 'nope')), fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), value)).map(([kind, d]) => (kind ? { ...d, kind } : d)),
      fc.anything(),
    );
    const issue = fc.record({
      code: fc.oneof(fc.constantFrom(...ISSUE_CODES), fc.string()), field: fc.option(fc.oneof(fc.constantFrom(...FIELDS), fc.string())),
      value: fc.option(fc.string()), message: fc.string(), params,
    });
    fc.assert(fc.property(issue, (i) => {
      for (const lang of LANGS) {
        expect(typeof renderIssue(i, lang)).toBe('string');
        expect(typeof (renderFileProblem(i.code, i.params, lang) ?? '')).toBe('string');
      }
    }), { numRuns: 2000, seed: 20250615 });
    for (const reason of Object.keys(FILE_MESSAGES)) fc.assert(fc.property(params, (p) => { expect(typeof renderFileProblem(reason, p, 'vi')).toBe('string'); }), { numRuns: 100 });
  });
});
