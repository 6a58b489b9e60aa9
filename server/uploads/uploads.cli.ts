import { hostname } from 'node:os';
import { open, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { CLI_WORDS, formatCount, formatTime, type CliWords, type Conflict } from './upload-cli-words.js';
import { actionTrail, type UploadAction } from './upload-audit.js';
import { commitUpload, discardUpload, rollbackUpload } from './upload-commit.service.js';
import { issueReportCsv } from './upload-issue-report.js';
import { formatBytes, renderFileProblem, type Lang } from './upload-messages.js';
import { findIssuePage, listUploads } from './uploads.repository.js';
import { getUpload, previewUpload, resolveUploadOperator, type UploadDeps, type UploadProgress, type UploadView } from './uploads.service.js';

export const STATIONS_USAGE = `  stations import <file.csv|.xlsx|.geojson> --operator VIETTEL [--mode merge|replace] [--dry-run]
      [--sheet "<name>"] [--lang vi|en] [--report errors.csv] [--by "<for whom>"]
      preview the file (every problem with its row number), then commit it unless --dry-run;
      --report writes the whole error report (CSV, safe to open in a spreadsheet)
  stations uploads [--operator VIETTEL] [--limit 20] [--lang vi|en]   the upload history
  stations commit <upload id> [--by "<who>"]     commit a preview made with --dry-run
  stations rollback <upload id> [--by "<who>"]   put back every station the upload changed
  stations discard <upload id> [--by "<who>"]    set a preview aside: it will not be committed (its report stays)
      Recorded, and in the audit trail, as cli:<user>@<host>; --by adds a note of for whom.
      Language: --lang, else LANG (vi_VN… → Vietnamese), else English. Exit code 0 ok, 1 refused, 2 usage.`;

const OPTIONS = {
  operator: { type: 'string' }, mode: { type: 'string' }, 'dry-run': { type: 'boolean' }, sheet: { type: 'string' },
  lang: { type: 'string' }, report: { type: 'string' }, by: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;
type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
const ALLOWED: Record<string, readonly (keyof Options)[]> = {
  import: ['operator', 'mode', 'dry-run', 'sheet', 'lang', 'report', 'by'], uploads: ['operator', 'limit', 'lang'],
  commit: ['by', 'lang'], rollback: ['by', 'lang'], discard: ['by', 'lang'],
};

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The progress bar's stream (stderr), so stdout keeps only the report. */
  progress: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}
export interface CliDatabase { db: Kysely<DB>; config: UploadDeps['config']; close(): Promise<void> }

const processIo = (): CliIo => ({ out: (l) => console.log(l), err: (l) => console.error(l), progress: process.stderr, env: process.env });

class UsageError extends Error {}

interface ImportCommand {
  name: 'import'; lang: Lang; by: string; file: string; operator: string; mode: 'merge' | 'replace'; dryRun: boolean;
  sheet: string | undefined; report: string | undefined;
}
type Command = { name: 'help'; lang: Lang } | ImportCommand | { name: 'uploads'; lang: Lang; operator: string | undefined; limit: number }
  | { name: 'commit' | 'rollback' | 'discard'; lang: Lang; by: string; id: number };

/** `npm run cli -- stations …`: the same services as the API. Returns the exit code: 0 ok, 1 refused or failed, 2 usage. */
export async function runStationsCli(argv: string[], openDb: () => Promise<CliDatabase>, io: CliIo = processIo()): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw err;
    io.err(`${(err as Error).message}\n\nUsage: npm run cli -- <command>\n${STATIONS_USAGE}`);
    return 2;
  }
  if (cmd.name === 'help') return void io.out(STATIONS_USAGE), 0;
  const words = CLI_WORDS[cmd.lang];
  // A file that is not there is a mistake in the command line: said plainly, before any database is opened.
  const fileProblem = cmd.name === 'import' ? await checkPaths(cmd, words) : null;
  if (fileProblem) return void io.err(fileProblem), 2;
  let database: CliDatabase | undefined;
  try {
    database = await openDb();
    const run = { ...database, io, words, lang: cmd.lang };
    if (cmd.name === 'import') await runImport(run, cmd);
    else if (cmd.name === 'uploads') await runList(run, cmd.operator, cmd.limit);
    else if (cmd.name === 'commit') await runCommit(run, cmd.id, cmd.by);
    else if (cmd.name === 'discard') await runDiscard(run, cmd.id, cmd.by);
    else await runRollback(run, cmd.id, cmd.by);
    return 0;
  } catch (err) {
    for (const line of describeError(err, cmd.lang, words)) io.err(line);
    return 1;
  } finally {
    await database?.close();
  }
}

