import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt } from '../../server/client-build.js';
import type { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { loadDemoData } from '../../server/demo/demo.service.js';
import { generateNationalData } from '../../seeds/national-data.js';
import { launchChromium } from '../helpers/test-browser.js';
import { startApp } from '../helpers/app-fixture.js';
import { openBenchDatabase } from './bench-database.js';

const say = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const DIST = fileURLToPath(new URL('../../dist/client/', import.meta.url));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** Gzipped size of what index.html loads first, and of every built asset. */
function bundleSizes(): Record<string, string> {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gz = (f: string) => gzipSync(readFileSync(`${DIST}${f}`), { level: 9 }).length;
  const all = readdirSync(`${DIST}assets`).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
  const js = first.filter((f) => f.endsWith('.js')).reduce((t, f) => t + gz(f), 0);
  const css = first.filter((f) => f.endsWith('.css')).reduce((t, f) => t + gz(f), 0);
  return {
    'client first load, gzipped JS + CSS (target < 250 KiB)': `${kb(js + css)} (JS ${kb(js)}, CSS ${kb(css)})`,
    'client all built JS + CSS, gzipped': kb(all.reduce((t, f) => t + gz(f), 0)),
  };
}

/** The app as the tests run it: the test admin's token on every request (stations need a role). */
async function serve(database: Database): Promise<{ url: string; server: { close(): Promise<void> } }> {
  const app = await startApp({ database });
  return { url: app.url, server: app };
}

/** Milliseconds from navigation start to the area shapes being on the map. */
async function timeToAreas(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route(/tile\.openstreetmap\.org/, (r) => r.abort());
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('map')?.dataset.areasDrawn, null, { polling: 'raf', timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.close();
  return ms;
}

/**
 * Frame times while the map is dragged (the pan a drag does: raw pan + move, moveend at the
 * end), and the renderer process' CPU time per frame (Chrome's Performance domain): frame
 * times on a shared machine wait for other processes, the CPU time does not.
 */
async function panFrames(page: Page, frames: number): Promise<{ times: number[]; cpu: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpuTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;
  const before = await cpuTime();
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  const times = (await page.evaluate(`new Promise((resolve) => {
    const map = window.__planner.map;
    const times = [];
    let last = performance.now();
    let i = 0;
    const step = (now) => {
      times.push(now - last);
      last = now;
      const dx = i % 120 < 60 ? 6 : -6;
      map._rawPanBy([dx, 3 * Math.sign(dx)]);
      map.fire('move');
      if (++i < ${frames}) requestAnimationFrame(step);
      else { map.fire('moveend'); resolve(times.slice(2)); }
    };
    requestAnimationFrame(step);
  })`)) as number[];
  const cpu = ((await cpuTime()) - before) * 1000 / frames;
  await cdp.detach();
  return { times, cpu };
}

const frameRow = ({ times: f, cpu }: { times: number[]; cpu: number }) =>
  `${pct(f, 50).toFixed(1)} / ${pct(f, 95).toFixed(1)} / ${Math.max(...f).toFixed(1)} ms; renderer CPU ${cpu.toFixed(1)} ms/frame`;

async function nationalFigures(browser: Browser, url: string, rows: Record<string, string | number>) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route(/tile\.openstreetmap\.org/, (r) => r.abort());
  const t = Date.now();
  await page.goto(`${url}/?map=6/16.0/105.8`);
  await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'grid', null, { timeout: 120_000 });
  rows['250k: time to first station cells drawn (zoom 6, whole country)'] = `${Date.now() - t} ms`;
  const drawn = await page.evaluate(() => document.getElementById('map')!.dataset);
  rows['250k: stations counted in cells on screen'] = `${Number(drawn.markers4g) + Number(drawn.markers5g)}`;
  rows['250k: frame time panning, zoom 6 cells, p50 / p95 / max'] = frameRow(await panFrames(page, 240));
  await page.evaluate(() => { (window as any).__planner.map.setView([21.0, 105.8], 12, { animate: false }); });
  await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 120_000 }).catch(() => {});
  const kind = await page.evaluate(() => document.getElementById('map')!.dataset);
  rows[`250k: frame time panning, zoom 12 ${kind.stationsKind} (${Number(kind.markers4g) + Number(kind.markers5g)} drawn), p50 / p95 / max`] =
    frameRow(await panFrames(page, 240));
  await page.close();
}

/** Client figures in headless Chromium; called by run-bench.ts (`npm run bench -- client`). */
export async function runClientBench(): Promise<Record<string, string | number>> {
  if (!(await ensureClientBuilt(say))) throw new Error('the client could not be built');
  const rows: Record<string, string | number> = { ...bundleSizes() };
  const browser = await launchChromium();
  try {
    let database = await openBenchDatabase();
    try {
      await migrate(database.db);
      await loadDemoData(database.db);
      const { url, server } = await serve(database);
      const times = [];
      for (let i = 0; i < 5; i++) times.push(await timeToAreas(browser, url));
      rows['demo: time to first areas drawn, cold / median of 5'] = `${times[0]!.toFixed(0)} / ${pct(times, 50).toFixed(0)} ms`;
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.route(/tile\.openstreetmap\.org/, (r) => r.abort());
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('map')?.dataset.stationsKind === 'points', null, { timeout: 60_000 });
      rows['demo: frame time panning, p50 / p95 / max'] = frameRow(await panFrames(page, 240));
      await page.close();
      await server.close();
    } finally {
      await database.close();
    }
    say('loading 250,000 stations into a scratch database (a few minutes on PGlite)…');
    database = await openBenchDatabase();
    try {
      await migrate(database.db);
      const t = Date.now();
      await loadDemoData(database.db, generateNationalData({ areas: 700, n4g: 170_000, n5g: 80_000 }));
      say(`250,000 stations loaded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      const { url, server } = await serve(database);
      await nationalFigures(browser, url, rows);
      await server.close();
    } finally {
      await database.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
