import ExcelJS from '../../server/xlsx/exceljs.js'; // never 'exceljs' itself: the UTF-8 fix must load first
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, describeInBrowser, startApp } from '../helpers/app-fixture.js';

/**
 * The upload page's answers to the QA3 browser report (B1, B2, B5, B6, B9, B14, B16, B17, B19,
 * B22), in Chromium against the real app. Where a state lasts only while the server works, the
 * request is held with page.route until the test has looked, then let through: no timings.
 */
const OPERATOR = { username: 'bt-qa3-vnpt', operator: 'VNPT' };
const LIMITED_BYTES = 100_000;
let app: App;
let limited: App;
let adminToken: string;

const header = 'Mã trạm,Công nghệ,Vĩ độ,Kinh độ,Tên trạm';
/** `n` new 5G stations near Long Xuyên, codes prefixed so each file adds its own. */
const newStations = (prefix: string, n: number) =>
  [header, ...Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')},5G,${(10.37 + i * 0.0004).toFixed(5)},105.43,Trạm ${prefix} ${i}`)].join('\n') + '\n';
/** Every row in error: `lat` rows with a latitude that is no number, `tech` rows with an unknown technology. */
const allInError = (lat: number, tech: number) => [header,
  ...Array.from({ length: lat }, (_, i) => `QA3-LAT-${i},5G,abc,105.43,Vĩ độ sai ${i}`),
  ...Array.from({ length: tech }, (_, i) => `QA3-TECH-${i},3G,10.38,105.43,Công nghệ sai ${i}`)].join('\n') + '\n';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Sheet này chỉ là hướng dẫn']);
  wb.addWorksheet('Trạm 4G').addRows([['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ'], ['QA3-X4', '4G', 10.38, 105.43]]);
  wb.addWorksheet('Trạm 5G').addRows([['Mã trạm', 'Công nghệ', 'Vĩ độ', 'Kinh độ'], ['QA3-X5A', '5G', 10.381, 105.431], ['QA3-X5B', '5G', 10.382, 105.432]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const newPage = (viewport = { width: 1366, height: 900 }) => app.newPage({ viewport });
const signIn = (page: Page, on = app) => on.signIn(page, 'operator', { ...OPERATOR, next: '/upload.html' });

/** Drops a file onto the drop zone as a drag from the desktop does (nothing awaited). */
async function drop(page: Page, name: string, text: string) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/csv' }));
    document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text });
}

/** Waits for the preview of a new upload, its changes and problems loaded, and its history row. */
async function waitForPreview(page: Page, known: number[]): Promise<number> {
  await page.waitForFunction((ids) => { const v = document.getElementById('preview')?.dataset.upload; return v && !ids.includes(Number(v)); }, known, { timeout: 60_000 });
  const id = Number(await page.getByTestId('preview').getAttribute('data-upload'));
  await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::::1"]`);
  await page.waitForSelector(`[data-testid="changes"][data-loaded="${id}::1"]`);
  await page.waitForSelector(`[data-testid="history"] tr[data-upload="${id}"]`);
  return id;
}
const shownIds: number[] = [];
async function dropAndPreview(page: Page, name: string, text: string): Promise<number> {
  await drop(page, name, text);
  const id = await waitForPreview(page, shownIds);
  shownIds.push(id);
  return id;
}

/** Holds the requests `matches` picks until release(); `seen` resolves when the first one arrives. */
async function hold(page: Page, pattern: string, matches: (route: Route) => boolean = () => true) {
  let release!: () => void;
  let arrived!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  const seen = new Promise<void>((r) => { arrived = r; });
  const urls: string[] = [];
  await page.route(pattern, async (route) => {
    if (!matches(route)) return route.continue();
    urls.push(route.request().url());
    arrived();
    await released;
    await route.continue();
  });
  return { release, seen, urls };
}

