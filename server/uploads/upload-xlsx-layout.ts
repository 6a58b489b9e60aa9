import unzipper from 'unzipper';
import { foldKey } from './upload-headers.js';
import { unreadableFile } from './upload-messages.js';

/**
 * What ExcelJS's streaming reader does not say about a workbook, read from the zip first:
 * the sheets in tab order with their visibility (the reader emits them in part order, hidden
 * ones too), and for the sheet to read its merged ranges and hidden rows (the reader ignores
 * both; a merged range's value sits in its first cell only, and `<mergeCells>` comes after
 * the rows, too late for a stream). Costs one more inflate of that sheet, scanned, not parsed.
 * The same scan guards ExcelJS: it builds each text between two tags as one string, and holds
 * every shared string, so a part that inflates to gigabytes is refused here, before it does.
 */
export interface XlsxLayout {
  sheet: string;
  /** Every sheet in tab order; hidden ones marked. */
  sheets: { name: string; hidden: boolean }[];
  merges: MergedRange[];
  hiddenRows: number[];
  /** The zip entries to read, found through the workbook's relationships, not by their usual names. */
  parts: WorkbookParts;
}

export interface WorkbookParts { workbook: unzipper.File; sheet: unzipper.File; sharedStrings: unzipper.File | null; styles: unzipper.File | null }

/** Rows and columns 1-based, inclusive. */
export interface MergedRange { ref: string; top: number; left: number; bottom: number; right: number }

/** Unpacked, a workbook may not be larger than this: a zip bomb is refused before it is read. */
export const XLSX_MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
/** ExcelJS keeps every shared string in memory: 500,000 stations need a fraction of this. */
export const XLSX_MAX_SHARED_STRINGS_BYTES = 128 * 1024 * 1024;
/** Excel keeps at most 32,767 characters in a cell: a longer text between two tags is not a station list. */
export const XLSX_MAX_TEXT_RUN = 1024 * 1024;


