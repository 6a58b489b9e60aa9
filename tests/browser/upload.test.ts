import { readFileSync } from 'node:fs';
import ExcelJS from '../../server/xlsx/exceljs.js'; // never 'exceljs' itself: the UTF-8 fix must load first
import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, describeInBrowser, startApp } from '../helpers/app-fixture.js';

/** The upload page in Chromium: an operator uploads, reads the preview, commits and rolls back, against the real app. */
const XSS = '<img src=x onerror=alert(1)>';
const OPERATOR = 'bt-up-viettel';
const AS_OPERATOR = { role: 'operator', username: OPERATOR, operator: 'VIETTEL' } as const;
const AS_ADMIN = { role: 'admin', username: 'bt-up-admin' } as const;
const CREATED = 1234;
type Station = { code: string; technology: string; lon: number; lat: number; name: string | null };
let app: App;
let adminToken: string;
let existing: Station[];

/** A CSV with 1,234 new 5G stations, 2 renamed ones, 4 rows in error and 2 warnings; `rows` holds the row numbers. */
function stationCsv(updates: Station[]) {
  const lines = ['Mã trạm,Công nghệ,Vĩ độ,Kinh độ,Tên trạm,Ghi chú'];
  const at = (line: string) => lines.push(line); // the row number of a line is its place after the header row
  const rows = {
    swapped: at('AA-SWAP,5G,105.43,10.38,Đảo ngược,'),
    xssTech: at(`AA-BAD,${XSS},10.38,105.43,Sai,`),
    formula: at('AA-FORMULA,"=HYPERLINK(""http://evil.example/"",""Bấm"")",10.38,105.43,,'),
    xssName: at(`AA-XSS,5G,10.381,105.431,${XSS},`),
    outside: at('AA-HN,5G,21.03,105.85,Hà Nội,'),
    duplicate: 0,
  };
  for (const u of updates) at(`${u.code},${u.technology},${u.lat},${u.lon},Đổi tên ${u.code},`);
  for (let i = 0; i < CREATED - 2; i++) at(`BT-${String(i).padStart(4, '0')},5G,${(10.37 + (i % 40) * 0.0005).toFixed(5)},${(105.42 + Math.floor(i / 40) * 0.0005).toFixed(5)},Trạm ${i},ghi chú`);
  rows.duplicate = at('BT-0000,5G,10.37,105.42,Trùng,');
  return { text: `${lines.join('\n')}\n`, rows };
}

const smallCsv = (s: Station, name: string) => `station_code,technology,latitude,longitude,name\n${s.code},${s.technology},${s.lat},${s.lon},${name}\n`;

const newPage = () => app.newPage({ viewport: { width: 1360, height: 1000 }, acceptDownloads: true });

/** Opens the upload page signed out: it sends to the login page, which brings back to it. */
async function signIn(page: Page, who: typeof AS_OPERATOR | typeof AS_ADMIN) {
  await page.goto(`${app.url}/upload.html`);
  await page.waitForURL((u) => u.pathname === '/login.html' && u.searchParams.get('next') === '/upload.html');
  await app.signIn(page, who.role, who);
}

/** Drops a file built in the page onto the drop zone, as a drag from the desktop does; resolves with the new upload's id. */
async function dropFile(page: Page, name: string, text: string): Promise<number> {
  const before = await page.getByTestId('preview').getAttribute('data-upload');
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/csv' }));
    document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
  return waitForPreview(page, before);
}

async function waitForPreview(page: Page, before: string | null): Promise<number> {
  await page.waitForFunction((prev) => { const v = document.getElementById('preview')?.dataset.upload; return v && v !== prev; }, before, { timeout: 60_000 });
  const id = Number(await page.getByTestId('preview').getAttribute('data-upload'));
  await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::::1"]`);
  await page.waitForSelector(`[data-testid="changes"][data-loaded="${id}::1"]`);
  await page.waitForSelector(`[data-testid="history"] tr[data-upload="${id}"]`);
  return id;
}

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
const n5gOfViettel = async () => (await (await fetch(`${app.url}/api/stats?operator=VIETTEL`)).json()).totals.n5g as number;
const issueRows = (page: Page) => page.locator('[data-testid="issues-table"] tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

async function filterIssues(page: Page, id: number, f: { severity?: string; q?: string }) {
  if (f.severity !== undefined) await page.getByTestId('issues-severity').selectOption(f.severity);
  if (f.q !== undefined) await page.getByTestId('issues-search').fill(f.q);
  const severity = await page.getByTestId('issues-severity').inputValue();
  const q = (await page.getByTestId('issues-search').inputValue()).trim().toLowerCase();
  await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}:${severity}::${q}:1"]`);
}

