import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, describeInBrowser, startApp, watchPage } from '../helpers/app-fixture.js';

/** One language for the whole app: chosen on any page, every page starts in it; a ?lang= link still wins. */
let app: App;

const MAP_TITLE = { en: '5G rollout tracker', vi: 'Theo dõi triển khai 5G' } as const;
const UPLOAD_TITLE = { en: 'Upload a station list', vi: 'Tải danh sách trạm' } as const;

describeInBrowser('the language choice across pages in Chromium', () => {
  beforeAll(async () => {
    app = await startApp({ demo: true }); // requests without credentials act as the test admin
  });
  afterAll(async () => {
    expect(app?.errors ?? []).toEqual([]);
    await app?.close();
  });

  /** Opens a page in `context`; what goes wrong on it lands in `problems`. */
  async function open(context: BrowserContext, path: string, problems: string[][]): Promise<Page> {
    const page = await context.newPage();
    problems.push(watchPage(page));
    await page.goto(`${app.url}${path}`);
    return page;
  }
  /** The map, upload and sign-in pages mark <body> once drawn. */
  const ready = (page: Page) => page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('English on the map → the upload page starts in English; Vietnamese there → the map starts in Vietnamese', async () => {
    const context = await app.newContext({ viewport: { width: 1360, height: 900 } });
    const problems: string[][] = [];
    const map = await open(context, '/', problems);
    await ready(map);
    expect(await map.getByTestId('title').textContent()).toBe(MAP_TITLE.vi);
    await map.getByTestId('lang-en').click();
    await map.waitForFunction(() => document.documentElement.lang === 'en');

    const upload = await open(context, '/upload.html', problems);
    await ready(upload);
    expect(await upload.locator('h1').textContent()).toBe(UPLOAD_TITLE.en);
    expect(await htmlLang(upload)).toBe('en');

    await upload.getByTestId('lang-vi').click();
    expect(await upload.locator('h1').textContent()).toBe(UPLOAD_TITLE.vi);
    // The map tab, open all along with ?lang=en in its URL, follows; so a reload keeps Vietnamese.
    await map.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(new URL(map.url()).searchParams.get('lang')).toBeNull();
    await map.reload();
    await ready(map);
    expect(await map.getByTestId('title').textContent()).toBe(MAP_TITLE.vi);

    const fresh = await open(context, '/', problems);
    await ready(fresh);
    expect(await fresh.getByTestId('title').textContent()).toBe(MAP_TITLE.vi);
    await context.close();
    expect(problems.flat()).toEqual([]);
  });

  it('the sign-in and report pages start in the choice and keep a switch made there; a ?lang= link wins and becomes the choice', async () => {
    const context = await app.newContext({ viewport: { width: 1360, height: 900 } });
    const problems: string[][] = [];
    const login = await open(context, '/login.html', problems);
    await ready(login);
    expect(await htmlLang(login)).toBe('vi');
    await login.getByTestId('auth-lang-en').click();
    expect(await htmlLang(login)).toBe('en');

    const report = await open(context, '/report.html', problems);
    await report.waitForSelector('#report[data-ready="true"]', { timeout: 30_000 });
    expect(await htmlLang(report)).toBe('en');
    await report.locator('#lang').click();
    expect(await htmlLang(report)).toBe('vi');

    const upload = await open(context, '/upload.html', problems);
    await ready(upload);
    expect(await upload.locator('h1').textContent()).toBe(UPLOAD_TITLE.vi);

    // A shared link in English opens in English, and the pages opened after it follow.
    const shared = await open(context, '/?lang=en', problems);
    await ready(shared);
    expect(await shared.getByTestId('title').textContent()).toBe(MAP_TITLE.en);
    const next = await open(context, '/upload.html', problems);
    await ready(next);
    expect(await next.locator('h1').textContent()).toBe(UPLOAD_TITLE.en);
    await context.close();
    expect(problems.flat()).toEqual([]);
  });
});
