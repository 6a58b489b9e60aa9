import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is absent`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
