import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { migrate } from '../../server/db/migrate.js';
import { loadDemoData } from '../../server/demo/demo.service.js';
import { generateNationalData } from '../../seeds/national-data.js';
import { testAdminToken } from '../helpers/test-auth.js';
import { openBenchDatabase } from './bench-database.js';

const say = (m: string) => process.stderr.write(`[bench:planner] ${m}\n`);

/**
 * The planner at national scale (700 areas, 150,000 4G + 75,000 5G; PLANNER_BENCH_SCALE
 * scales the station counts): recommendations, modelled coverage and the timeline for all
 * areas, each timed once, uncached, through the HTTP API. Uses a fresh `<db>_bench` database
 * on a real server (DATABASE_URL), else an in-memory PGlite.
 */
export async function runPlannerBench(): Promise<Record<string, string | number>> {
  const scale = Number(process.env.PLANNER_BENCH_SCALE ?? 1);
  const sizes = { areas: 700, n4g: Math.round(150_000 * scale), n5g: Math.round(75_000 * scale) };
  const out: Record<string, string | number> = {};
  const data = generateNationalData(sizes);
  const database = await openBenchDatabase();
  out['planner: database'] = database.kind;
  out['planner: size'] = `${sizes.areas} areas, ${sizes.n4g} 4G, ${sizes.n5g} 5G`;
  try {
    await migrate(database.db);
    say('loading…');
    let t = performance.now();
    await loadDemoData(database.db, data);
    out['planner: load s'] = ((performance.now() - t) / 1000).toFixed(1);
    const app = createApp({ config: loadConfig({ SEED_DEMO: 'false', PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), database });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    // The planner's reads need an account (server/auth/policy.ts): a test admin in this throwaway database.
    const headers = { authorization: `Bearer ${await testAdminToken(database.db)}` };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/planner`;
    const time = async (label: string, path: string, describe: (body: any) => string) => {
      say(label);
      const t0 = performance.now();
      const res = await fetch(base + path, { headers });
      const text = await res.text();
      const s = ((performance.now() - t0) / 1000).toFixed(2);
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
      out[`planner: ${label} s`] = s;
      out[`planner: ${label} result`] = `${describe(JSON.parse(text))}, ${(text.length / 1e6).toFixed(1)} MB`;
    };
    try {
      const asOf = '2026-06-30';
      await time('recommendations, all areas', `/recommendations?asOf=${asOf}`, (b) => `${b.totals.picks} picks in ${b.areas.length} areas, ${b.totals.newSitesToBuild} new sites`);
      await time('5G coverage, all areas, figures', `/coverage?asOf=${asOf}&geometry=false`, (b) => `share ${b.totals.share}`);
      await time('4G coverage, all areas, figures', `/coverage?asOf=${asOf}&technology=4G&geometry=false`, (b) => `share ${b.totals.share}`);
      await time('5G coverage, all areas, with GeoJSON', `/coverage?asOf=${asOf}`, (b) => `${b.coverage.features.length} features`);
      await time('timeline, set-wide with every area', `/timeline?asOf=${asOf}`, (b) => `${b.series.length} points, status ${b.pace.status}`);
    } finally {
      await new Promise((r) => server.close(r));
    }
  } finally {
    await database.close();
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/tests\//, 'tests/'))) {
  runPlannerBench().then((r) => console.table(r), (err) => { console.error(err); process.exit(1); });
}
