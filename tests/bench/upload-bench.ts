import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/config.js';
import { migrate } from '../../server/db/migrate.js';
import { loadDemoData } from '../../server/demo/demo.service.js';
import { commitUpload, rollbackUpload } from '../../server/uploads/upload-commit.service.js';
import { previewUpload, type UploadProgress } from '../../server/uploads/uploads.service.js';
import { generateDemoData } from '../../seeds/demo-data.js';
import { openBenchDatabase } from './bench-database.js';

const ROWS = 100_000;
const ERROR_ROWS = 200_000;

/** Rows with an unknown technology and no latitude: two errors each, nothing to plan. */
function writeErrorCsv(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, 'station_code,technology,latitude,longitude,name\n');
    for (let i = 0; i < rows; i += 2000) {
      writeSync(fd, Array.from({ length: Math.min(2000, rows - i) }, (_, j) => `ERR-${i + j},XG,,105.4,Trạm lỗi ${i + j}\n`).join(''));
    }
  } finally {
    closeSync(fd);
  }
}

/** One progress line on stderr (rewritten in place on a terminal, at most once a second otherwise). */
function progressLine() {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (step: string, p?: UploadProgress) => {
    const now = performance.now();
    const detail = !p ? '' : p.phase === 'reading' ? ` reading ${p.rows.toLocaleString('en')} rows (${Math.round((100 * p.bytes) / (p.totalBytes || 1))}%)`
      : p.phase === 'writing' ? ` writing ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')}` : ` ${p.phase} ${p.rows.toLocaleString('en')} rows`;
    if (p && !tty && now - last < 1000) return;
    last = now;
    const rss = `rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
    process.stderr.write(tty ? `\r\x1b[Kupload bench: ${step}${detail}, ${rss}` : `upload bench: ${step}${detail}, ${rss}\n`);
  };
}

/**
 * Writes a deterministic 100,000-row station list (LCG, so every run uploads the same file):
 * points jittered around the demo stations, so that like a real list they fall inside the
 * areas. Written 2,000 lines at a time, so that making the file does not add to the peak memory.
 */
function writeCsv(path: string, rows: number, anchors: readonly { lon: number; lat: number }[]): void {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const fd = openSync(path, 'w');
  try {
    let lines = ['\uFEFFMã trạm;Công nghệ;Vĩ độ;Kinh độ;Trạng thái;Ngày phát sóng;Tên trạm'];
    for (let i = 0; i < rows; i++) {
      const a = anchors[Math.floor(rnd() * anchors.length)] ?? { lon: 105.4, lat: 10.4 };
      const lat = (a.lat + (rnd() - 0.5) * 0.004).toFixed(6).replace('.', ',');
      const lon = (a.lon + (rnd() - 0.5) * 0.004).toFixed(6).replace('.', ',');
      const day = String(1 + (i % 28)).padStart(2, '0');
      lines.push(`BENCH-${String(i >> 1).padStart(6, '0')};${i % 2 ? '5G' : 'LTE'};${lat};${lon};đang phát sóng;${day}/03/2024;Trạm thử ${i >> 1}`);
      if (lines.length === 2000) {
        writeSync(fd, lines.join('\r\n') + '\r\n');
        lines = [];
      }
    }
    if (lines.length) writeSync(fd, lines.join('\r\n') + '\r\n');
  } finally {
    closeSync(fd);
  }
}

/**
 * Previews and commits a 100,000-row CSV for one operator, then rolls it back. On a fresh
 * database with the demo areas and stations: `<db>_upload_bench` next to DATABASE_URL's when it
 * is set, else an in-memory PGlite.
 */
export async function runUploadBench(): Promise<Record<string, string | number>> {
  const config = loadConfig({ ...process.env, PGLITE_DATA_DIR: 'memory://', SEED_DEMO: 'false' });
  const database = await openBenchDatabase('upload_bench');
  const dir = mkdtempSync(join(tmpdir(), 'upload-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 25);
  try {
    await migrate(database.db);
    await loadDemoData(database.db);
    const path = join(dir, 'stations-100k.csv');
    writeCsv(path, ROWS, generateDemoData().stations);
    // What the set-up wrote (demo data, migrations) is flushed before the clock starts: its
    // I/O would otherwise land in the timed part (needs a superuser; skipped if refused).
    await sql`checkpoint`.execute(database.db).catch(() => {});
    const startRss = process.memoryUsage().rss;
    const show = progressLine();
    show('preview');
    const t0 = performance.now();
    const preview = await previewUpload({ db: database.db, config }, { path, fileName: 'stations-100k.csv', operator: 'VIETNAMOBILE', mode: 'merge', uploadedBy: 'bench' },
      (p) => show('preview', p));
    const t1 = performance.now();
    show(`preview ${Math.round(t1 - t0)} ms; commit`);
    await commitUpload(database.db, preview.id, 'bench', (p) => show('commit', p));
    const t2 = performance.now();
    show(`commit ${Math.round(t2 - t1)} ms; rollback`);
    await rollbackUpload(database.db, preview.id, 'bench');
    const t3 = performance.now();
    show(`rollback ${Math.round(t3 - t2)} ms; a file of errors`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const mainPeak = peakRss;

    // A file of nothing but errors: its issues are written as it streams, so memory stays flat.
    const bad = join(dir, 'errors-200k.csv');
    writeErrorCsv(bad, ERROR_ROWS);
    const badStart = (peakRss = process.memoryUsage().rss);
    const t4 = performance.now();
    const refused = await previewUpload({ db: database.db, config }, { path: bad, fileName: 'errors-200k.csv', operator: 'VIETNAMOBILE', mode: 'merge', uploadedBy: 'bench' },
      (p) => show('errors', p));
    const t5 = performance.now();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    show(`file of errors ${Math.round(t5 - t4)} ms; done`);
    process.stderr.write(process.stderr.isTTY ? '\n' : '');
    return {
      'upload: database': database.kind,
      'upload: rows': preview.rows,
      'upload: created': preview.counts.create,
      'upload: preview ms': Math.round(t1 - t0),
      'upload: commit ms': Math.round(t2 - t1),
      'upload: preview+commit ms (target < 10000)': Math.round(t2 - t0),
      'upload: rollback ms': Math.round(t3 - t2),
      'upload: rss before MB': Math.round(startRss / 1024 / 1024),
      'upload: peak rss MB (target < 300)': Math.round(mainPeak / 1024 / 1024),
      'upload: rss growth MB': Math.round((mainPeak - startRss) / 1024 / 1024),
      [`upload: ${ERROR_ROWS.toLocaleString('en')} rows all in error, preview ms`]: Math.round(t5 - t4),
      'upload: rows in error reported': refused.counts.errorRows,
      'upload: rss growth for them MB': Math.round((peakRss - badStart) / 1024 / 1024),
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

if (process.argv[1]?.endsWith('upload-bench.ts')) {
  runUploadBench().then((r) => console.table(r), (err) => { console.error(err); process.exit(1); });
}