export async function readXlsxLayout(path: string, wanted?: string): Promise<XlsxLayout> {
  const dir = await openZip(path);
  const unpacked = dir.files.reduce((n, f) => n + f.uncompressedSize, 0);
  if (unpacked > XLSX_MAX_UNPACKED_BYTES) {
    throw unreadableFile('xlsx_unpacks_too_big', { size: unpacked, max: XLSX_MAX_UNPACKED_BYTES });
  }
  const entry = (name: string) => dir.files.find((f) => f.path.replace(/^\//, '') === name);
  const workbook = entry('xl/workbook.xml');
  const rels = entry('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw await notAWorkbook(dir);
  const targets = relationshipTargets((await rels.buffer()).toString('utf8'));
  const all = listSheets((await workbook.buffer()).toString('utf8'));
  const sheets = all.map(({ name, hidden }) => ({ name, hidden }));
  const chosen = wanted === undefined ? all.find((s) => !s.hidden) : all.find((s) => foldKey(s.name) === foldKey(wanted));
  if (!chosen) {
    const names = (hidden: boolean) => sheets.filter((s) => s.hidden === hidden).map((s) => s.name);
    throw wanted === undefined
      ? unreadableFile('xlsx_no_visible_sheet', { sheets: names(true) }, { sheets })
      : unreadableFile('xlsx_sheet_missing', { sheet: wanted, sheets: names(false), hidden: names(true) }, { sheets });
  }
  // openpyxl (and so pandas) writes targets from the root ("/xl/worksheets/sheet1.xml"), Excel from xl/.
  // A type ends in its name, in transitional and strict OOXML alike.
  const byType = (type: 'sharedStrings' | 'styles') => {
    const rel = [...targets.values()].find((r) => r.type.endsWith(`/${type}`));
    return (rel && entry(resolveTarget(rel.target))) ?? entry(`xl/${type}.xml`) ?? null;
  };
  const sharedStrings = byType('sharedStrings');
  if (sharedStrings) await scanPart(sharedStrings, XLSX_MAX_SHARED_STRINGS_BYTES);
  const part = entry(resolveTarget(targets.get(chosen.rid)?.target ?? ''));
  if (!part) throw unreadableFile('xlsx_sheet_empty', { sheet: chosen.name });
  const merges: MergedRange[] = [];
  const hiddenRows: number[] = [];
  await scanPart(part, XLSX_MAX_UNPACKED_BYTES, (xml) => scanTags(xml, merges, hiddenRows));
  return { sheet: chosen.name, sheets, merges, hiddenRows, parts: { workbook, sheet: part, sharedStrings, styles: byType('styles') } };
}

/** The zip's table of contents is at its end: a file cut short (an interrupted download) has none. */
async function openZip(path: string): Promise<unzipper.CentralDirectory> {
  try {
    return await unzipper.Open.file(path);
  } catch (err) {
    const detail = (err as Error).message;
    throw detail === 'FILE_ENDED' ? unreadableFile('xlsx_truncated') : unreadableFile('xlsx_incomplete', { detail });
  }
}

/** A zip without a workbook: an OpenDocument spreadsheet says so in its first entry; a shapefile by its parts. */
async function notAWorkbook(dir: unzipper.CentralDirectory) {
  const mimetype = dir.files.find((f) => f.path === 'mimetype');
  const type = mimetype && mimetype.uncompressedSize < 200 ? (await mimetype.buffer()).toString('latin1').trim() : '';
  if (type === 'application/vnd.oasis.opendocument.spreadsheet') return unreadableFile('ods_file');
  if (dir.files.some((f) => /\.shp$/i.test(f.path))) return unreadableFile('shapefile_zip');
  return unreadableFile('xlsx_not_workbook');
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function listSheets(xml: string) {
  return [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map(([tag]) => ({
    name: unescapeXml(attr(tag, 'name') ?? ''),
    hidden: /^(hidden|veryHidden)$/.test(attr(tag, 'state') ?? ''),
    rid: attr(tag, 'r:id') ?? attr(tag, '\\w+:id') ?? '',
  }));
}

function relationshipTargets(xml: string): Map<string, { target: string; type: string }> {
  return new Map([...xml.matchAll(/<Relationship\s[^>]*>/g)].map(([tag]) =>
    [attr(tag, 'Id') ?? '', { target: unescapeXml(attr(tag, 'Target') ?? ''), type: attr(tag, 'Type') ?? '' }]));
}

/** "worksheets/sheet1.xml" is relative to xl/; "/xl/worksheets/sheet1.xml" to the root; "./" and "../" as in a path. */
function resolveTarget(target: string): string {
  const parts: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/**
 * Inflates a part as a stream and hands its complete tags to `onTags` (a tag cut by a chunk end
 * is carried over). Refuses it once it inflates past `maxBytes`, or once a run of characters
 * without a `<` or `>` (a text, or a tag) passes XLSX_MAX_TEXT_RUN: only a bomb has one.
 */
async function scanPart(part: unzipper.File, maxBytes: number, onTags?: (xml: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  let carry = '', seen = 0, run = 0;
  const scan = (decoded: string) => {
    run = runAfter(decoded, run);
    const text = carry + decoded;
    const open = text.lastIndexOf('<');
    const cut = open > text.lastIndexOf('>') ? open : text.length; // an unfinished tag waits for the next chunk
    onTags?.(text.slice(0, cut));
    carry = text.slice(cut);
  };
  for await (const chunk of part.stream() as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > maxBytes) throw unreadableFile('xlsx_part_too_big', { part: part.path, max: maxBytes });
    scan(decoder.decode(chunk, { stream: true }));
  }
  scan(decoder.decode());
  onTags?.(carry);
}

/**
 * The run without `<` or `>` at the end of `text`, given the one `text` continues; throws when a
 * run passes the limit. Native indexOf finds the first and last mark; only a chunk longer than
 * the limit can hide a long run between them, and only that one is searched mark by mark.
 */
function runAfter(text: string, run: number): number {
  const first = firstMark(text);
  if (first < 0) return check(run + text.length);
  check(run + first);
  if (text.length > XLSX_MAX_TEXT_RUN) {
    let prev = first;
    for (const { index } of text.matchAll(/[<>]/g)) {
      check(index - prev - 1);
      prev = index;
    }
  }
  return check(text.length - Math.max(text.lastIndexOf('<'), text.lastIndexOf('>')) - 1);
}

function firstMark(text: string): number {
  const [a, b] = [text.indexOf('<'), text.indexOf('>')];
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function check(run: number): number {
  if (run > XLSX_MAX_TEXT_RUN) throw unreadableFile('xlsx_text_too_long', { max: XLSX_MAX_TEXT_RUN });
  return run;
}

function scanTags(xml: string, merges: MergedRange[], hiddenRows: number[]): void {
  for (const [tag] of xml.matchAll(/<(?:\w+:)?(?:mergeCell|row)\s[^>]*>/g)) {
    if (/^<(?:\w+:)?mergeCell\s/.test(tag)) {
      const range = parseRange(attr(tag, 'ref') ?? '');
      if (range) merges.push(range);
    } else if (/^(1|true)$/.test(attr(tag, 'hidden') ?? '')) {
      const r = Number(attr(tag, 'r'));
      if (Number.isInteger(r) && r > 0) hiddenRows.push(r);
    }
  }
}

function parseRange(ref: string): MergedRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  return { ref, left: columnNumber(m[1]!), top: Number(m[2]), right: columnNumber(m[3]!), bottom: Number(m[4]) };
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}
