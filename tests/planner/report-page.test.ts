import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, describeInBrowser, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

/** The printable report in a real Chromium against the real app with the demo data. */
const AS_OF = '2026-11-26';

describeInBrowser(`planner report page (${dbKind()})`, () => {
  let app: App;

  async function openReport(query: string): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await app.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${app.url}/report.html?${query}`);
    await page.waitForSelector('main[data-ready]', { timeout: 60_000 });
    return { page, problems };
  }

  beforeAll(async () => { app = await startApp({ demo: true }); });
  afterAll(async () => { await app?.close(); });

  it('shows one area: assumptions first, the map with numbered picks, the work list of the API', async () => {
    const { page, problems } = await openReport(`asOf=${AS_OF}&area=886`);
    expect(await page.getAttribute('main', 'data-ready')).toBe('true');
    const rec = (await getJson(`${app.url}/api/planner/recommendations?asOf=${AS_OF}&area=886`)).body;
    expect(await page.locator('h1').textContent()).toBe('Báo cáo triển khai 5G — An Phú (886)');
    expect(await page.locator('.first-page').textContent()).toContain('26/11/2026');
    expect(await page.locator('svg.map circle.pick').count()).toBe(rec.picks.length);
    expect(await page.locator('svg.map text.pick-label').first().textContent()).toBe('1');
    const rows = page.locator('section.worklist tbody tr');
    expect(await rows.count()).toBe(rec.picks.length);
    expect(await rows.first().textContent()).toContain(rec.picks[0].reason.vi);
    expect(problems).toEqual([]);
  });

  it('switches to English and hides the toolbar when printing', async () => {
    const { page, problems } = await openReport(`asOf=${AS_OF}`);
    await page.click('#lang');
    expect(await page.locator('h1').textContent()).toBe('5G rollout report — Whole boundary set');
    expect(page.url()).toContain('lang=en');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toolbar').isVisible()).toBe(false);
    expect(await page.locator('svg.chart polyline.ratio').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('shows the API\'s message for a bad parameter', async () => {
    const { page } = await openReport('target=abc');
    expect(await page.getAttribute('main', 'data-ready')).toBe('error');
    expect(await page.locator('.error').textContent()).toMatch(/target/);
  });
});
