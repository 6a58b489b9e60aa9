import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { commitUpload } from './upload-commit.service.js';
import { findIssuePage } from './uploads.repository.js';
import { formatBytes, previewUpload, type UploadProgress, type UploadView } from './uploads.service.js';

export const STATIONS_IMPORT_USAGE = `  stations import <file.csv|.xlsx|.geojson> --operator VIETTEL [--mode merge|replace] [--dry-run] [--sheet "<name>"] [--by "<who>"]
      preview the file (every problem with its row number), then commit it unless --dry-run`;

export interface ImportArgs { file: string; operator?: string | undefined; mode?: string | undefined; dryRun?: boolean | undefined; sheet?: string | undefined; by?: string | undefined }

/** A one-line progress bar on stderr (redrawn in place), so stdout keeps only the report. */
function progressBar(out: NodeJS.WriteStream = process.stderr) {
  const width = 30;
  return (p: UploadProgress) => {
    const [label, share] =
      p.phase === 'reading' ? [`reading ${p.rows.toLocaleString('en')} rows`, p.totalBytes ? p.bytes / p.totalBytes : 0]
        : p.phase === 'writing' ? [`writing ${p.done}/${p.total}`, p.total ? p.done / p.total : 1]
          : [`${p.phase} ${p.rows.toLocaleString('en')} rows`, 1];
    const filled = Math.round(Math.min(1, share) * width);
    out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label.padEnd(32)}`);
    if (!out.isTTY) out.write('\n');
  };
}

export function formatReport(u: UploadView): string {
  const c = u.counts;
  return [
    `upload ${u.id}: ${u.fileName} (${u.format}, ${formatBytes(u.bytes)}, sha256 ${u.sha256.slice(0, 12)}…) for ${u.operator}, mode ${u.mode}: ${u.state}`,
    `  rows read: ${u.rows}`,
    `  create ${c.create}, update ${c.update}, unchanged ${c.unchanged}${u.mode === 'replace' ? `, decommission ${c.decommission}` : ''}`,
    `  rows in error (skipped): ${c.errorRows}, warnings: ${c.warnings}`,
    ...(u.columns.unknown.length ? [`  unknown columns kept aside: ${u.columns.unknown.join(', ')}`] : []),
  ].join('\n');
}

/** `stations import`: the same preview and report as the upload page, then the commit. */
export async function runStationsImport(db: Kysely<DB>, config: Config, args: ImportArgs, log: (line: string) => void = console.log): Promise<UploadView> {
  if (!args.file || !args.operator) throw new Error(`stations import needs a file and --operator\n\n${STATIONS_IMPORT_USAGE}`);
  if (args.mode !== undefined && args.mode !== 'merge' && args.mode !== 'replace') throw new Error(`--mode must be merge or replace, not "${args.mode}"`);
  const bar = progressBar();
  const preview = await previewUpload({ db, config }, {
    path: args.file, fileName: basename(args.file), operator: args.operator, mode: args.mode ?? 'merge', sheet: args.sheet,
    uploadedBy: args.by ?? `cli:${process.env.USER ?? 'unknown'}`,
  }, bar);
  process.stderr.write('\n');
  log(formatReport(preview));
  const { rows, total } = await findIssuePage(db, preview.id, { offset: 0, limit: 50 });
  for (const i of rows) log(`  ${i.severity === 'error' ? 'ERROR' : 'warn '} ${i.row === null ? 'file' : `row ${i.row}`}: ${i.message}`);
  if (total > rows.length) log(`  … ${total - rows.length} more: GET /api/uploads/${preview.id}/errors?format=csv`);
  if (args.dryRun) {
    log('dry run: nothing changed');
    return preview;
  }
  const done = await commitUpload(db, preview.id, preview.uploadedBy, bar);
  process.stderr.write('\n');
  log(`committed upload ${done.id}; undo with POST /api/uploads/${done.id}/rollback`);
  return done;
}
