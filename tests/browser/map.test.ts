import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bandColour, progressBand } from '../../geo/colour-scale.js';
import { findOperatorByCode } from '../../server/operators/operators.repository.js';
import { upsertStations } from '../../server/stations/stations.repository.js';
import { type App, describeInBrowser, getJson, startApp } from '../helpers/app-fixture.js';

/** The map client in a real Chromium against the real app with the demo data. */

const XSS = '<img src=x onerror=alert(1)>';
const DISTRICT = '883'; // Long Xuyên
let app: App;
let xssAt: { lon: number; lat: number };

/** Opens a page and collects what went wrong: page errors, dialogs, console errors not caused by tiles. */
async function openPage(path = '/') {
  const { page, problems } = await app.newPage({ acceptDownloads: true, requests: true });
  await page.goto(`${app.url}${path}`);
  await waitReady(page);
  return { page, problems };
}

async function waitReady(page: Page) {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 30_000 });
}

/** The area shapes as the map's canvas layer draws them (no DOM node per area to count). */
type Shape = { code: string; drawn: boolean; selected: boolean; outside: boolean };
const shapes = (page: Page): Promise<Shape[]> => page.evaluate(() => (window as any).__planner.areas.shapes());
const digits = (s: string | null | undefined) => Number((s ?? '').replace(/\D/g, ''));

const markers = (page: Page) => page.evaluate(() => {
  const d = document.getElementById('map')!.dataset;
  return { g4: Number(d.markers4g), g5: Number(d.markers5g) };
});

