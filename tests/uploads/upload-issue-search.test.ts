import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { FIELDS } from '../../server/uploads/upload-headers.js';
import { fold, foldText } from '../../server/uploads/upload-issue-search.repository.js';
import { headerOf, ISSUE_MESSAGES, LANGS, makeIssue, parseTemplate, renderIssue } from '../../server/uploads/upload-messages.js';
import { ISSUE_CODES, type RowIssue } from '../../server/uploads/upload-validate.js';
import { findIssuePage, insertIssues, insertUpload } from '../../server/uploads/uploads.repository.js';
import { issuesResponse } from '../../server/uploads/uploads.schemas.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

const FILE = csv([
  'station_code,technology,latitude,longitude,Ghi chú',
  'OK-1,4G,10.4,105.4,',
  'SWAP,4G,105.4,10.4,', // 3: swapped_coordinates (latitude)
  'BAD-LAT,4G,95,105.4,', // 4: out_of_range (latitude)
  'NUM,4G,abc,105.4,', // 5: bad_number (latitude)
  'FORMULA,=HYPERLINK("x"),10.4,105.4,', // 6: unknown_technology
  'NOLON,4G,10.4,,', // 7: missing_value (longitude)
  'FAR,4G,21,105.8,', // 8: outside_areas (warning)
  'OK-1,LTE,10.41,105.41,', // 9: duplicate
]);

