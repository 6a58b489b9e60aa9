import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { loadDemoData } from '../../server/demo/demo.service.js';
import { generateNationalData } from '../../seeds/national-data.js';
import { testAdminToken } from '../helpers/test-auth.js';
import { openBenchDatabase } from './bench-database.js';

export type BenchRow = [string, string];
const say = (m: string) => process.stderr.write(`[bench] ${m}\n`);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

let authorization: string | undefined;

async function timeGet(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url, authorization ? { headers: { authorization } } : {});
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t, bytes: body.byteLength, status: res.status };
}

async function series(label: string, urls: string[], rows: BenchRow[]) {
  const times: number[] = [];
  for (const [i, u] of urls.entries()) {
    const r = await timeGet(u);
    if (r.status !== 200) throw new Error(`${u} answered ${r.status}`);
    times.push(r.ms);
    if ((i + 1) % 50 === 0) say(`${label}: ${i + 1}/${urls.length}`);
  }
  rows.push([`${label} p50 / p95 (${urls.length} requests)`, `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`]);
}

/**
 * OGC API – Features station pages followed by their next links, as GDAL and QGIS read them:
 * keyset paging should keep the 100th page as fast as the second, and numberMatched is
 * counted once per data version (the first page pays for it).
 */
async function ogcStationPages(first: string, pages: number, rows: BenchRow[]) {
  const times: number[] = [];
  let url: string | undefined = first;
  while (url && times.length < pages) {
    const t = performance.now();
    const res = await fetch(url, authorization ? { headers: { authorization } } : {});
    const page = (await res.json()) as { links: { rel: string; href: string }[] };
    times.push(performance.now() - t);
    url = page.links.find((l) => l.rel === 'next')?.href;
  }
  const later = times.slice(1);
  rows.push(['/ogc stations items, first page of 1,000 (numberMatched counted)', ms(times[0]!)]);
  rows.push([`/ogc stations items, next ${later.length} pages p50 / p95 / last`, `${ms(pct(later, 50))} / ${ms(pct(later, 95))} / ${ms(later[later.length - 1]!)}`]);
}

/** The planning core at national scale: load, /api/stats, /api/areas, a bbox station query. */
export async function runServerBench(sizes = { areas: 700, n4g: 150_000, n5g: 75_000 }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  say(`generating ${sizes.areas} areas, ${sizes.n4g} 4G and ${sizes.n5g} 5G stations…`);
  const data = generateNationalData(sizes);
  const database = await openBenchDatabase();
  rows.push(['database', database.kind === 'postgres' ? 'PostgreSQL + PostGIS (DATABASE_URL)' : 'embedded PGlite + PostGIS (in memory)']);
  try {
    await migrate(database.db);
    say('loading (one transaction: stations, areas, spatial assignment)…');
    let t = performance.now();
    await loadDemoData(database.db, data);
    rows.push([`load ${data.stations.length} stations + ${data.areas.length} areas`, `${((performance.now() - t) / 1000).toFixed(1)} s`]);

    authorization = `Bearer ${await testAdminToken(database.db)}`; // station-level data needs a role
    const app = createApp({ config: loadConfig({ SEED_DEMO: 'false', PGLITE_DATA_DIR: 'memory://' }), database });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    try {
      const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
      await series('/api/stats, a new as-of date each (uncached)', Array.from({ length: 100 }, (_, i) => `${base}/stats?asOf=${day(i)}`), rows);
      await series('/api/stats, one operator, new dates (uncached)', Array.from({ length: 50 }, (_, i) => `${base}/stats?asOf=${day(i)}&operator=VNPT`), rows);
      await series('/api/stats, repeated view (cached on data version)', Array.from({ length: 200 }, () => `${base}/stats?asOf=2026-06-01`), rows);
      const first = await timeGet(`${base}/areas?asOf=2026-06-01`);
      rows.push(['/api/areas first request (geometry + figures)', `${ms(first.ms)}, ${(first.bytes / 1024).toFixed(0)} KiB`]);
      await series('/api/areas, new as-of dates (geometry cached)', Array.from({ length: 20 }, (_, i) => `${base}/areas?asOf=${day(i)}`), rows);
      const bboxes = Array.from({ length: 50 }, (_, i) => { const x = 103 + (i % 10) * 0.6, y = 10 + Math.floor(i / 10) * 2; return `${x},${y},${x + 0.5},${y + 0.5}`; });
      await series('/api/stations?bbox (0.5° box, ≤ 5000 stations)', bboxes.map((b) => `${base}/stations?bbox=${b}&limit=5000`), rows);
      await ogcStationPages(`${base.replace(/\/api$/, '/ogc')}/collections/stations/items?limit=1000`, 100, rows);
      t = performance.now();
      const csv = await timeGet(`${base}/stations?format=csv&technology=5G`);
      rows.push(['/api/stations?format=csv, all 5G', `${(csv.ms / 1000).toFixed(1)} s, ${(csv.bytes / 1048576).toFixed(1)} MiB`]);
    } finally {
      server.close();
    }
  } finally {
    await database.close();
  }
  return rows;
}
