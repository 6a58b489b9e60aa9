import unzipper from 'unzipper';
import { foldKey } from './upload-headers.js';
import { rejectFile } from './upload-source.js';

/**
 * What ExcelJS's streaming reader does not say about a workbook, read from the zip first:
 * the sheets in tab order with their visibility (the reader emits them in part order, hidden
 * ones too), and for the sheet to read its merged ranges and hidden rows (the reader ignores
 * both; a merged range's value sits in its first cell only, and `<mergeCells>` comes after
 * the rows, too late for a stream). Costs one more inflate of that sheet, scanned, not parsed.
 */
export interface XlsxLayout {
  sheet: string;
  /** Every sheet in tab order; hidden ones marked. */
  sheets: { name: string; hidden: boolean }[];
  merges: MergedRange[];
  hiddenRows: number[];
}

/** Rows and columns 1-based, inclusive. */
export interface MergedRange { ref: string; top: number; left: number; bottom: number; right: number }

/** Unpacked, a workbook may not be larger than this: a zip bomb is refused before it is read. */
export const XLSX_MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

export async function readXlsxLayout(path: string, wanted?: string): Promise<XlsxLayout> {
  let dir: unzipper.CentralDirectory;
  try {
    dir = await unzipper.Open.file(path);
  } catch (err) {
    throw rejectFile(`The Excel file cannot be read (not a complete .xlsx): ${(err as Error).message}`);
  }
  const unpacked = dir.files.reduce((n, f) => n + f.uncompressedSize, 0);
  if (unpacked > XLSX_MAX_UNPACKED_BYTES) {
    throw rejectFile(`The Excel file unpacks to ${Math.round(unpacked / 1024 / 1024)} MB, more than a station list can be (${XLSX_MAX_UNPACKED_BYTES / 1024 / 1024} MB). Save only the station sheet, or as CSV.`);
  }
  const entry = (name: string) => dir.files.find((f) => f.path.replace(/^\//, '') === name);
  const workbook = entry('xl/workbook.xml');
  const rels = entry('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw rejectFile('The file is a zip but not an Excel workbook (no xl/workbook.xml): save it as .xlsx from Excel.');
  const targets = relationshipTargets((await rels.buffer()).toString('utf8'));
  const all = listSheets((await workbook.buffer()).toString('utf8'));
  const sheets = all.map(({ name, hidden }) => ({ name, hidden }));
  const chosen = wanted === undefined ? all.find((s) => !s.hidden) : all.find((s) => foldKey(s.name) === foldKey(wanted));
  if (!chosen) {
    const listed = sheets.map((s) => `${s.name}${s.hidden ? ' (hidden)' : ''}`).join(', ') || '(none)';
    throw wanted === undefined
      ? rejectFile(`The Excel file has no visible sheet; its sheets: ${listed}.`, { sheets })
      : rejectFile(`The Excel file has no sheet named "${wanted}"; its sheets: ${listed}.`, { sheets });
  }
  const part = entry(resolveTarget(targets.get(chosen.rid) ?? ''));
  const scan = part ? await scanSheet(part) : { merges: [], hiddenRows: [] };
  return { sheet: chosen.name, sheets, ...scan };
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function listSheets(xml: string) {
  return [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map(([tag]) => ({
    name: unescapeXml(attr(tag, 'name') ?? ''),
    hidden: /^(hidden|veryHidden)$/.test(attr(tag, 'state') ?? ''),
    rid: attr(tag, 'r:id') ?? attr(tag, '\\w+:id') ?? '',
  }));
}

function relationshipTargets(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<Relationship\s[^>]*>/g)].map(([tag]) => [attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '']));
}

/** "worksheets/sheet1.xml" is relative to xl/; "/xl/worksheets/sheet1.xml" to the root. */
const resolveTarget = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/** Merged ranges and hidden rows, from the sheet's XML as it inflates (tags cut by a chunk end are carried over). */
async function scanSheet(part: unzipper.File): Promise<Pick<XlsxLayout, 'merges' | 'hiddenRows'>> {
  const merges: MergedRange[] = [];
  const hiddenRows: number[] = [];
  const decoder = new TextDecoder('utf-8');
  let carry = '', seen = 0;
  for await (const chunk of part.stream() as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > XLSX_MAX_UNPACKED_BYTES) throw rejectFile('The Excel sheet unpacks to more than a station list can be: save only the stations, or as CSV.');
    const text = carry + decoder.decode(chunk, { stream: true });
    const cut = Math.max(0, text.lastIndexOf('<'));
    scanTags(text.slice(0, cut), merges, hiddenRows);
    carry = text.slice(cut);
  }
  scanTags(carry + decoder.decode(), merges, hiddenRows);
  return { merges, hiddenRows };
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