describeInBrowser('map client in Chromium', () => {
  beforeAll(async () => {
    // An uploaded name that is markup: it must show as text.
    app = await startApp({ demo: true });
    const { body } = await getJson(`${app.url}/api/stations?area=${DISTRICT}&limit=1`);
    const [lon, lat] = body.features[0].geometry.coordinates;
    xssAt = { lon: lon + 0.004, lat: lat + 0.004 };
    const op = await findOperatorByCode(app.database.db, 'VIETTEL');
    await upsertStations(app.database.db, [{ operatorId: op!.id, code: 'XSS-1', technology: '5G', name: XSS, ...xssAt,
      status: 'on_air', commissionedOn: '2024-01-01', decommissionedOn: null }]);
  });
  afterAll(async () => { await app?.close(); });

  it('loads with the demo data: one shape per area of the API, legend with target and date', async () => {
    const { page, problems } = await openPage();
    const api = (await getJson(`${app.url}/api/areas`)).body;
    const drawn = (await shapes(page)).filter((a) => a.drawn);
    expect(drawn.length).toBe(api.features.length);
    expect(new Set(drawn.map((a) => a.code))).toEqual(new Set(api.features.map((f: { id: string }) => f.id)));
    expect(Number(await page.getByTestId('map').getAttribute('data-labels'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="area-table"] tbody tr').count()).toBe(api.features.length);
    expect(await page.getByTestId('legend-target').textContent()).toContain('50%');
    expect(await page.getByTestId('title').textContent()).toBe('Theo dõi triển khai 5G');
    const m = await markers(page);
    expect(m.g4).toBeGreaterThan(0);
    expect(m.g5).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    mkdirSync('test-output/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-output/screenshots/main.png' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('removes the 5G markers when the 5G layer is switched off, and keeps the 4G ones', async () => {
    const { page, problems } = await openPage();
    expect((await markers(page)).g5).toBeGreaterThan(0);
    await page.getByTestId('layer-5g').uncheck();
    await page.waitForFunction(() => document.getElementById('map')!.dataset.markers5g === '0');
    expect((await markers(page)).g4).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('4g');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('narrows table, map and URL to a chosen district, and a reload restores that view', async () => {
    const { page, problems } = await openPage();
    await page.getByTestId('area-filter').locator('summary').click();
    await page.locator(`[data-testid="area-option"][value="${DISTRICT}"]`).check();
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('area') === code, DISTRICT);
    const check = async () => {
      const rows = page.locator('[data-testid="area-table"] tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-code')).toBe(DISTRICT);
      const all = await shapes(page);
      expect(all.find((a) => a.code === DISTRICT)).toMatchObject({ drawn: true, outside: false });
      expect(all.filter((a) => a.outside).length).toBe(10);
      const stations = await page.evaluate(() => (window as any).__planner.stations.data.points.map((p: any) => p.p.areaCode));
      expect(stations.length).toBeGreaterThan(0);
      expect(new Set(stations)).toEqual(new Set([DISTRICT]));
    };
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-table"] tbody tr').length === 1);
    await page.waitForFunction((code) => (window as any).__planner.stations.data.points?.every((p: any) => p.p.areaCode === code), DISTRICT);
    await check();
    await page.reload();
    await waitReady(page);
    await check();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches the labels to English and back', async () => {
    const { page, problems } = await openPage();
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('title').textContent()).toBe('5G rollout tracker');
    expect(await page.locator('[data-testid="area-table"] thead').textContent()).toContain('Needed');
    expect(await page.getByTestId('legend-target').textContent()).toBe('Target: 5G = 50% of 4G stations');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByTestId('lang-vi').click();
    expect(await page.locator('[data-testid="area-table"] thead').textContent()).toContain('Còn thiếu');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('recolours with a what-if target without saving it, and sorts and selects by keyboard', async () => {
    const { page, problems } = await openPage();
    const met = () => page.locator('[data-testid="area-table"] .status-met').count();
    const before = await met();
    await page.getByTestId('target-input').fill('10');
    await page.getByTestId('target-input').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('target') === '10');
    expect(await page.getByTestId('legend-target').textContent()).toContain('10%');
    expect(await met()).toBeGreaterThan(before);
    expect((await getJson(`${app.url}/api/stats`)).body.target.bp).toBe(5000);

    await page.locator('button.sort[data-sort="name"]').click();
    const names = await page.locator('[data-testid="area-table"] tbody tr .area-name').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name-asc');
    const rows = page.locator('[data-testid="area-table"] tbody tr');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = await rows.nth(1).getAttribute('data-code');
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('sel') === code, second);
    expect((await shapes(page)).filter((a) => a.selected).map((a) => a.code)).toEqual([second]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a what-if target changes the colour, the card and the table row of an area alike, as the server computes them', async () => {
    const stored = (await getJson(`${app.url}/api/stats`)).body;
    const trial = (await getJson(`${app.url}/api/stats?target=10%25`)).body;
    type Row = { code: string; n4g: number; n5g: number; needed: number; status: string };
    // An area behind the stored target that meets 10 %: its colour, card and row must all move.
    const code = (stored.rows as Row[]).find((r) => r.status === 'behind' && (trial.rows as Row[]).find((t) => t.code === r.code)!.status === 'met')!.code;
    const expected = (body: { rows: Row[]; target: { bp: number } }) => {
      const r = body.rows.find((x) => x.code === code)!;
      return { fill: bandColour(progressBand(r.n4g, r.n5g, body.target.bp)), needed: r.needed, status: r.status };
    };
    const shown = async (page: Page) => {
      await page.waitForSelector('[data-testid="card-operators"]');
      const row = page.locator(`[data-testid="area-table"] tbody tr[data-code="${code}"]`);
      const card = page.getByTestId('area-card');
      return {
        fill: (await shapes(page) as (Shape & { fill: string })[]).find((a) => a.code === code)!.fill,
        needed: digits(await row.locator('td.needed').textContent()),
        status: (await row.locator('.status').getAttribute('class'))!.replace(/.*status-/, ''),
        card: { needed: digits(await card.locator('dd').nth(4).textContent()), status: (await card.locator('.card-head .status').getAttribute('class'))!.replace(/.*status-/, '') },
        operators: await card.locator('[data-testid="card-operators"] tbody tr td:last-child').allTextContents(),
      };
    };
    const { page, problems } = await openPage(`/?sel=${code}`);
    const before = await shown(page);
    const want = expected(stored);
    expect(before).toMatchObject({ fill: want.fill, needed: want.needed, status: want.status, card: { needed: want.needed, status: want.status } });
    await page.getByTestId('target-input').fill('10');
    await page.getByTestId('target-input').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('target') === '10');
    await page.waitForFunction((c) => document.querySelector(`[data-testid="area-table"] tbody tr[data-code="${c}"] .status-met`) !== null, code);
    const after = await shown(page);
    const wantAfter = expected(trial);
    expect(after).toMatchObject({ fill: wantAfter.fill, needed: wantAfter.needed, status: 'met', card: { needed: wantAfter.needed, status: 'met' } });
    expect(after.fill).not.toBe(before.fill);
    // The card's per-operator breakdown is the server's at the trial target too.
    const detail = (await getJson(`${app.url}/api/areas/${code}?target=10%25`)).body;
    await expect.poll(async () => (await shown(page)).operators.map(digits)).toEqual(detail.operators.map((o: { needed: number }) => o.needed));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports the stations of the current filter as a CSV whose rows are exactly those stations', async () => {
    const { page, problems } = await openPage(`/?area=${DISTRICT}&operator=VNPT`);
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-stations-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^stations_.*883_VNPT\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    const api = (await getJson(`${app.url}/api/stations?area=${DISTRICT}&operator=VNPT&limit=10000`)).body;
    expect(rows.length).toBe(api.features.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[header.indexOf('area_code')]))).toEqual(new Set([DISTRICT]));
    expect(new Set(rows.map((r) => r[header.indexOf('operator')]))).toEqual(new Set(['VNPT']));

    await page.getByTestId('export-menu').click();
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-areas-csv').click()]);
    expect(table.suggestedFilename()).toMatch(/^area-gap_.*883_VNPT_asof-\d{4}-\d{2}-\d{2}_target-50pct\.csv$/);
    const text = readFileSync((await table.path())!, 'utf8');
    // Written by the API, not the page: the same bytes as GET /api/stats?format=csv for that scope, in the page's language.
    expect(text).toBe(await (await fetch(`${app.url}/api/stats?format=csv&area=${DISTRICT}&operator=VNPT&lang=vi`)).text());
    const tableLines = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(tableLines.length).toBe(3); // header, the district, the district's total: nothing province-wide
    const col = (name: string) => tableLines[0]!.indexOf(name);
    expect(tableLines[0]).toEqual(['Mã địa bàn', 'Địa bàn', '4G', '5G', 'Tỷ lệ', 'Cần có', 'Còn thiếu', 'Trạng thái', 'Diện tích (km²)', 'Dân số', 'Để mọi địa bàn đều đạt']);
    // The district's row holds what the table on the page shows.
    const shown = await page.locator('[data-testid="area-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-code'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
    expect(shown.length).toBe(1);
    const [code, n4g, n5g, , required, needed] = shown[0]!;
    const row = tableLines[1]!;
    expect(row[col('Mã địa bàn')]).toBe(code);
    expect(code).toBe(DISTRICT);
    expect([row[col('4G')], row[col('5G')], row[col('Cần có')], row[col('Còn thiếu')]].map(Number))
      .toEqual([n4g, n5g, required, needed].map(digits));
    expect(Number(row[col('4G')])).toBeGreaterThan(0);
    // The total row is what the page's "selected areas" cards show.
    const total = tableLines[2]!;
    expect(total[col('Địa bàn')]).toBe('Tổng các địa bàn đã chọn');
    const cards = await Promise.all(['total-4g', 'total-5g', 'total-required', 'total-needed', 'total-needed-all'].map((id) => page.getByTestId(id).textContent()));
    expect([total[col('4G')], total[col('5G')], total[col('Cần có')], total[col('Còn thiếu')], total[col('Để mọi địa bàn đều đạt')]].map(Number))
      .toEqual(cards.map(digits));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a station named with markup as plain text', async () => {
    const { page, problems } = await openPage(`/?map=16/${xssAt.lat}/${xssAt.lon}`);
    const at = await page.evaluate(({ lat, lon }) => (window as any).__planner.map.latLngToContainerPoint([lat, lon]), xssAt);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const popup = page.getByTestId('station-popup');
    await popup.waitFor();
    expect(await popup.locator('.card-title').textContent()).toBe(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
