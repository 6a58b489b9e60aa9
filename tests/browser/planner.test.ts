import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bandColour, progressBand } from '../../geo/colour-scale.js';
import { type App, describeInBrowser, getJson, startApp } from '../helpers/app-fixture.js';

/** The planner tab and layers of the map client in a real Chromium, against the real app with the demo data. */
let app: App;
let anonymous: App;

async function openPage(on: App, path: string) {
  const { page, problems } = await on.newPage();
  await page.goto(`${on.url}${path}`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  return { page, problems };
}

const planLoaded = (page: Page) => page.waitForSelector('[data-testid="plan-panel"][data-loaded="1"]', { timeout: 60_000 });
const mapData = (page: Page) => page.evaluate(() => ({ ...document.getElementById('map')!.dataset }));

describeInBrowser('planner in the map client (Chromium)', () => {
  beforeAll(async () => {
    app = await startApp({ demo: true });
    anonymous = await startApp({ auth: 'none' });
  }, 180_000);
  afterAll(async () => { await app?.close(); await anonymous?.close(); });

  it('work list: one row per pick of the API, numbered markers match, a row zooms to its pick', async () => {
    const { page, problems } = await openPage(app, '/?plan=1&picks=1');
    await planLoaded(page);
    const api = (await getJson(`${app.url}/api/planner/recommendations`)).body;
    expect(api.picks.length).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="plan-worklist"] tbody tr');
    expect(await rows.count()).toBe(api.picks.length);
    expect(Number((await mapData(page)).picks)).toBe(api.picks.length);
    expect(await page.locator('.plan-pick-icon').count()).toBe(api.picks.length);
    const first = api.picks[0];
    expect(await rows.first().getAttribute('data-code')).toBe(first.code);
    expect(await rows.first().locator('td').last().textContent()).toBe(first.reason.vi);
    const markerRanks = await page.locator(`.plan-pick-icon[data-code="${first.code}"]`).first().textContent();
    expect(markerRanks).toBe(String(first.rank));
    const small = () => page.evaluate(() => document.getElementById('map')!.classList.contains('plan-picks-small'));
    expect(await small()).toBe(api.picks.length > 150); // the whole set: dots, numbers from zoom 12
    await rows.first().click();
    await page.waitForFunction(([lat, lon]) => {
      const m = (window as any).__planner.map;
      const c = m.getCenter();
      return m.getZoom() >= 14 && Math.abs(c.lat - lat) < 1e-3 && Math.abs(c.lng - lon) < 1e-3;
    }, [first.lat, first.lon], { timeout: 10_000 });
    expect(await page.locator('.plan-pick.is-focus').count()).toBe(1);
    // getZoom() reaches 14 when the zoom animation starts; the numbers come back at its zoomend.
    await page.waitForFunction(() => !document.getElementById('map')!.classList.contains('plan-picks-small'), null, { timeout: 10_000 }).catch(() => {});
    expect(await small()).toBe(false);
    // Downloads point at the API's work lists for the same scope.
    expect(await page.getByTestId('plan-csv').getAttribute('href')).toBe('/api/planner/recommendations?format=csv');
    expect(await page.getByTestId('plan-xlsx').getAttribute('href')).toBe('/api/planner/recommendations?format=xlsx');
    // English: the reasons switch language.
    await page.getByTestId('lang-en').click();
    await page.waitForFunction((why) => document.querySelector('[data-testid="plan-worklist"] tbody tr td:last-child')?.textContent === why, first.reason.en);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('one area: the work list narrows to the API\'s picks for it', async () => {
    const api = (await getJson(`${app.url}/api/planner/recommendations`)).body;
    const area = api.areas.find((a: { picks: number }) => a.picks > 0).code;
    const scoped = (await getJson(`${app.url}/api/planner/recommendations?area=${encodeURIComponent(area)}`)).body;
    const { page, problems } = await openPage(app, `/?plan=1&picks=1&sel=${encodeURIComponent(area)}`);
    await planLoaded(page);
    expect(await page.locator('[data-testid="plan-worklist"] tbody tr').count()).toBe(scoped.picks.length);
    expect(await page.locator('.plan-pick-icon').count()).toBe(scoped.picks.length);
    expect(scoped.picks.length).toBeLessThan(api.picks.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('coverage layer: toggling adds and removes the modelled fill, labelled with the radii', async () => {
    const { page, problems } = await openPage(app, '/?plan=1&picks=1');
    await planLoaded(page);
    expect(await page.locator('path.plan-coverage').count()).toBe(0);
    await page.getByTestId('layer-cov').check();
    await page.waitForFunction(() => document.querySelectorAll('path.plan-coverage').length > 0, null, { timeout: 60_000 });
    const cov = (await getJson(`${app.url}/api/planner/coverage`)).body;
    expect(Number((await mapData(page)).coverage)).toBe(cov.coverage.features.length);
    expect(page.url()).toContain('cov=1');
    const r = cov.radiiKm['5G'];
    expect(await page.getByTestId('plan-radii').textContent()).toContain(`${r.urban} / ${r.suburban} / ${r.rural}`);
    expect(await page.getByTestId('plan-layers').textContent()).toContain('mô hình');
    expect(await page.getByTestId('plan-coverage').textContent()).toContain('mô hình');
    expect(await page.locator('[data-testid="plan-coverage"] tbody tr').count()).toBe(cov.areas.length);
    await page.screenshot({ path: 'test-output/screenshots/planner.png' });
    await page.getByTestId('layer-cov').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('path.plan-coverage').length === 0);
    expect(page.url()).not.toContain('cov=1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('timeline: the chart has the milestones and the target, the pace and status of the API', async () => {
    const { page, problems } = await openPage(app, '/?plan=1');
    await planLoaded(page);
    const tl = (await getJson(`${app.url}/api/planner/timeline`)).body;
    const box = page.getByTestId('plan-timeline');
    expect(await box.locator('path.milestone').count()).toBe(tl.milestones.length);
    expect(tl.milestones.length).toBeGreaterThan(0);
    expect(await box.locator('line.target').count()).toBe(1);
    expect(await box.locator('polyline.ratio').count()).toBe(1);
    expect(await page.getByTestId('plan-status').getAttribute('data-status')).toBe(tl.pace.status);
    const ops = page.locator('[data-testid="plan-operators"] tbody tr');
    expect(await ops.count()).toBe(tl.operators.length);
    for (const [i, o] of tl.operators.entries()) {
      expect(await ops.nth(i).getAttribute('data-operator')).toBe(o.operator);
      expect(await ops.nth(i).locator('[data-status]').getAttribute('data-status')).toBe(o.status);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('what-if changes the figures without saving; a saved scenario reopens', async () => {
    const { page, problems } = await openPage(app, '/?plan=1');
    await planLoaded(page);
    const scenariosBefore = (await getJson(`${app.url}/api/planner/scenarios`)).body.scenarios.length;
    await page.getByTestId('whatif-operator').selectOption('VIETTEL');
    await page.getByTestId('whatif-topn').fill('2');
    await page.getByTestId('whatif-run').click();
    await page.waitForSelector('[data-testid="whatif-result"]', { timeout: 60_000 });
    const res = await fetch(`${app.url}/api/planner/what-if`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upgrades: [{ operator: 'VIETTEL', topN: 2 }] }) });
    const api = await res.json();
    expect(api.totals.after.n5g).toBeGreaterThan(api.totals.before.n5g);
    const applied = api.upgrades[0].applied;
    expect(await page.getByTestId('whatif-applied').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(applied));
    expect(await page.getByTestId('whatif-after-colNeeded').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(api.totals.after.needed));
    expect((await getJson(`${app.url}/api/planner/scenarios`)).body.scenarios.length).toBe(scenariosBefore); // a trial saves nothing
    // The map and the table show the trial: the figures the map colours by now hold the upgrades.
    const shown = await page.evaluate(() => {
      const f = (window as unknown as { __planner: { app: { figures(): { totals: { n5g: number; needed: number }; rows: { code: string; n5g: number }[] } } } }).__planner.app.figures();
      return { totals: f.totals, rows: f.rows.map((r) => [r.code, r.n5g] as const) };
    });
    expect(shown.totals.n5g).toBe(api.totals.after.n5g);
    expect(shown.totals.needed).toBe(api.totals.after.needed);
    for (const a of api.areas as { code: string; after: { n5g: number } }[]) expect(shown.rows.find(([c]) => c === a.code)?.[1]).toBe(a.after.n5g);
    expect(await page.getByTestId('notice').textContent()).toMatch(/chưa lưu.*VIETTEL/);
    // The map colours and the area card show the trial as well, from the same answer (no sum in the page).
    type After = { code: string; added: number; after: { n4g: number; n5g: number; needed: number }; operators: { operator: string; n5g: number }[] };
    const up = (api.areas as After[]).find((a) => a.added > 0)!;
    const fill = await page.evaluate((code) => (window as any).__planner.areas.shapes().find((s: { code: string }) => s.code === code).fill, up.code);
    expect(fill).toBe(bandColour(progressBand(up.after.n4g, up.after.n5g, api.target.bp)));
    await page.evaluate((code) => (window as any).__planner.app.selectArea(code, false), up.code);
    await page.waitForSelector('[data-testid="card-operators"]');
    const fmt = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
    expect(await page.getByTestId('area-card').locator('dd').nth(1).textContent()).toBe(fmt(up.after.n5g));
    expect(await page.getByTestId('area-card').locator('dd').nth(4).textContent()).toBe(fmt(up.after.needed));
    const viettel = up.operators.findIndex((o) => o.operator === 'VIETTEL');
    expect(await page.locator('[data-testid="card-operators"] tbody tr').nth(viettel).locator('td').nth(1).textContent()).toBe(fmt(up.operators[viettel]!.n5g));
    await page.getByTestId('plan-whatif').screenshot({ path: 'test-output/screenshots/planner-whatif.png' });
    const name = `Viettel nâng cấp 2 trạm ${Date.now()}`.normalize('NFD');
    await page.getByTestId('scenario-name').fill(name);
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid="whatif-message"].is-info');
    const saved = (await getJson(`${app.url}/api/planner/scenarios`)).body.scenarios.find((s: { name: string }) => s.name === name.normalize('NFC'));
    expect(saved).toBeTruthy();
    await page.close();

    const again = await openPage(app, '/?plan=1');
    await planLoaded(again.page);
    await again.page.waitForSelector(`[data-testid="scenario-open-${saved.id}"]`);
    await again.page.getByTestId(`scenario-open-${saved.id}`).click();
    await again.page.waitForSelector('[data-testid="whatif-scenario"]');
    expect(await again.page.getByTestId('whatif-scenario').textContent()).toContain(name.normalize('NFC'));
    expect(await again.page.getByTestId('whatif-applied').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(applied));
    expect(await again.page.getByTestId('whatif-topn').inputValue()).toBe('2');
    expect([...problems, ...again.problems]).toEqual([]);
    await again.page.close();
  });

  it('signed out: a clear message instead of the work list and the what-if, and no error', async () => {
    const { page, problems } = await openPage(anonymous, '/?plan=1&picks=1');
    await planLoaded(page);
    expect(await page.getByTestId('plan-refused').textContent()).toBe('Kế hoạch nâng cấp chỉ dành cho tài khoản đã đăng nhập.');
    expect(await page.locator('[data-testid="plan-timeline"] path.milestone').count()).toBeGreaterThan(0);
    await page.getByTestId('whatif-run').click();
    await page.waitForSelector('[data-testid="whatif-message"].is-refused');
    expect(await page.getByTestId('whatif-message').textContent()).toContain('lập kế hoạch hoặc quản trị');
    expect(problems).toEqual([]);
    await page.close();
  });
});

mkdirSync('test-output/screenshots', { recursive: true });
