import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser tests run here: skipped with a printed reason when Chromium is absent,
 * unless REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
export function browserAvailability(): { run: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { run: true, reason: '' };
  if (process.env.REQUIRE_BROWSER === '1') return { run: true, reason: '' };
  return { run: false, reason: `browser tests skipped: ${CHROMIUM} is absent (set REQUIRE_BROWSER=1 to make this a failure)` };
}

let shared: Promise<Browser> | undefined;

/**
 * The run's one Chromium: launched on first use and kept for every later file (they run one
 * after another in one process), launched again if it went away. A launch costs about a second
 * and a cold renderer more; contexts keep the files apart. Playwright closes it when the
 * process exits.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchChromium().then((browser) => {
    browser.once('disconnected', () => { shared = undefined; });
    return browser;
  }, (err) => { shared = undefined; throw err; });
  return shared;
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is absent`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Collects what must not happen on a page: script errors, dialogs (an XSS payload would open
 * one), console errors other than failed resource loads (tiles cannot load offline; a CSP
 * violation is a console error, so it counts), and, with
 * `requests`, failed requests other than tiles and aborts (a newer view replaced them).
 */
export function watchPage(page: Page, options: { requests?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`); });
  if (options.requests) {
    page.on('requestfailed', (r) => {
      if (/tile\.openstreetmap\.org/.test(r.url()) || r.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
  }
  return problems;
}