const uploadsOf = async (fileName: string) => {
  const r = await (await fetch(`${app.url}/api/uploads?operator=VNPT&limit=200`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
  return (r.uploads as { fileName: string }[]).filter((u) => u.fileName === fileName).length;
};
const issueCells = (page: Page, column: number) =>
  page.locator('[data-testid="issues-table"] tbody tr').evaluateAll((trs, c) => trs.map((tr) => tr.children[c]!.textContent ?? ''), column);
const pagerText = (page: Page, which: 'issues' | 'changes') => page.getByTestId(`${which}-pager-page`).textContent();

describeInBrowser('upload page after the QA3 report, in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    limited = await startApp({ env: { UPLOAD_MAX_BYTES: String(LIMITED_BYTES) }, auth: 'none' });
    adminToken = await app.token('admin', { username: 'bt-qa3-admin' });
  });
  afterAll(async () => {
    expect([...(app?.errors ?? []), ...(limited?.errors ?? [])]).toEqual([]);
    await app?.close();
    await limited?.close();
  });

  it('B1, B2: a refused workbook hides the last preview, names itself, and offers its sheets; one click reads the chosen sheet', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page);
    await dropAndPreview(page, 'truoc.csv', newStations('QA3-B1', 2));
    expect(await page.getByTestId('commit').isEnabled()).toBe(true);

    // Cover sheet read by default: refused, and the preview of truoc.csv is gone with its commit button.
    const file = { name: 'nhieu-trang.xlsx', mimeType: XLSX, buffer: await workbook() };
    await page.getByTestId('file-input').setInputFiles(file);
    await page.waitForSelector('[data-testid="message"].is-error');
    expect(await page.getByTestId('message-file').textContent()).toBe('Tệp nhieu-trang.xlsx:');
    expect(await page.getByTestId('preview').isHidden()).toBe(true);
    expect(await page.getByTestId('commit').count()).toBe(0);
    expect(await page.getByTestId('changes').isHidden()).toBe(true);
    expect(await page.getByTestId('issues').isHidden()).toBe(true);
    // The refusal names the sheet read and offers the others.
    expect(await page.locator('[data-testid="sheet-choice"]').allTextContents()).toEqual(['Trạm 4G', 'Trạm 5G']);
    expect(await page.locator('[data-testid="message"] .message-text').textContent()).toContain('trang tính "Hướng dẫn"');

    // A sheet that does not exist: the refusal lists the workbook's sheets, as buttons.
    await page.getByTestId('sheet').fill('Không có');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.waitForSelector('[data-testid="sheet-choices"]');
    expect(await page.getByTestId('message-file').textContent()).toBe('Tệp nhieu-trang.xlsx:');
    expect(await page.locator('[data-testid="sheet-choice"]').allTextContents()).toEqual(['Hướng dẫn', 'Trạm 4G', 'Trạm 5G']);
    await page.locator('[data-testid="sheet-choice"][data-sheet="Trạm 5G"]').click();
    const id = await waitForPreview(page, shownIds);
    shownIds.push(id);
    expect(await page.getByTestId('sheet').inputValue()).toBe('Trạm 5G');
    expect(await page.getByTestId('preview-file').textContent()).toBe('nhieu-trang.xlsx');
    expect(await page.getByTestId('preview-meta').textContent()).toContain('xlsx · Trạm 5G');
    expect(await page.getByTestId('count-create').locator('.stat-value').textContent()).toBe('2');
    expect(await page.getByTestId('message').isHidden()).toBe(true);
    // The sheet a button chose was for that file: the next file is read without it (QA4 N2).
    await dropAndPreview(page, 'sau.csv', newStations('QA3-B2N', 1));
    expect(await page.getByTestId('sheet').inputValue()).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('B19, B1: while a file is processed the drop zone says which, the old preview is hidden, and a second file is told to wait', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page);
    await dropAndPreview(page, 'cu.csv', newStations('QA3-B19A', 1));
    const sending = await hold(page, '**/api/uploads', (route) => route.request().method() === 'POST');
    await drop(page, 'moi.csv', newStations('QA3-B19B', 3));
    await sending.seen;
    const zone = page.getByTestId('drop-zone');
    expect(await zone.getAttribute('class')).toContain('busy');
    expect(await zone.getAttribute('aria-busy')).toBe('true');
    expect(await zone.locator('strong').textContent()).toBe('Đang xử lý tệp moi.csv…');
    expect(await page.getByTestId('preview').isHidden()).toBe(true);
    expect(await page.getByTestId('commit').count()).toBe(0);

    await drop(page, 'thu-hai.csv', newStations('QA3-B19C', 1));
    expect(await page.getByTestId('drop-note').textContent()).toBe('Đang xử lý tệp moi.csv: hãy đợi xong rồi mới gửi tệp thu-hai.csv.');
    expect(sending.urls).toHaveLength(1); // the second file was not sent

    sending.release();
    const id = await waitForPreview(page, shownIds);
    shownIds.push(id);
    expect(await page.getByTestId('preview-file').textContent()).toBe('moi.csv');
    expect(await zone.getAttribute('aria-busy')).toBeNull();
    expect(await zone.locator('strong').textContent()).toBe('Kéo thả tệp CSV, Excel (.xlsx) hoặc GeoJSON vào đây');
    expect(await uploadsOf('thu-hai.csv')).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('B16, B6, B5: nothing to apply cannot be committed; problems filtered by column, paged "1 / 2" with first/last; an empty filter says so and clears', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page);
    const id = await dropAndPreview(page, 'toan-loi.csv', allInError(60, 5));
    expect(await page.getByTestId('count-errorRows').locator('.stat-value').textContent()).toBe('65');
    expect(await page.getByTestId('commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('nothing-to-apply').textContent()).toBe('Không có dòng hợp lệ nào để cập nhật: hãy sửa lỗi rồi tải lên lại.');
    expect(await page.getByTestId('skipped').count()).toBe(0);
    const row = page.locator(`[data-testid="history"] tr[data-upload="${id}"]`);
    expect(await row.getByTestId('history-commit').isDisabled()).toBe(true);

    // 65 problems, 50 a page.
    expect(await pagerText(page, 'issues')).toBe('Trang 1 / 2');
    expect(await page.getByTestId('issues-pager-first').isDisabled()).toBe(true);
    await page.getByTestId('issues-pager-last').click();
    await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::::2"]`);
    expect(await pagerText(page, 'issues')).toBe('Trang 2 / 2');
    expect(await issueCells(page, 0)).toHaveLength(15);
    expect(await page.getByTestId('issues-pager-last').isDisabled()).toBe(true);
    await page.getByTestId('issues-pager-first').click();
    await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::::1"]`);

    // By column: the technology rows only, named as the page names the column.
    await page.getByTestId('issues-field').selectOption('technology');
    await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::technology::1"]`);
    expect(await issueCells(page, 3)).toEqual(Array(5).fill('Công nghệ'));
    expect(await issueCells(page, 2)).toEqual(Array(5).fill('unknown_technology'));
    expect(await pagerText(page, 'issues')).toBe('Trang 1 / 1');
    expect(await page.getByTestId('issues-summary').textContent()).toBe('5 mục');

    // A filter that leaves nothing: said as such (not "no errors"), and one click shows everything again.
    await page.getByTestId('issues-severity').selectOption('warning');
    await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}:warning:technology::1"]`);
    expect(await page.getByTestId('issues-no-match').textContent()).toMatch(/^Không có mục nào khớp bộ lọc\./);
    expect(await page.getByTestId('issues-empty').count()).toBe(0);
    await page.getByTestId('issues-clear-filter').click();
    await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::::1"]`);
    expect([await page.getByTestId('issues-severity').inputValue(), await page.getByTestId('issues-field').inputValue()]).toEqual(['', '']);
    expect(await issueCells(page, 0)).toHaveLength(50);
    expect(await page.getByTestId('issues-summary').textContent()).toBe('65 mục');

    await page.getByTestId('lang-en').click();
    expect(await page.getByTestId('nothing-to-apply').textContent()).toBe('Nothing to apply: fix the errors and upload again.');
    await page.waitForSelector(`[data-testid="issues"][data-loaded="${id}::::1"]`);
    expect(await pagerText(page, 'issues')).toBe('Page 1 / 2');
    await page.getByTestId('lang-vi').click();
    expect(problems).toEqual([]);
    await close();
  });

  it('B22, B17, B6, B10: committing from the history clears the last result, busies that row with its progress under it, and asks in the page\'s language', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page);
    const acts: { url: string; status: number }[] = [];
    page.on('response', (r) => { if (/\/api\/uploads\/\d+\/(commit|rollback|discard)/.test(r.url())) acts.push({ url: r.url(), status: r.status() }); });
    const unwanted = await dropAndPreview(page, 'bo-di.csv', newStations('QA3-B22X', 1));
    const id = await dropAndPreview(page, 'ba-muoi.csv', newStations('QA3-B22', 30));
    // The changes pager: 30 new stations, 25 a page.
    expect(await pagerText(page, 'changes')).toBe('Trang 1 / 2');
    await page.getByTestId('changes-pager-last').click();
    await page.waitForSelector(`[data-testid="changes"][data-loaded="${id}::2"]`);
    expect(await pagerText(page, 'changes')).toBe('Trang 2 / 2');
    expect(await page.locator('[data-testid="changes-table"] tbody tr').count()).toBe(5);

    const row = page.locator(`[data-testid="history"] tr[data-upload="${id}"]`);
    expect(await row.getByTestId('history-open').getAttribute('aria-label')).toBe(`Mở lần tải #${id} (ba-muoi.csv)`);
    expect(await row.getByTestId('history-commit').getAttribute('aria-label')).toBe(`Xác nhận cập nhật lần tải #${id} (ba-muoi.csv)`);

    // A result on screen from before: discarding the other preview.
    await page.locator(`[data-testid="history"] tr[data-upload="${unwanted}"]`).getByTestId('history-discard').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${unwanted}"][data-state="discarded"]`);
    expect(await page.getByTestId('message').textContent()).toBe(`Đã hủy bản xem trước #${unwanted}. Dữ liệu trạm không thay đổi.`);
    // A finished row greys its text, not its working "open" button.
    const finished = page.locator(`[data-testid="history"] tr[data-upload="${unwanted}"]`);
    const colours = await finished.evaluate((tr) => [getComputedStyle(tr.querySelector('td.file-name')!).color, getComputedStyle(tr.querySelector('[data-testid="history-open"]')!).color]);
    expect(colours[0]).not.toBe(colours[1]);

    const committing = await hold(page, '**/api/uploads/*/commit*');
    await row.getByTestId('history-commit').click();
    await committing.seen;
    // Asked in the page's language; a server that refused the parameter (400) is not asked with it again.
    expect(acts[0]!.url).toMatch(new RegExp(`/api/uploads/${unwanted}/discard\\?lang=vi$`));
    const langRefused = acts[0]!.status === 400;
    expect(committing.urls[0]).toMatch(new RegExp(`/api/uploads/${id}/commit${langRefused ? '' : '\\?lang=vi'}$`));
    expect(await page.getByTestId('message').isHidden()).toBe(true);
    const busyButton = row.getByTestId('history-commit');
    expect([await busyButton.textContent(), await busyButton.isDisabled(), await busyButton.getAttribute('aria-busy')]).toEqual(['Đang cập nhật…', true, 'true']);
    expect(await row.getByTestId('history-discard').isDisabled()).toBe(true);
    expect(await row.getByTestId('history-open').isEnabled()).toBe(true);
    const progressRow = page.locator(`[data-testid="history-progress"][data-progress-of="${id}"]`);
    expect(await progressRow.textContent()).toMatch(/^Đang cập nhật dữ liệu trạm/);
    // Right under the clicked row, and on screen.
    expect(await row.evaluate((tr) => (tr.nextElementSibling as HTMLElement | null)?.dataset.testid)).toBe('history-progress');
    const box = (await progressRow.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    // The preview's own commit button waits too.
    expect([await page.getByTestId('commit').textContent(), await page.getByTestId('commit').isDisabled()]).toEqual(['Đang cập nhật…', true]);

    committing.release();
    await page.waitForSelector(`[data-testid="history"] tr[data-upload="${id}"][data-state="committed"]`);
    expect(await page.getByTestId('message').textContent()).toBe(`Đã cập nhật dữ liệu (lần tải #${id}): 30 trạm mới, 0 cập nhật, 0 ngừng hoạt động. Xem trên bản đồ`);
    expect(await page.locator('[data-testid="history-progress"]').count()).toBe(0);
    expect(await row.getByTestId('history-rollback').isEnabled()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('B14: the limit is the server\'s (GET /api/uploads/limits), shown by the drop zone, and a file over it is refused before it is sent', async () => {
    const { page, problems, close } = await newPage();
    await signIn(page, limited);
    expect(await page.getByTestId('drop-limit').textContent()).toBe('Tối đa 97,7 kB một tệp.');
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/uploads') posts.push(r.url()); });
    const big = newStations('QA3-B14', 3000); // about 50 bytes a row: over 100,000 bytes
    const bytes = Buffer.byteLength(big);
    expect(bytes).toBeGreaterThan(LIMITED_BYTES);
    await drop(page, 'lon.csv', big);
    await page.waitForFunction(() => document.querySelector('[data-testid="message-file"]')?.textContent === 'Tệp lon.csv:');
    const size = (n: number) => `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n / 1024)} kB`;
    expect(await page.locator('[data-testid="message"] .message-text').textContent())
      .toBe(`Tệp lon.csv: Dung lượng ${size(bytes)} vượt giới hạn 97,7 kB của một lần tải lên; hãy chia thành nhiều tệp nhỏ hơn.`);
    // Not a byte sent; a file under the limit goes.
    expect(posts).toEqual([]);
    await dropAndPreview(page, 'nho.csv', newStations('QA3-B14S', 3));
    expect(posts).toHaveLength(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('B9, B7: on a 390-px phone the reasons and the history\'s state and actions are on screen; at 1366 px no table is cut', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone.page);
    await dropAndPreview(phone.page, 'dien-thoai.csv', `${allInError(2, 1)}QA3-LONG,5G,10.39,105.44,${'Tên rất dài '.repeat(15)}\n`);
    const width = 390;
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const reasons = phone.page.getByTestId('issue-reason');
    expect(await reasons.count()).toBe(3);
    for (const box of await reasons.evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
    }
    const rowOnPhone = phone.page.locator('[data-testid="history"] tbody tr').first();
    for (const part of ['history-state', 'history-open', 'history-commit', 'history-discard']) {
      const box = (await rowOnPhone.getByTestId(part).boundingBox())!;
      expect([part, box.x >= 0 && box.x + box.width <= width]).toEqual([part, true]);
    }
    // The long name is clipped, whole in its title, and whole once clicked.
    const name = phone.page.locator('[data-testid="changes-table"] tr[data-code="QA3-LONG"] .clip');
    expect(await name.getAttribute('title')).toBe('Tên rất dài '.repeat(15).trim());
    const clippedHeight = (await name.boundingBox())!.height;
    await name.click();
    expect((await name.boundingBox())!.height).toBeGreaterThan(clippedHeight);
    expect(phone.problems).toEqual([]);
    await phone.close();

    const desk = await newPage({ width: 1366, height: 768 });
    await signIn(desk.page);
    await desk.page.locator('[data-testid="history"] tbody tr').first().getByTestId('history-open').click();
    await desk.page.waitForSelector('[data-testid="changes-table"]');
    const cut = await desk.page.locator('.table-wrap').evaluateAll((wraps) =>
      wraps.filter((w) => (w as HTMLElement).offsetParent !== null && w.scrollWidth > w.clientWidth + 1).map((w) => w.closest('section')?.id));
    expect(cut).toEqual([]);
    expect(desk.problems).toEqual([]);
    await desk.close();
  });
});
