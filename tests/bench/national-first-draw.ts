import { existsSync } from 'node:fs';
import { ensureClientBuilt } from '../../server/client-build.js';
import { CHROMIUM, launchChromium } from '../helpers/test-browser.js';

const say = (m: string) => process.stderr.write(`[bench national] ${m}\n`);

/** The slow link of issue 13: 10 Mbit/s down, 5 up, 100 ms latency, and a CPU 4× slower. */
const SLOW = { offline: false, latency: 100, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) };
const CPU_SLOWDOWN = 4;

/**
 * Time from navigation to the areas drawn on the map (`#map[data-areas-drawn]`), and the bytes
 * that crossed the wire until then (encoded: compressed when the server compresses), in
 * headless Chromium on the slow link. Tiles are refused: only the planner's own bytes count.
 */
export async function measureFirstDraw(origin: string): Promise<[string, string][]> {
  if (!existsSync(CHROMIUM)) return [['first draw in Chromium', `skipped: ${CHROMIUM} is absent`]];
  if (!(await ensureClientBuilt(say))) return [['first draw in Chromium', 'skipped: the client could not be built']];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.route(/tile\.openstreetmap\.org/, (r) => r.abort());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    await page.goto(origin);
    await page.waitForFunction(() => document.getElementById('map')?.dataset.areasDrawn, null, { polling: 200, timeout: 300_000 });
    const ms = await page.evaluate(() => performance.now());
    const drawn = await page.evaluate(() => document.getElementById('map')!.dataset.areasDrawn);
    await page.close();
    return [['first view drawn in Chromium, 10 Mbit/s, 100 ms, CPU ÷4 (target ≤ 1.5 s, ≤ 1 MB)', `${(ms / 1000).toFixed(1)} s, ${(bytes / 1048576).toFixed(2)} MiB, ${drawn} areas drawn`]];
  } finally {
    await browser.close();
  }
}