function parseCommand(argv: string[], env: CliIo['env']): Command {
  const { values: o, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [name = '', arg, ...extra] = positionals;
  if (o.help || name === '') return { name: 'help', lang: 'en' };
  const allowed = ALLOWED[name];
  if (!allowed) throw new UsageError(`unknown command "stations ${name}"`);
  const wrong = Object.keys(o).find((k) => !allowed.includes(k as keyof Options));
  if (wrong) throw new UsageError(`--${wrong} is not an option of "stations ${name}"`);
  if (extra.length || (name === 'uploads' && arg !== undefined)) throw new UsageError(`unexpected argument "${extra[0] ?? arg}"`);
  if (o.lang !== undefined && o.lang !== 'vi' && o.lang !== 'en') throw new UsageError(`--lang must be vi or en, not "${o.lang}"`);
  const lang: Lang = (o.lang as Lang | undefined) ?? (env.LANG?.toLowerCase().startsWith('vi') ? 'vi' : 'en');
  // The CLI works on the database directly, as the machine's user: that is who is recorded.
  // --by adds a note (for whom), it never stands in for an account name.
  const who = `cli:${env.USER ?? 'unknown'}@${hostname()}`;
  const by = o.by ? `${who} (${o.by.trim().slice(0, 60)})` : who;
  if (name === 'import') {
    if (!arg || !o.operator) throw new UsageError('stations import needs a file and --operator');
    if (o.mode !== undefined && o.mode !== 'merge' && o.mode !== 'replace') throw new UsageError(`--mode must be merge or replace, not "${o.mode}"`);
    return { name, lang, by, file: arg, operator: o.operator, mode: o.mode ?? 'merge', dryRun: o['dry-run'] ?? false, sheet: o.sheet, report: o.report };
  }
  if (name === 'uploads') {
    const limit = Number(o.limit ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError(`--limit must be a whole number from 1 to 200, not "${o.limit}"`);
    return { name, lang, operator: o.operator, limit };
  }
  if (!arg || !/^\d{1,15}$/.test(arg)) throw new UsageError(`stations ${name} needs an upload id (digits)${arg ? `, not "${arg}"` : ''}`);
  return { name: name as 'commit' | 'rollback' | 'discard', lang, by, id: Number(arg) };
}

interface Run extends CliDatabase { io: CliIo; words: CliWords; lang: Lang }

/** The station file is a file; the report's folder is there (else the preview would be saved, then the report fail). */
async function checkPaths(cmd: ImportCommand, words: CliWords): Promise<string | null> {
  try {
    if ((await stat(cmd.file)).isDirectory()) return words.isFolder(cmd.file);
  } catch (err) {
    return fileError(err, words) ?? (err as Error).message;
  }
  if (cmd.report === undefined) return null;
  const folder = dirname(cmd.report);
  const found = await stat(folder).catch(() => null);
  return found?.isDirectory() ? null : words.noSuchFolder(folder);
}

/** ENOENT, EISDIR and the like in words: Node's own message names the system call, not the problem. */
function fileError(err: unknown, words: CliWords): string | null {
  const e = err as NodeJS.ErrnoException;
  const path = e.path ?? '';
  if (e.code === 'ENOENT') return words.noSuchFile(path);
  if (e.code === 'EISDIR') return words.isFolder(path);
  if (e.code === 'EACCES' || e.code === 'EPERM') return words.noPermission(path);
  if (e.code === 'ENOTDIR') return words.noSuchFile(path);
  return null;
}

/** The audit trail of a CLI action: the machine's user, no account, as `via: 'cli'`. */
const cliTrail = (r: Run, by: string, action: UploadAction, attempt: Record<string, unknown>) =>
  actionTrail(r.db, { userId: null, actor: by, ip: null, via: 'cli' }, action, attempt, (e) => r.io.err(`audit trail: ${(e as Error).message}`));

async function runImport(r: Run, a: ImportCommand): Promise<void> {
  const bar = progressBar(r.io.progress, r.words);
  const preview = await cliTrail(r, a.by, 'upload_preview', { operator: a.operator, fileName: basename(a.file), mode: a.mode }).run(() =>
    previewUpload({ db: r.db, config: r.config }, {
      path: a.file, fileName: basename(a.file), operator: a.operator, mode: a.mode, sheet: a.sheet, uploadedBy: a.by,
    }, bar));
  r.io.progress.write('\n');
  for (const line of formatReport(preview, r.words, r.lang)) r.io.out(line);
  const { rows, total } = await findIssuePage(r.db, preview.id, { lang: r.lang, offset: 0, limit: 50 });
  for (const i of rows) r.io.out(r.words.issue(i.severity, i.row, i.message));
  if (total > rows.length) r.io.out(a.report ? r.words.moreInReport(total - rows.length, a.report) : r.words.more(total - rows.length));
  if (a.report) r.io.out(r.words.reportWritten(await writeIssueReport(r.db, preview.id, r.lang, a.report), a.report));
  if (a.dryRun) return void r.io.out(r.words.dryRun(preview.id));
  const done = await cliTrail(r, a.by, 'upload_commit', { uploadId: preview.id }).run(() => commitUpload(r.db, preview.id, a.by, bar));
  r.io.progress.write('\n');
  r.io.out(r.words.committed(done.id));
}

export function formatReport(u: UploadView, words: CliWords, lang: Lang): string[] {
  return [
    words.summary(u, u.sha256.slice(0, 12), formatBytes(u.bytes, lang)),
    words.rowsRead(u.rows), words.counts(u.counts, u.mode === 'replace'), words.problems(u.counts),
    ...(u.columns.unknown.length ? [words.unknownColumns(u.columns.unknown, (u.columns.unknownCount ?? 0) - u.columns.unknown.length)] : []),
  ];
}

/** The whole report as the API's CSV (BOM, formula-neutralised cells), the header and messages in `lang`. Returns the issue count. */
export async function writeIssueReport(db: Kysely<DB>, id: number, lang: Lang, path: string): Promise<number> {
  const file = await open(path, 'w');
  try {
    for await (const chunk of issueReportCsv(db, id, { lang })) await file.write(chunk);
  } finally {
    await file.close();
  }
  return (await findIssuePage(db, id, { lang, offset: 0, limit: 1 })).total;
}

async function runList(r: Run, operator: string | undefined, limit: number): Promise<void> {
  const operatorId = operator ? (await resolveUploadOperator(r.db, operator)).id : undefined;
  const uploads = await listUploads(r.db, { operatorId, limit });
  if (!uploads.length) return void r.io.out(r.words.noUploads);
  const n = (x: number) => formatCount(Number(x), r.lang);
  const rows = uploads.map((u) => [
    String(u.id), formatTime(new Date(u.createdAt).toISOString(), r.lang), u.operator, r.words.state[u.state], r.words.mode[u.mode], n(u.rows),
    n(u.counts.create), n(u.counts.update), n(u.counts.unchanged), n(u.counts.decommission), n(u.counts.errorRows), n(u.counts.warnings), u.uploadedBy, u.fileName,
  ]);
  for (const line of formatTable(r.words.columns, rows, new Set([0, 5, 6, 7, 8, 9, 10, 11]))) r.io.out(line);
}

/** Columns padded to their widest cell, numbers right-aligned; the last column is not padded. */
function formatTable(head: readonly string[], rows: string[][], numeric: Set<number>): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)];
}

