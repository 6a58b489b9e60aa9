import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, describeInBrowser, startApp } from '../helpers/app-fixture.js';

/**
 * The map page by keyboard, on a phone, signed out, and with a popup beside the pinned card
 * (QA3 B8, B12, B15, B18, B21), in a real Chromium against the real app with the demo data.
 */
let app: App; // requests without credentials go as the test admin
let anonymous: App; // requests arrive exactly as sent

async function openPage(on: App, path: string, viewport = { width: 1440, height: 900 }) {
  // en-US: Chromium's own date order would be mm/dd/yyyy, so the page's dd/mm/yyyy is its own doing.
  const { page, problems, close } = await on.newPage({ viewport, locale: 'en-US', requests: true });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('response', (r) => { if (r.status() >= 400 && !/tile\.openstreetmap/.test(r.url())) problems.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${on.url}${path}`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  return { page, problems, requests, close };
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return { testid: el?.dataset.testid ?? el?.tagName, value: el?.value ?? null };
});
const isoDaysBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describeInBrowser('map page: keyboard, phone, signed out, popups', () => {
  beforeAll(async () => {
    app = await startApp({ demo: true });
    anonymous = await startApp({ auth: 'none' });
  }, 180_000);
  afterAll(async () => {
    expect([...(app?.errors ?? []), ...(anonymous?.errors ?? [])]).toEqual([]);
    await app?.close();
    await anonymous?.close();
  });

  it('keeps the keyboard focus: Space ticks several districts in a row, arrows keep moving the date slider', async () => {
    const { page, problems, close } = await openPage(app, '/');
    await page.getByTestId('area-toggle').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.testid).toBe('area-option');
    await page.keyboard.press('Space');
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('area') === code, first.value);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-table"] tbody tr').length === 1);
    expect(await focused(page)).toEqual(first);
    await page.keyboard.press('Tab');
    const second = await focused(page);
    expect(second.testid).toBe('area-option');
    expect(second.value).not.toBe(first.value);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('area') ?? '').split(',').length === 2);
    expect(param(page, 'area')!.split(',')).toEqual([first.value, second.value]);
    expect(await focused(page)).toEqual(second);

    const today = await page.evaluate(() => (window as any).__planner.app.stats.asOf as string);
    await page.getByTestId('asof-slider').focus();
    for (const days of [1, 2, 3]) {
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((iso) => new URL(location.href).searchParams.get('asOf') === iso, isoDaysBefore(today, days));
      await page.waitForFunction((iso) => (window as any).__planner.app.stats.asOf === iso, isoDaysBefore(today, days));
      expect((await focused(page)).testid).toBe('asof-slider');
    }
    // Signed in, no change brings back the signed-out notice (QA4 N1: it came back on every render).
    // (Another notice, "loading", may show for a moment while the last date's figures arrive.)
    expect(await page.getByTestId('notice').getAttribute('data-key')).not.toBe('signInForStations');
    expect(await page.getByTestId('notice').textContent()).not.toMatch(/đã đăng nhập|signed-in account/);
    expect(problems).toEqual([]);
    await close();
  });

  it('writes the as-of date as the page does (dd/mm/yyyy), takes a typed one, refuses an impossible one', async () => {
    const { page, problems, close } = await openPage(app, '/?asOf=2025-03-18');
    const input = page.getByTestId('asof-input');
    expect(await input.inputValue()).toBe('18/03/2025');
    await input.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5/3/2025');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('asOf') === '2025-03-05');
    await page.waitForFunction(() => (document.querySelector('[data-testid="asof-input"]') as HTMLInputElement).value === '05/03/2025');
    expect((await focused(page)).testid).toBe('asof-input');
    expect(await page.getByTestId('legend-asof').textContent()).toBe('Số liệu đến 05/03/2025');

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('31/02/2025');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="asof-input"]')!.hasAttribute('aria-invalid'));
    expect(await page.getByTestId('asof-error').textContent()).toBe('Ngày không hợp lệ: hãy nhập theo dạng dd/mm/yyyy, ví dụ 18/03/2025.');
    expect(param(page, 'asOf')).toBe('2025-03-05');

    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('asof-input').inputValue()).toBe('05/03/2025');
    expect(await page.getByTestId('asof-slider').getAttribute('aria-valuetext')).toBe('05/03/2025');
    expect((await focused(page)).testid).toBe('lang-en');
    expect(problems).toEqual([]);
    await close();
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`fits a 390-px phone in ${lang}: no sideways scroll, every header control on screen, boxes folded`, async () => {
      const { page, problems, close } = await openPage(app, lang === 'en' ? '/?lang=en' : '/', { width: 390, height: 844 });
      await page.waitForSelector('[data-testid="account-menu"][data-role]');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      for (const id of ['lang-vi', 'lang-en', 'upload-link', 'account-name', 'sign-out', 'set-select', 'export-menu']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box, id).not.toBeNull();
        expect(box.x, id).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, id).toBeLessThanOrEqual(390);
      }
      // The header's background is behind all of its controls (white text stays on blue).
      const header = (await page.locator('.app-header').boundingBox())!;
      const signOut = (await page.getByTestId('sign-out').boundingBox())!;
      expect(signOut.y + signOut.height).toBeLessThanOrEqual(header.y + header.height);
      for (const id of ['legend', 'layers']) {
        expect(await page.getByTestId(id).evaluate((d) => (d as HTMLDetailsElement).open), id).toBe(false);
      }
      await page.getByTestId('layers-toggle').click();
      expect(await page.getByTestId('layer-5g').isVisible()).toBe(true);
      const table = (await page.getByTestId('area-table').boundingBox())!;
      expect(table.x + table.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await page.screenshot({ path: `test-output/screenshots/phone-${lang}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('signed out: no station requests, no errors, a sign-in link where the station layers and exports were', async () => {
    const { page, problems, requests, close } = await openPage(anonymous, '/?area=891');
    await page.waitForSelector('[data-testid="sign-in-link"]');
    expect(await page.getByTestId('notice').textContent()).toBe('Bản đồ trạm chỉ dành cho tài khoản đã đăng nhập; số liệu theo địa bàn vẫn hiển thị đầy đủ.');
    await page.getByTestId('export-menu').click();
    expect(await page.getByTestId('export-stations-csv').count()).toBe(0);
    expect(await page.getByTestId('export-stations-geojson').count()).toBe(0);
    const link = page.getByTestId('export-stations-sign-in');
    expect(await link.textContent()).toBe('Đăng nhập để tải danh sách trạm');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/login\\.html\\?next=${encodeURIComponent('/?area=891').replace(/[?%]/g, '\\$&')}`));
    expect(await page.getByTestId('layers-sign-in').textContent()).toBe('Đăng nhập để xem các trạm');
    expect(await page.getByTestId('layer-4g').count()).toBe(0);
    // The area table still downloads for visitors.
    const [table] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-areas-csv').click()]);
    expect(table.suggestedFilename()).toMatch(/^area-gap_.*891/);
    // Panning and zooming asks for no stations either.
    await page.evaluate(() => (window as any).__planner.map.setZoom(13, { animate: false }));
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('export-menu').click();
    expect(await page.getByTestId('export-stations-sign-in').textContent()).toBe('Sign in to download stations');
    expect(await page.getByTestId('notice').textContent()).toBe('Station layers need a signed-in account; the area figures are all shown.');
    expect(requests.filter((p) => p.startsWith('/api/stations') && p !== '/api/stations/facets')).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('opens a station popup clear of the pinned area card', async () => {
    const { page, problems, close } = await openPage(app, '/?area=891&sel=891');
    await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 30_000 });
    await page.getByTestId('area-card').waitFor();
    // Bring a station just under the card: a popup opened upwards from it would run into the card.
    const station = await page.evaluate(() => {
      const P = (window as any).__planner;
      const card = document.querySelector('.area-card')!.getBoundingClientRect();
      const map = document.getElementById('map')!.getBoundingClientRect();
      const s = P.stations.data.points.find((p: any) => p.p.technology === '5G') ?? P.stations.data.points[0];
      const at = P.map.latLngToContainerPoint([s.lat, s.lon]);
      P.map.panBy([at.x - (card.left - map.left + 140), at.y - (card.bottom - map.top + 40)], { animate: false });
      return { lat: s.lat, lon: s.lon, code: s.p.code };
    });
    const at = await page.evaluate(({ lat, lon }) => (window as any).__planner.map.latLngToContainerPoint([lat, lon]), station);
    const map = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(map.x + at.x, map.y + at.y);
    await page.getByTestId('station-popup').waitFor();
    const boxes = await page.evaluate(() => {
      const r = (el: Element) => { const b = el.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; };
      return { popup: r(document.querySelector('.leaflet-popup')!), card: r(document.querySelector('.area-card')!), map: r(document.getElementById('map')!),
        cardShown: getComputedStyle(document.querySelector('.card-host')!).visibility === 'visible' };
    });
    const { popup, card } = boxes;
    const apart = popup.left >= card.right || popup.right <= card.left || popup.top >= card.bottom || popup.bottom <= card.top;
    expect(apart, JSON.stringify(boxes)).toBe(true);
    expect(boxes.cardShown).toBe(true);
    expect(popup.top).toBeGreaterThanOrEqual(boxes.map.top);
    expect(popup.right).toBeLessThanOrEqual(boxes.map.right);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the popup clear when the card is drawn after it (the click selects the station\'s area too; QA4 B12)', async () => {
    const { page, problems, close } = await openPage(app, '/?area=891&operator=VNPT');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-table"] tbody tr').length === 1);
    // Zoomed in on a station of the area, placed where the card's lower right corner will be.
    const station = await page.evaluate(() => {
      const P = (window as any).__planner;
      return new Promise<{ lat: number; lon: number }>((resolve) => {
        const pick = () => {
          const s = P.stations.data?.points?.[0];
          if (!s) return void setTimeout(pick, 50);
          resolve({ lat: s.lat, lon: s.lon });
        };
        pick();
      });
    });
    await page.evaluate(({ lat, lon }) => (window as any).__planner.map.setView([lat, lon], 15, { animate: false }), station);
    await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 30_000 });
    await page.evaluate(({ lat, lon }) => {
      const P = (window as any).__planner;
      const at = P.map.latLngToContainerPoint([lat, lon]);
      P.map.panBy([at.x - 300, at.y - 330], { animate: false });
    }, station);
    const at = await page.evaluate(({ lat, lon }) => (window as any).__planner.map.latLngToContainerPoint([lat, lon]), station);
    const map = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(map.x + at.x, map.y + at.y);
    await page.getByTestId('station-popup').waitFor();
    // The card of the area the click selected, with its operators, drawn after the popup.
    await page.waitForFunction(() => document.querySelector('.area-card') !== null && !document.querySelector('.area-card')!.textContent!.includes('…'));
    const apart = await page.waitForFunction(() => {
      const a = document.querySelector('.leaflet-popup')?.getBoundingClientRect(), b = document.querySelector('.area-card')?.getBoundingClientRect();
      if (!a || !b) return false;
      const host = document.querySelector('.card-host');
      const hidden = host && getComputedStyle(host).visibility !== 'visible';
      return hidden || a.left >= b.right || a.right <= b.left || a.top >= b.bottom || a.bottom <= b.top;
    }, null, { timeout: 5_000 }).then(() => true, () => false);
    expect(apart).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});
