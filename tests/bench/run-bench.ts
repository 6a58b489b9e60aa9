import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './server-bench.js';

/*
 * npm run bench: prints figures, asserts nothing. The machine is shared and noisy: compare
 * figures from one run with each other, not with another day's. Each part can be run alone:
 * npm run bench -- server|upload|planner|client|national (national only when named).
 */
const only = process.argv[2];
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

async function optional(file: string, fn: string): Promise<BenchRow[]> {
  if (!existsSync(here(file))) return [[file, 'not present']];
  const mod = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<string, () => Promise<Record<string, string | number>>>;
  return Object.entries(await mod[fn]!()).map(([k, v]) => [k, String(v)]);
}

function print(title: string, rows: BenchRow[]) {
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n## ${title}\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}

const parts: [string, () => Promise<BenchRow[]>][] = [
  // Each part loaded only when it runs: `npm run bench -- upload` measures its peak memory without the server's modules.
  ['server', async () => (await import('./server-bench.js')).runServerBench()],
  ['upload', () => optional('upload-bench.ts', 'runUploadBench')],
  ['planner', () => optional('planner-bench.ts', 'runPlannerBench')],
  ['client', () => optional('client-bench.ts', 'runClientBench')],
  // The real 2025 map with 169,000 stations on both databases: long, so only when named.
  ['national', () => optional('national-bench.ts', 'runNationalBench')],
];
const ONLY_WHEN_NAMED = new Set(['national']);

for (const [name, run] of parts) {
  if (only ? only !== name : ONLY_WHEN_NAMED.has(name)) continue;
  try {
    print(`${name} (${process.env.DATABASE_URL ? 'real PostGIS' : 'embedded PGlite'})`, await run());
  } catch (err) {
    print(name, [['failed', err instanceof Error ? err.message : String(err)]]);
    process.exitCode = 1;
  }
}
