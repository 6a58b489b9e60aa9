import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, describeInBrowser, startApp } from '../helpers/app-fixture.js';

/** Signing in through the login page as an operator and as an inspector, and what each then sees. */
const OPERATOR_NAME = '<b>Vận hành</b> Viettel';
const INSPECTOR_NAME = 'Thanh tra <img src=x onerror=alert(1)>';
const JURISDICTION = ['883', '884'];
const OPERATOR = { role: 'operator', username: 'bt-operator', operator: 'VIETTEL', name: OPERATOR_NAME } as const;
const INSPECTOR = { role: 'inspector', username: 'bt-inspector', areas: JURISDICTION, name: INSPECTOR_NAME } as const;
let app: App;

/** Signs in through the login page, then waits for the map with its stations and the account menu. */
async function signInThroughPage(page: Page, who: typeof OPERATOR | typeof INSPECTOR) {
  await app.signIn(page, who.role, { ...who, next: '/' });
  await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 30_000 });
  await page.waitForSelector('[data-testid="account-menu"][data-role]');
}

const mapStations = (page: Page) =>
  page.evaluate(() => ((window as any).__planner.stations.data.points as { p: { operator: string; areaCode: string | null } }[]).map((x) => x.p));

describeInBrowser('signing in, in Chromium', () => {
  beforeAll(async () => {
    // Requests arrive exactly as the browser sends them: no test admin behind the scenes.
    app = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    await app.account(OPERATOR.role, OPERATOR);
    await app.account(INSPECTOR.role, INSPECTOR);
  });
  afterAll(async () => {
    expect(app?.errors ?? []).toEqual([]);
    await app?.close();
  });

  it('shows the login page in Vietnamese and English, and a clear error for a wrong password', async () => {
    const { page, problems, close } = await app.newPage();
    await page.goto(`${app.url}/login.html`);
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
    const { page, problems, close } = await app.newPage();
    await signInThroughPage(page, OPERATOR);
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
    const { page, problems, close } = await app.newPage();
    await signInThroughPage(page, INSPECTOR);
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
    const { page, close } = await app.newPage();
    await signInThroughPage(page, INSPECTOR);
    await page.getByTestId('sign-out').click();
    await page.waitForSelector('[data-testid="sign-in-link"]', { timeout: 30_000 });
    expect(await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user)).toBeNull();
    expect(await page.getByTestId('upload-link').isHidden()).toBe(true);
    await close();
  });
});