async function runCommit(r: Run, id: number, by: string): Promise<void> {
  await getUpload(r.db, id); // 404 before anything is locked
  const done = await cliTrail(r, by, 'upload_commit', { uploadId: id }).run(() => commitUpload(r.db, id, by, progressBar(r.io.progress, r.words)));
  r.io.progress.write('\n');
  for (const line of formatReport(done, r.words, r.lang)) r.io.out(line);
  r.io.out(r.words.committed(done.id));
}

async function runDiscard(r: Run, id: number, by: string): Promise<void> {
  const done = await cliTrail(r, by, 'upload_discard', { uploadId: id }).run(() => discardUpload(r.db, id, by));
  r.io.out(r.words.discarded(done.id));
}

async function runRollback(r: Run, id: number, by: string): Promise<void> {
  const done = await cliTrail(r, by, 'upload_rollback', { uploadId: id }).run(() => rollbackUpload(r.db, id, by));
  r.io.out(r.words.rolledBack(done.id));
}

/** A refusal as the API words it; a whole-file problem in the CLI's language; a rollback conflict with its stations. */
function describeError(err: unknown, lang: Lang, words: CliWords): string[] {
  if (!(err instanceof AppError)) return [fileError(err, words) ?? (err instanceof Error ? err.message : String(err))];
  const d = (err.details ?? {}) as {
    reason?: unknown; params?: unknown; laterUploads?: Conflict[]; changedSince?: Conflict[];
    totals?: { laterUploads: number; changedSince: number };
  };
  const file = typeof d.reason === 'string' ? renderFileProblem(d.reason, d.params, lang) : null;
  const lines = [file ?? err.message];
  if (err.code === 'rollback_conflict') {
    const conflicts = [...(d.laterUploads ?? []).map(words.laterUpload), ...(d.changedSince ?? []).map(words.changedOutside)];
    // The details list the first 1,000 of each kind; totals count them all.
    const all = d.totals ? d.totals.laterUploads + d.totals.changedSince : conflicts.length;
    const shown = conflicts.slice(0, 20);
    lines.push(...shown, ...(all > shown.length ? [words.andMore(all - shown.length)] : []));
  } else if (Array.isArray(err.details)) {
    for (const x of err.details as Record<string, unknown>[]) lines.push(`  ${String(x.path ?? '')}: ${String(x.message ?? '')}`);
  }
  return lines;
}

/** A one-line progress bar, redrawn in place on a terminal, one line per step otherwise. */
function progressBar(out: CliIo['progress'], words: CliWords) {
  const width = 30, w = words.progress;
  return (p: UploadProgress) => {
    const [label, share] =
      p.phase === 'reading' ? [`${w.reading} ${p.rows.toLocaleString('en')} ${w.rows}`, p.totalBytes ? p.bytes / p.totalBytes : 0]
        : p.phase === 'writing' ? [`${w.writing} ${p.done}/${p.total}`, p.total ? p.done / p.total : 1]
          : [`${w[p.phase]} ${p.rows.toLocaleString('en')} ${w.rows}`, 1];
    const filled = Math.round(Math.min(1, share) * width);
    out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label.padEnd(32)}`);
    if (!out.isTTY) out.write('\n');
  };
}
