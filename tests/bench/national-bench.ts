import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { analyzeTables } from '../../server/db/maintenance.js';
import { migrate } from '../../server/db/migrate.js';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import { commitUpload } from '../../server/uploads/upload-commit.service.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { encodeCursor } from '../../server/stations/stations.schemas.js';
import { createRandom } from '../../seeds/random.js';
import { startApp } from '../helpers/app-fixture.js';
import { openBenchDatabase } from './bench-database.js';
import { measureFirstDraw } from './national-first-draw.js';

/*
 * npm run bench -- national: the real 2025 map (../shared/data/vietnam-2025, never in the
 * repository), ~130,000 4G and ~39,000 5G stations generated inside the real communes and
 * uploaded through the real upload path, then the read API timed over HTTP. On the embedded
 * database and, with DATABASE_URL, on a real PostGIS (NATIONAL_BENCH_DB=pglite|postgres: one).
 * Each step is a function of the context below: the parent level, the drill-down views and
 * compression add their lines by adding a step.
 */
const DIR = fileURLToPath(new URL('../../../shared/data/vietnam-2025/', import.meta.url));
const say = (m: string) => process.stderr.write(`[bench national] ${m}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const msf = (ms: number) => `${ms.toFixed(0)} ms`;
const kib = (b: number) => (b >= 1048576 ? `${(b / 1048576).toFixed(2)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export interface NationalContext { database: Database; base: string; setId: number; rss: RssWatch }
export type NationalStep = (ctx: NationalContext) => Promise<[string, string][]>;

/** Peak resident memory of this process (server and bench client together) while a step runs. */
export class RssWatch {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;
  start() { this.peak = process.memoryUsage.rss(); this.timer = setInterval(() => { this.peak = Math.max(this.peak, process.memoryUsage.rss()); }, 20); }
  stop(): number { clearInterval(this.timer); return Math.max(this.peak, process.memoryUsage.rss()); }
}

/** GET, reading the body as it comes (never held whole): time to the last byte, bytes, status. */
export async function timeGet(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url, { headers });
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return { ms: performance.now() - t, bytes, status: res.status };
}

async function series(urls: string[]): Promise<string> {
  const times: number[] = [];
  for (const u of urls) {
    const r = await timeGet(u);
    if (r.status !== 200) throw new Error(`${u} answered ${r.status}`);
    times.push(r.ms);
  }
  return `${msf(pct(times, 50))} / ${msf(pct(times, 95))} (${urls.length})`;
}

/** Stations inside the real communes (ST_GeneratePoints): half spread by area, half per commune, so small urban communes are dense. */
async function generateStations(database: Database, setId: number, n4g: number, n5g: number): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ lon: number; lat: number }>`
    with c as (select geom, area_km2 from areas where set_id = ${setId}),
    n as (select geom, greatest(2, round(${n4g}::float8 * (0.5 * area_km2 / (select sum(area_km2) from c) + 0.5 / (select count(*) from c))))::int as k from c)
    select ST_X(d.geom) as lon, ST_Y(d.geom) as lat from n, lateral ST_Dump(ST_GeneratePoints(n.geom, n.k, 2025)) d`.execute(database.db);
  const rand = createRandom(2025);
  const pick = () => { const r = rand(); return r < 0.42 ? 'VIETTEL' : r < 0.72 ? 'VNPT' : r < 0.95 ? 'MOBIFONE' : 'VIETNAMOBILE'; };
  const day = (from: number, years: number) => new Date(Date.UTC(from, 0, 1) + Math.floor(rand() * years * 365) * 86_400_000).toISOString().slice(0, 10);
  const files = new Map<string, string[]>();
  const line = (op: string, cells: (string | number)[]) => {
    if (!files.has(op)) files.set(op, ['station_code,technology,longitude,latitude,status,commissioned_on,decommissioned_on']);
    files.get(op)!.push(cells.join(','));
  };
  const sites = rows.map((r, i) => ({ op: pick(), lon: Number(r.lon).toFixed(6), lat: Number(r.lat).toFixed(6), i }));
  for (const s of sites) {
    const gone = rand() < 0.01;
    line(s.op, [`N4-${s.i}`, '4G', s.lon, s.lat, gone ? 'decommissioned' : 'on_air', day(2012, 12), gone ? '2025-03-01' : '']);
  }
  // Nearly every 5G goes onto a 4G site of its operator (shared/data/README.md); the rest ~300 m away.
  for (let i = 0; i < n5g; i++) {
    const s = sites[Math.floor(rand() * sites.length)]!;
    const off = () => (rand() < 0.88 ? 0 : (rand() - 0.5) * 0.006);
    const planned = rand() < 0.05;
    line(s.op, [`N5-${i}`, '5G', (Number(s.lon) + off()).toFixed(6), (Number(s.lat) + off()).toFixed(6), planned ? 'planned' : 'on_air', planned ? '' : day(2024, 1.9), '']);
  }
  return files;
}