describe(`upload issues: language, search and code (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let id: number;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp();
    const form = new FormData();
    form.append('operator', 'VIETTEL');
    form.append('file', new Blob([FILE]), 'tram.csv');
    id = (await (await fetch(`${app.url}/api/uploads`, { method: 'POST', body: form })).json()).id;
  });
  afterAll(async () => app.close());

  const page = async (query: string) => {
    const res = await fetch(`${app.url}/api/uploads/${id}/errors?${query}`);
    expect(res.status, query).toBe(200);
    return issuesResponse.parse(await res.json());
  };
  const codes = (p: { issues: { code: string }[] }) => p.issues.map((i) => i.code);

  it('lang=vi gives the messages in Vietnamese, lang=en (the default) in English with their parameters', async () => {
    const [vi, en, plain] = await Promise.all([page('lang=vi'), page('lang=en'), page('')]);
    expect(plain).toEqual(en);
    expect(codes(vi)).toEqual(['unknown_column', 'swapped_coordinates', 'out_of_range', 'bad_number', 'unknown_technology', 'missing_value', 'outside_areas', 'duplicate']);
    const byCode = (p: typeof vi, code: string) => p.issues.find((i) => i.code === code)!;
    expect(byCode(vi, 'swapped_coordinates').message).toBe('Vĩ độ 105,4 và kinh độ 10,4 có vẻ bị đảo ngược: ở Việt Nam vĩ độ khoảng 8–23, kinh độ khoảng 102–110');
    expect(byCode(vi, 'missing_value').message).toMatch(/^Kinh độ đang để trống/);
    expect(byCode(vi, 'duplicate').message).toBe('Trạm OK-1 (4G) đã có ở dòng 2: mỗi trạm chỉ được ghi một lần trong tệp');
    expect(byCode(en, 'duplicate')).toMatchObject({ message: 'station OK-1 (4G) is already on row 2: each station once per file', params: { technology: '4G', first: 2 } });
    expect(byCode(vi, 'outside_areas')).toMatchObject({ severity: 'warning', message: 'Điểm (21; 105,8) không thuộc địa bàn nào của "Test square": hãy kiểm tra lại tọa độ' });
  });

  it('q finds code, field, value or the message in the language asked, any case, with or without diacritics', async () => {
    // The missing longitude's text says "mỗi trạm phải có đủ vĩ độ và kinh độ": it matches too.
    const latitudeRows = ['swapped_coordinates', 'out_of_range', 'bad_number', 'missing_value'];
    for (const q of ['vi do', 'vĩ độ', 'VĨ ĐỘ', 'Vĩ độ'.normalize('NFD'), '  vi   do ']) {
      const p = await page(`lang=vi&q=${encodeURIComponent(q)}`);
      expect(codes(p), q).toEqual(latitudeRows);
      expect(p.total, q).toBe(4);
    }
    expect((await page('lang=en&q=vi%20do')).total).toBe(0); // the English messages say "latitude"
    expect(codes(await page('lang=en&q=LATITUDE%20105'))).toEqual(['swapped_coordinates']);
    expect(codes(await page('lang=vi&q=105,4'))).toEqual(['swapped_coordinates']); // the Vietnamese number, not the value read (105.4)
    expect(codes(await page('q=hyperlink'))).toEqual(['unknown_technology']); // the value
    expect(codes(await page('q=swapped'))).toEqual(['swapped_coordinates']); // the code
    expect(codes(await page('lang=vi&q=tram%20ok-1%20(4g)'))).toEqual(['duplicate']);
    expect((await page('q=')).total).toBe(8);
  });

  it('paging and total count only the issues that match every filter', async () => {
    const all = await page('lang=vi&q=vi%20do&pageSize=1');
    expect(all).toMatchObject({ total: 4, pageSize: 1 });
    const pages = await Promise.all([2, 3, 4, 5].map((n) => page(`lang=vi&q=vi%20do&pageSize=1&page=${n}`)));
    expect([all, ...pages].map(codes)).toEqual([['swapped_coordinates'], ['out_of_range'], ['bad_number'], ['missing_value'], []]);
    expect(pages.map((p) => p.total)).toEqual([4, 4, 4, 4]);
    expect(await page('lang=vi&q=vi%20do&pageSize=3&page=2')).toMatchObject({ total: 4, issues: [{ code: 'missing_value', row: 7 }] });
    expect(await page('code=out_of_range')).toMatchObject({ total: 1, issues: [{ row: 4, field: 'latitude', params: { kind: 'latitude', number: 95 } }] });
    expect((await page('code=outside_areas&severity=error')).total).toBe(0);
    expect((await page('code=bad_number&q=vi%20do&lang=vi&field=latitude')).total).toBe(1);
    expect((await page('code=bad_number&q=kinh&lang=vi')).total).toBe(0);
  });

  it('the CSV report in Vietnamese: the same filters, messages in Vietnamese, safe to open in a spreadsheet', async () => {
    const res = await fetch(`${app.url}/api/uploads/${id}/errors?format=csv&lang=vi`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(9);
    expect(text).toContain('"Công nghệ ""=HYPERLINK(""x"")"" không hợp lệ'); // inside the message: a cell that does not start with =
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`); // the value cell, neutralised
    expect(lines.every((l) => !/(^|,)"?[=+@-]/.test(l))).toBe(true);
    const some = await (await fetch(`${app.url}/api/uploads/${id}/errors?format=csv&lang=vi&q=vi%20do`)).text();
    expect(some.trimEnd().split('\r\n')).toHaveLength(5);
  });

  it('issues saved before 0007 (params null) show and are found by their stored English message', async () => {
    await sql`insert into upload_issues (upload_id, seq, row_number, severity, code, field, message, value)
      values (${id}, 1000, 40, 'error', 'missing_value', 'latitude', 'latitude is empty', null)`.execute(database.db);
    const p = await page('lang=vi&q=is%20EMPTY');
    expect(p.issues).toEqual([{ row: 40, station: null, severity: 'error', code: 'missing_value', field: 'latitude', message: 'latitude is empty', value: null, params: null }]);
    await sql`delete from upload_issues where upload_id = ${id} and seq = 1000`.execute(database.db);
  });

  it('bad parameters are 400s; the OpenAPI document lists the new ones', async () => {
    for (const q of ['lang=fr', 'code=nope', `q=${'x'.repeat(101)}`]) {
      expect((await fetch(`${app.url}/api/uploads/${id}/errors?${q}`)).status, q).toBe(400);
    }
    const doc = await (await fetch(`${app.url}/api/openapi.json`)).json();
    const names = doc.paths['/api/uploads/{id}/errors'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['lang', 'q', 'code', 'severity', 'field', 'page', 'pageSize', 'format']));
    expect(app.errors).toEqual([]);
  });

  it('the catalogue\'s texts fold the same in TypeScript (once) and in SQL; no two placeholders touch', async () => {
    const templates = Object.values(ISSUE_MESSAGES).flatMap((t) => LANGS.map((lang) => t![lang]));
    const texts = [...templates.flatMap((t) => parseTemplate(t).flatMap((p) => (p.type === 'text' ? [p.text] : []))),
      ...LANGS.flatMap((lang) => FIELDS.map((f) => headerOf(f, lang)))];
    const { rows } = await sql<{ f: string }>`select ${fold(sql`t`)} as f from unnest(${texts}::text[]) with ordinality as u(t, n) order by n`.execute(database.db);
    expect(rows.map((r) => r.f)).toEqual(texts.map(foldText));
    for (const t of templates) {
      const parts = parseTemplate(t);
      parts.forEach((p, i) => expect(p.type === 'text' || parts[i + 1]?.type === 'text' || i === parts.length - 1, t).toBe(true));
      for (const p of parts) if (p.type === 'text') expect(p.text, t).not.toMatch(/^\p{M}|\p{M}$/u);
    }
  });

  it('property: any issue is found by its own message, rendered in TypeScript, in either language (the SQL rendering agrees)', async () => {
    const upload = await insertUpload(database.db, {
      operatorId: 1, mode: 'merge', fileName: 'p.csv', sha256: '0'.repeat(64), bytes: 0, format: 'csv', sheet: null, uploadedBy: 't',
      baseVersion: 0, rowsTotal: 0, counts: { create: 0, update: 0, unchanged: 0, decommission: 0, errorRows: 0, warnings: 0 }, columns: { recognised: {}, unknown: [] },
    });
    const kinds = [...new Set(Object.keys(ISSUE_MESSAGES).filter((k) => k.includes('.')).map((k) => k.split('.')[1]!))];
    const text = fc.string({ maxLength: 12, unit: fc.oneof(fc.constantFrom('\ud800', '\u0000', '\u0007', '\u00a0', 'đ', 'Đ', 'ộ', 'e\u0301', '\u1dc0', '\u0334', 'İ', 'ẞ', 'Ǆ', '.', ',', '{', '}', ' ', '  ', '%', '_', '\\'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) });
    const param = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null), fc.constantFrom('2024-05-01', '2030-01-01', '1e21'), fc.constantFrom(1e21, 1.5e-10, -0, 105.43450000000001));
    const names = ['lat', 'lon', 'number', 'date', 'today', 'first', 'set', 'operator', 'technology', 'length', 'max', 'commissioned', 'decommissioned'];
    const issue = fc.record({
      code: fc.constantFrom(...ISSUE_CODES), field: fc.option(fc.constantFrom(...FIELDS)), value: fc.option(text),
      kind: fc.option(fc.constantFrom(...kinds)), params: fc.dictionary(fc.constantFrom(...names), param, { maxKeys: 5 }),
    }).map(({ kind, params, ...i }): RowIssue => makeIssue({ ...i, row: 1, severity: 'error', params: kind ? { ...params, kind } : params }));
    await fc.assert(fc.asyncProperty(issue, async (i) => {
      await sql`delete from upload_issues where upload_id = ${upload}`.execute(database.db);
      await insertIssues(database.db, upload, [i]);
      const [stored] = (await findIssuePage(database.db, upload, { offset: 0, limit: 1 })).rows;
      for (const lang of LANGS) {
        const q = renderIssue(stored!, lang);
        const found = await findIssuePage(database.db, upload, { q, lang, offset: 0, limit: 1 });
        expect(found.total, `${lang}: ${JSON.stringify(q)}`).toBe(1);
      }
    }), { numRuns: 80, seed: 20250615 });
  });
});