async function confirmInPage(page: Page, expected: RegExp) {
  const dialog = page.getByTestId('confirm');
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(expected);
  await page.getByTestId('confirm-ok').click();
}

// Each case drives several uploads and commits through the page: under load one took over 60 s.
describeInBrowser('upload page in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    adminToken = await app.token(AS_ADMIN.role, AS_ADMIN);
    const page = await (await fetch(`${app.url}/api/stations?operator=VIETTEL&technology=4G&status=on_air&limit=3`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
    existing = page.features.map((f: { geometry: { coordinates: [number, number] }; properties: Station }) =>
      ({ ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
    expect(existing).toHaveLength(3);
  });
  afterAll(async () => {
    expect(app?.errors ?? []).toEqual([]);
    await app?.close();
  });

  it('a visitor is sent to sign in; an admin chooses the operator', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page, AS_ADMIN);
    const select = page.getByTestId('operator');
    expect(await select.isDisabled()).toBe(false);
    expect(await select.inputValue()).toBe('');
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values.sort()).toEqual(['', 'MOBIFONE', 'VIETNAMOBILE', 'VIETTEL', 'VNPT']);
    // The drop zone is a button to the keyboard: Enter opens the file picker.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (c) => choosers.push(c));
    await page.getByTestId('drop-zone').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => choosers.length, { timeout: 30_000 }).toBe(1);
    expect(choosers[0]!.isMultiple()).toBe(false);
    await page.getByTestId('mode').selectOption('replace');
    expect(await page.getByTestId('mode-hint').textContent()).toMatch(/không có trong tệp sẽ bị chuyển sang ngừng hoạt động/);
    expect(problems).toEqual([]);
    await close();
  });

  it('an operator drops a CSV: progress, counts, the changes, every problem with its row number, filters, the CSV report, names as text', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page, AS_OPERATOR);
    const select = page.getByTestId('operator');
    expect([await select.isDisabled(), await select.inputValue(), await select.locator('option').count()]).toEqual([true, 'VIETTEL', 1]);

    const { text, rows } = stationCsv(existing.slice(0, 2));
    const id = await dropFile(page, `trạm ${XSS}.csv`, text);
    expect(await page.getByTestId('progress').getAttribute('data-phases')).toBe('upload,reading,checking,saving');
    expect(await page.getByTestId('progress').isHidden()).toBe(true);
    const api = await (await fetch(`${app.url}/api/uploads/${id}`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
    expect(api).toMatchObject({ uploadedBy: OPERATOR, counts: { create: CREATED, update: 2, unchanged: 0, errorRows: 4, warnings: 2 } });
    const count = async (k: string) => (await page.getByTestId(`count-${k}`).locator('.stat-value').textContent());
    expect([await count('create'), await count('update'), await count('errorRows'), await count('warnings')]).toEqual(['1.234', '2', '4', '2']);
    expect(await page.getByTestId('preview-file').textContent()).toBe(`trạm ${XSS}.csv`);
    expect(await page.getByTestId('meta-rows').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(rows.duplicate - 1));
    expect(await page.getByTestId('skipped').textContent()).toBe('4 dòng có lỗi sẽ bị bỏ qua khi cập nhật.');
    expect(await page.getByTestId('unknown-columns').textContent()).toContain('Ghi chú');

    // What would change: the renamed stations show before → after, a new one shows its name as text.
    await page.getByTestId('changes-action').selectOption('update');
    await page.waitForSelector(`[data-testid="changes"][data-loaded="${id}:update:1"]`);
    const renamed = await page.locator('[data-testid="changes-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ code: tr.children[0]!.textContent, changed: tr.children[4]!.classList.contains('changed'), before: tr.children[4]!.querySelector('del')?.textContent, after: tr.children[4]!.querySelector('ins')?.textContent })));
    expect(renamed).toEqual(existing.slice(0, 2).sort((a, b) => a.code.localeCompare(b.code)).map((s) =>
      ({ code: s.code, changed: true, before: s.name ?? '—', after: `Đổi tên ${s.code}` })));
    await page.getByTestId('changes-action').selectOption('create');
    await page.waitForSelector(`[data-testid="changes"][data-loaded="${id}:create:1"]`);
    const firstCreated = page.locator('[data-testid="changes-table"] tbody tr[data-code="AA-XSS"] td');
    expect(await firstCreated.nth(4).textContent()).toBe(XSS);
    expect(await page.locator('[data-testid="changes-table"] tbody tr[data-code="AA-XSS"] td.changed').count()).toBe(0);

    // Every problem with its row number and reason.
    const all = await issueRows(page);
    const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
    expect(all.map((r) => `${r[0]} ${r[2]}`).sort()).toEqual([
      'cả tệp unknown_column', `${vi(rows.swapped)} swapped_coordinates`, `${vi(rows.xssTech)} unknown_technology`,
      `${vi(rows.formula)} unknown_technology`, `${vi(rows.outside)} outside_areas`, `${vi(rows.duplicate)} duplicate`,
    ].sort());
    expect(all.find((r) => r[0] === vi(rows.xssTech))![5]).toBe(XSS);
    expect(all.every((r) => r[4]!.length > 10)).toBe(true);
    expect(await page.locator('main img').count()).toBe(0);

    await filterIssues(page, id, { severity: 'warning' });
    expect((await issueRows(page)).map((r) => r[2])).toEqual(['unknown_column', 'outside_areas']);
    await filterIssues(page, id, { severity: 'error' });
    expect((await issueRows(page)).map((r) => r[2]).sort()).toEqual(['duplicate', 'swapped_coordinates', 'unknown_technology', 'unknown_technology']);
    await filterIssues(page, id, { severity: '', q: 'swapped' });
    expect((await issueRows(page)).map((r) => [r[0], r[2]])).toEqual([[vi(rows.swapped), 'swapped_coordinates']]);
    await filterIssues(page, id, { q: 'onerror' });
    expect((await issueRows(page)).map((r) => r[5])).toEqual([XSS]);
    await filterIssues(page, id, { q: '' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issues-csv').click()]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report.startsWith('\uFEFFDòng,Mức,Mã lỗi,Cột,Lý do,Giá trị,Mã trạm\r\n')).toBe(true); // the page's language, like the messages
    expect(report).toContain(`${rows.swapped},Lỗi,swapped_coordinates,Vĩ độ,`);
    expect(report).toContain("'=HYPERLINK(");
    expect(report).not.toMatch(/(^|,)"?=/m);
    expect(report.trim().split('\r\n')).toHaveLength(7);

    // The other language: words and digit grouping change, the choice is kept for the next visit.
    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('commit').textContent()).toBe('Commit');
    expect(await count('create')).toBe('1,234');
    expect(await page.getByTestId('count-errorRows').locator('.stat-label').textContent()).toBe('Rows in error');
    expect((await issueRows(page))[0]![0]).toBe('whole file');
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('h1').textContent()).toBe('Upload a station list');
    await page.getByTestId('lang-vi').click();
    expect(await page.locator('h1').textContent()).toBe('Tải danh sách trạm');
    expect(problems).toEqual([]);
    await close();
  });

  it('commit (confirmed, rows in error skipped) changes the figures at once; the history rolls it back', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page, AS_OPERATOR);
    const before = await n5gOfViettel();
    const id = await dropFile(page, 'tram-2.csv', stationCsv(existing.slice(0, 2)).text);
    await page.getByTestId('commit').click();
    await confirmInPage(page, /4 dòng có lỗi sẽ bị bỏ qua/);
    await page.waitForSelector('[data-testid="message"].is-ok [data-testid="see-map"]');
    expect(await page.getByTestId('message').textContent()).toContain('1.234 trạm mới, 2 cập nhật');
    expect(await page.getByTestId('see-map').getAttribute('href')).toBe('./?operator=VIETTEL');
    expect(await n5gOfViettel()).toBe(before + CREATED);
    // Committed: no longer a preview, so no commit or discard button.
    expect(await page.getByTestId('commit').count()).toBe(0);
    expect(await page.getByTestId('preview-title').textContent()).toMatch(new RegExp(`^Lần tải #${id}: `));
    expect(await page.getByTestId('meta-state').textContent()).toMatch(new RegExp(`^Đã cập nhật — ${OPERATOR}, `));
    expect(await page.getByTestId('skipped').textContent()).toBe('4 dòng có lỗi đã bị bỏ qua.');
    // The bar showed the commit while the server worked, and is gone once it is done.
    expect(await page.getByTestId('progress').getAttribute('data-phases')).toBe('commit');
    expect(await page.getByTestId('progress').isHidden()).toBe(true);

    const row = page.locator(`[data-testid="history"] tr[data-upload="${id}"]`);
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${id}"][data-state="committed"]`);
    expect(await row.locator('td').nth(6).textContent()).toBe(OPERATOR);
    expect(await row.getByTestId('history-counts').textContent()).toBe('1.234 / 2 / 0 / 4');
    await row.getByTestId('history-rollback').click();
    await confirmInPage(page, new RegExp(`#${id}`));
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${id}"][data-state="rolled_back"]`);
    expect(await page.getByTestId('message').textContent()).toBe(`Đã hoàn tác lần tải #${id}.`);
    expect(await n5gOfViettel()).toBe(before);
    expect(await row.getByTestId('history-state').textContent()).toMatch(new RegExp(`^Đã hoàn tác — ${OPERATOR}, `));
    expect(problems).toEqual([]);
    await close();
  });

  it('replace: the share it decommissions beside the button and in a stronger question; refused outright while rows are in error', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page, AS_OPERATOR);
    await page.getByTestId('mode').selectOption('replace');
    const stats = async () => (await (await fetch(`${app.url}/api/stats?operator=VIETTEL`)).json()).totals;
    const before = await stats();
    const keep = existing.slice(0, 1);
    const id = await dropFile(page, 'one.csv', smallCsv(keep[0]!, 'Giữ'));
    const line = await page.getByTestId('replace-line').textContent();
    expect(line).toMatch(/^Thay toàn bộ danh sách: [\d.]+ trạm của VIETTEL \(\d+,\d %\) không có trong tệp này sẽ bị chuyển sang ngừng hoạt động khi xác nhận\.$/);
    await page.getByTestId('commit').click();
    const dialog = page.getByTestId('confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/^CẢNH BÁO: [\d.]+ trạm của VIETTEL, tức \d+,\d %/);
    await page.getByTestId('confirm-cancel').click();
    expect((await page.getByTestId('preview').getAttribute('data-state'))).toBe('previewed');
    expect(await stats()).toEqual(before);

    // The same replace with a row in error: the button cannot be pressed, and says why.
    const bad = await dropFile(page, 'bad.csv', `${smallCsv(keep[0]!, 'x')}BAD-1,3G,10.4,105.4,y\n`);
    expect(bad).not.toBe(id);
    expect(await page.getByTestId('commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('replace-blocked').textContent()).toBe('Thay toàn bộ danh sách chỉ áp dụng được với tệp không có lỗi: hãy sửa 1 dòng lỗi rồi tải lên lại, hoặc tải lên ở chế độ Thêm và cập nhật.');
    await page.getByTestId('mode').selectOption('merge');
    expect(problems).toEqual([]);
    await close();
  });

  it('an .xlsx from the picker; a preview made stale elsewhere, a discarded preview and a rollback conflict are explained', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page, AS_OPERATOR);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['not this one']);
    const ws = wb.addWorksheet('Trạm');
    for (const r of [['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ'], ['XL-1', '4G', 10.38, 105.43], ['XL-2', '5G', 10.381, 105.431], ['XL-3', '5G', null, 105.43]]) ws.addRow(r);
    await page.getByTestId('sheet').fill('Trạm');
    const before = await page.getByTestId('preview').getAttribute('data-upload');
    await page.getByTestId('file-input').setInputFiles({ name: 'tram.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    const stale = await waitForPreview(page, before);
    expect(await page.getByTestId('meta-state').textContent()).toBe('Chưa xác nhận');
    expect(await page.getByTestId('count-create').locator('.stat-value').textContent()).toBe('2');
    expect((await issueRows(page)).map((r) => [r[0], r[2], r[3]])).toEqual([['4', 'missing_value', 'Vĩ độ']]);

    // Meanwhile someone else commits for VIETTEL through the API: the preview on screen is stale now.
    const station = existing[2]!;
    const form = new FormData();
    form.append('operator', 'VIETTEL');
    form.append('file', new Blob([smallCsv(station, 'Tên A')]), 'a.csv');
    const auth = { authorization: `Bearer ${adminToken}` };
    const elsewhere = await (await fetch(`${app.url}/api/uploads`, { method: 'POST', body: form, headers: auth })).json();
    expect((await fetch(`${app.url}/api/uploads/${elsewhere.id}/commit`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    await page.getByTestId('commit').click();
    await confirmInPage(page, /1 dòng có lỗi/);
    await expect.poll(() => page.locator('[data-testid="message"] .message-text').textContent(), { timeout: 30_000 }).toMatch(/đã thay đổi kể từ lần xem trước này; hãy tải tệp lên lại/);
    // The server's own words only in the page's language: no English detail under the Vietnamese message.
    expect(await page.getByTestId('message').textContent()).not.toMatch(/changed after this preview|upload \d+\)/);
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${stale}"][data-state="discarded"]`);
    expect(await page.locator(`[data-testid="history"] tr[data-upload="${stale}"] [data-testid="history-state"]`).textContent())
      .toBe(`Đã hủy — thay bởi lần tải #${elsewhere.id}`);
    expect(await page.locator(`[data-testid="history"] tr[data-upload="${stale}"] [data-testid="history-state"]`).getAttribute('title'))
      .toBe(`Đã hủy — dữ liệu trạm đã thay đổi sau đó (lần tải #${elsewhere.id}): tải tệp lên lại để xem trước`);
    expect(await page.locator(`[data-testid="history"] tr[data-upload="${stale}"]`).getByTestId('history-commit').count()).toBe(0);

    // A preview the operator does not want: discarded, nothing changes, its report stays.
    const n5g = await n5gOfViettel();
    const unwanted = await dropFile(page, 'unwanted.csv', 'station_code,technology,latitude,longitude\nUW-1,5G,10.39,105.44\n');
    await page.getByTestId('discard').click();
    await confirmInPage(page, new RegExp(`#${unwanted} \\(unwanted\\.csv\\)`));
    await page.waitForSelector(`[data-testid="preview"][data-state="discarded"]`);
    expect(await page.getByTestId('meta-state').textContent()).toMatch(new RegExp(`^Đã hủy — ${OPERATOR}, `));
    expect(await page.getByTestId('commit').count()).toBe(0);
    expect(await n5gOfViettel()).toBe(n5g);

    const first = await dropFile(page, 'b.csv', smallCsv(station, 'Tên B'));
    await page.getByTestId('commit').click(); // no row in error: no question asked
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${first}"][data-state="committed"]`);
    const later = await dropFile(page, 'c.csv', smallCsv(station, 'Tên C'));
    await page.getByTestId('commit').click();
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${later}"][data-state="committed"]`);

    await page.locator(`[data-testid="history"] tr[data-upload="${first}"]`).getByTestId('history-rollback').click();
    await confirmInPage(page, new RegExp(`#${first}`));
    await page.waitForSelector('[data-testid="message"].is-error [data-testid="message-items"]');
    expect(await page.locator('[data-testid="message"] .message-text').textContent()).toMatch(/^Không thể hoàn tác/);
    expect(await texts(page, '[data-testid="message-items"] li')).toEqual([
      `1 trạm đã được lần tải #${later} thay đổi lại: hãy hoàn tác lần tải #${later} trước.`, `${station.code} (4G) — lần tải #${later} c.csv`,
    ]);
    expect(problems).toEqual([]);
    await close();
  });
});