async function importMap(database: Database): Promise<{ setId: number; row: [string, string] }> {
  const read = (f: string) => JSON.parse(readFileSync(`${DIR}${f}`, 'utf8')) as unknown;
  const t = performance.now();
  const r = await database.db.transaction().execute((trx) => importBoundarySet(trx,
    { name: 'Communes 2025', level: 'commune', parentLevel: 'province', source: 'sapnhap.bando.com.vn via thanglequoc/vietnamese-provinces-database', licence: 'MIT' },
    read('communes-2025.geojson'), { codeField: 'code', nameField: 'name', parentField: 'provinceCode' },
    { kind: 'file', input: read('provinces-2025.geojson'), codeField: 'code', nameField: 'name' }));
  await analyzeTables(database.db);
  return { setId: r.setId, row: [`import ${r.areas} communes + ${r.parents} provinces (${r.repaired.length} repaired)`, secs(performance.now() - t)] };
}

async function uploadStations(database: Database, setId: number): Promise<[string, string][]> {
  const files = await generateStations(database, setId, 130_000, 39_000);
  const dir = mkdtempSync(join(tmpdir(), 'national-bench-'));
  const config = loadConfig({ SEED_DEMO: 'false', PGLITE_DATA_DIR: 'memory://' });
  const deps = { db: database.db, config };
  let rowsTotal = 0;
  const t = performance.now();
  try {
    for (const [op, lines] of files) {
      const path = join(dir, `${op}.csv`);
      writeFileSync(path, lines.join('\n'));
      say(`uploading ${lines.length - 1} stations of ${op}…`);
      const p = await previewUpload(deps, { path, fileName: `${op}.csv`, operator: op, mode: 'merge', uploadedBy: 'bench' });
      await commitUpload(database.db, p.id, 'bench');
      rowsTotal += lines.length - 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { rows } = await sql<{ n: number; c: number }>`select (select count(*) from stations)::int as n, (select count(*) from station_colocated)::int as c`.execute(database.db);
  return [[`upload ${rowsTotal} stations, ${files.size} files, preview + commit`, secs(performance.now() - t)],
    ['stations stored / co-located', `${rows[0]!.n} / ${rows[0]!.c}`]];
}

const stationPages: NationalStep = async ({ base }) => {
  const first = await timeGet(`${base}/stations?limit=10000`);
  const fiveG = await timeGet(`${base}/stations?limit=10000&technology=5G`);
  const late = await timeGet(`${base}/stations?limit=10000&cursor=${encodeCursor(150_000)}`);
  return [
    ['/api/stations, a page of 10,000 (first / 5G only) (target ≤ 300 ms)', `${msf(first.ms)} / ${msf(fiveG.ms)}, ${kib(first.bytes)}`],
    ['/api/stations, a page of 10,000 deep in the list', late.status === 200 ? msf(late.ms) : `answered ${late.status}`],
  ];
};

/**
 * The same 10,000 5G stations read by SQL alone, co-location from the stored table and as the
 * per-row EXISTS it replaced (measured in one run, so the ratio holds on a loaded machine).
 */
const colocationRatio: NationalStep = async ({ database }) => {
  const time = async (flag: string) => {
    const t = performance.now();
    await sql.raw(`select s.id, ${flag} as colocated from stations s
      left join station_colocated c on c.station_id = s.id
      where s.technology = '5G' order by s.id limit 10000`).execute(database.db);
    return performance.now() - t;
  };
  const stored = await time('c.station_id is not null');
  const perRow = await time(`exists (select 1 from stations t where t.operator_id = s.operator_id and t.technology <> s.technology
    and t.status <> 'decommissioned' and ST_DWithin(t.geom, s.geom, 50 / (111000 * greatest(cos(radians(abs(ST_Y(s.geom)))), 0.01)))
    and ST_DWithin(t.geom::geography, s.geom::geography, 50))`);
  return [['10,000 5G by SQL: co-location stored / per-row EXISTS (before)', `${msf(stored)} / ${msf(perRow)} (× ${(perRow / stored).toFixed(0)})`]];
};

const csvExport: NationalStep = async ({ base, rss }) => {
  const before = process.memoryUsage.rss();
  rss.start();
  const r = await timeGet(`${base}/stations?format=csv`);
  const peak = rss.stop();
  return [['/api/stations?format=csv, every station (target ≤ 5 s, flat memory)', `${secs(r.ms)}, ${kib(r.bytes)}; RSS ${kib(before)} → peak ${kib(peak)}`]];
};

const communeStats: NationalStep = async ({ base }) => {
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
  const areas = await timeGet(`${base}/areas?asOf=2026-01-01`);
  return [
    ['/api/stats, communes, a new as-of date each, p50 / p95', await series(Array.from({ length: 30 }, (_, i) => `${base}/stats?asOf=${day(i)}`))],
    ['/api/stats, communes, repeated view, p50 / p95', await series(Array.from({ length: 50 }, () => `${base}/stats?asOf=2026-01-01`))],
    ['/api/areas, every commune with geometry, first request', `${msf(areas.ms)}, ${kib(areas.bytes)}`],
  ];
};

/** Hook for the parent level (`?level=parent`): p50/p95 once it is served, else what the server answers. */
export const parentStats: NationalStep = async ({ base }) => {
  const probe = await timeGet(`${base}/stats?level=parent`);
  if (probe.status !== 200) return [['/api/stats?level=parent', `not served yet (${probe.status})`]];
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
  return [['/api/stats?level=parent, a new as-of date each, p50 / p95', await series(Array.from({ length: 30 }, (_, i) => `${base}/stats?level=parent&asOf=${day(i)}`))]];
};

/** Hook for the drill-down views: bytes and time of the national view and of one province's communes, as a browser asks for them. */
export const viewBytes: NationalStep = async ({ base }) => {
  const gz = { 'accept-encoding': 'gzip, br' };
  const row = async (label: string, urls: string[]): Promise<[string, string]> => {
    const got = await Promise.all(urls.map((u) => timeGet(u, gz)));
    const bad = got.find((g) => g.status !== 200);
    return [label, bad ? `not served yet (${bad.status})` : `${kib(got.reduce((a, g) => a + g.bytes, 0))} in ${msf(Math.max(...got.map((g) => g.ms)))}`];
  };
  return [
    await row('national view: /api/areas + /api/stats (communes), bytes on the wire', [`${base}/areas`, `${base}/stats`]),
    await row('national view at the parent level (target ≤ 1 MB until drawn)', [`${base}/areas?level=parent`, `${base}/stats?level=parent`]),
    await row('one province\'s communes, An Giang (target ≤ 300 KB)', [`${base}/areas?parent=91`, `${base}/stats?parent=91`]),
  ];
};

export const firstDraw: NationalStep = async ({ base }) => measureFirstDraw(base.replace(/\/api$/, ''));

/** The steps, in order; each returns its lines. */
export const STEPS: NationalStep[] = [stationPages, colocationRatio, csvExport, communeStats, parentStats, viewBytes, firstDraw];

async function benchOn(kind: 'pglite' | 'postgres'): Promise<[string, string][]> {
  const saved = process.env.DATABASE_URL;
  if (kind === 'pglite') delete process.env.DATABASE_URL;
  const database = await openBenchDatabase('national');
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  const rows: [string, string][] = [];
  try {
    await migrate(database.db);
    say(`${kind}: importing the communes and provinces…`);
    const { setId, row } = await importMap(database);
    rows.push(row);
    rows.push(...(await uploadStations(database, setId)));
    const server = await startApp({ database });
    try {
      const ctx: NationalContext = { database, base: `${server.url}/api`, setId, rss: new RssWatch() };
      for (const step of STEPS) {
        say(`${kind}: ${step.name}…`);
        rows.push(...(await step(ctx).catch((err: unknown): [string, string][] => [[step.name, `failed: ${(err as Error).message}`]])));
      }
    } finally {
      await server.close();
    }
  } finally {
    await database.close();
  }
  rows.push(['peak RSS of the process so far', kib(process.resourceUsage().maxRSS * 1024)]);
  return rows;
}

/** Called by run-bench.ts (`npm run bench -- national`). */
export async function runNationalBench(): Promise<Record<string, string>> {
  if (!existsSync(`${DIR}communes-2025.geojson`) || !existsSync(`${DIR}provinces-2025.geojson`)) {
    return { skipped: `the 2025 communes and provinces are not at ${DIR} (a fresh clone has no ../shared; README: where to get them)` };
  }
  const only = process.env.NATIONAL_BENCH_DB;
  const kinds = (['postgres', 'pglite'] as const).filter((k) => (only ? k === only : k === 'pglite' || process.env.DATABASE_URL));
  if (kinds.includes('postgres') && !process.env.DATABASE_URL) throw new Error('NATIONAL_BENCH_DB=postgres needs DATABASE_URL');
  const out: Record<string, string> = {};
  for (const kind of kinds) {
    for (const [k, v] of await benchOn(kind)) out[`${kind === 'postgres' ? 'PostGIS' : 'PGlite'}: ${k}`] = v;
  }
  return out;
}
