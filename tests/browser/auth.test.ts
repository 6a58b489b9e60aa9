import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from '../../server/client-build.js';
import type { Database } from '../../server/db/database.js';
import { loadDemoData } from '../../server/demo/demo.service.js';
import { ensureTestUser, resetAuthTables, TEST_PASSWORD } from '../helpers/test-auth.js';
import { getTestDatabase, resetDatabase } from '../helpers/test-db.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { browserAvailability, launchChromium, watchPage } from './browser.js';

/** Signing in through the login page as an operator and as an inspector, and what each then sees. */
const availability = browserAvailability();
if (!availability.run) console.log(availability.reason);

const OPERATOR_NAME = '<b>Vận hành</b> Viettel';
const INSPECTOR_NAME = 'Thanh tra <img src=x onerror=alert(1)>';
const JURISDICTION = ['883', '884'];
let database: Database;
let server: TestServer;
let browser: Browser;

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  return { page, problems, close: () => context.close() };
}

async function signInThroughPage(page: Page, username: string) {
  await page.goto(`${server.url}/login.html?next=${encodeURIComponent('/')}`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(TEST_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${server.url}/`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 30_000 });
  await page.waitForSelector('[data-testid="account-menu"][data-role]');
}

const mapStations = (page: Page) =>
  page.evaluate(() => ((window as any).__planner.stations.data.points as { p: { operator: string; areaCode: string | null } }[]).map((x) => x.p));

describe.skipIf(!availability.run)('signing in, in Chromium', () => {
  beforeAll(async () => {
    expect(await ensureClientBuilt()).toBe(true);
    database = await getTestDatabase();
    await resetDatabase(database);
    await loadDemoData(database.db);
    await resetAuthTables(database.db);
    await ensureTestUser(database.db, 'bt-operator', { role: 'operator', operator: 'VIETTEL' });
    await ensureTestUser(database.db, 'bt-inspector', { role: 'inspector', jurisdiction: { areas: JURISDICTION } });
    await database.db.withTables<{ users: { username: string; display_name: string } }>().updateTable('users')
      .set((eb) => ({ display_name: eb.case().when('username', '=', 'bt-operator').then(OPERATOR_NAME).else(INSPECTOR_NAME).end() }))
      .where('username', 'in', ['bt-operator', 'bt-inspector']).execute();
    // Requests arrive exactly as the browser sends them: no test admin behind the scenes.
    server = await startTestServer(database, {}, { auth: 'none' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    expect(server?.errors ?? []).toEqual([]);
    await server?.close();
  });

  it('shows the login page in Vietnamese and English, and a clear error for a wrong password', async () => {
    const { page, problems, close } = await newPage();
    await page.goto(`${server.url}/login.html`);
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
    await page.getByTestId('auth-lang-en').click();
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByTestId('login-username').fill('bt-operator');
    await page.getByTestId('login-password').fill('wrong password!');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('auth-error').textContent()).toBe('Wrong username or password, or the account is disabled.'); // the page's half only (QA3 B24)
    expect(page.url()).toContain('/login.html');
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
    await close();
  });

  it('an operator sees their name as text, the upload link, and only their own stations', async () => {
    const { page, problems, close } = await newPage();
    await signInThroughPage(page, 'bt-operator');
    const menu = page.getByTestId('account-menu');
    expect(await menu.getAttribute('data-role')).toBe('operator');
    expect(await menu.getByTestId('account-name').textContent()).toBe(`${OPERATOR_NAME} · Nhà mạng`);
    expect(await page.locator('.account-menu b').count()).toBe(0);
    expect(await page.getByTestId('upload-link').isVisible()).toBe(true);
    const stations = await mapStations(page);
    expect(stations.length).toBeGreaterThan(0);
    expect(new Set(stations.map((s) => s.operator))).toEqual(new Set(['VIETTEL']));
    // The session cookie is HttpOnly: the page's scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('planner_session');
    expect(problems).toEqual([]);
    await close();
  });

  it('an inspector limited to two districts sees no upload link and no station outside them, on the map or in an export', async () => {
    const { page, problems, close } = await newPage();
    await signInThroughPage(page, 'bt-inspector');
    expect(await page.getByTestId('account-name').textContent()).toBe(`${INSPECTOR_NAME} · Thanh tra`);
    expect(await page.getByTestId('upload-link').isHidden()).toBe(true);
    const stations = await mapStations(page);
    expect(stations.length).toBeGreaterThan(0);
    expect(new Set(stations.map((s) => s.areaCode))).toEqual(new Set(JURISDICTION));
    const fromPage = await page.evaluate(async () => {
      const csv = await (await fetch('/api/stations?format=csv')).text();
      const outside = await fetch('/api/stations?area=886');
      return { areas: [...new Set(csv.trim().split('\n').slice(1).map((l) => { const c = l.split(','); return c[c.length - 3]; }))], outside: outside.status };
    });
    expect(new Set(fromPage.areas)).toEqual(new Set(JURISDICTION));
    expect(fromPage.outside).toBe(403);
    expect(problems.filter((p) => !/403/.test(p))).toEqual([]);
    await close();
  });

  it('signs out from the menu: the map is back to the public view with a sign-in link', async () => {
    const { page, close } = await newPage();
    await signInThroughPage(page, 'bt-inspector');
    await page.getByTestId('sign-out').click();
    await page.waitForSelector('[data-testid="sign-in-link"]', { timeout: 30_000 });
    expect(await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user)).toBeNull();
    expect(await page.getByTestId('upload-link').isHidden()).toBe(true);
    await close();
  });
});
