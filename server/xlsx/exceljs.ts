import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type ExcelJSModule from 'exceljs';

/*
 * ExcelJS 4.4.0, with its streaming reader's UTF-8 decoding fixed. Import ExcelJS from here,
 * never from 'exceljs': the fix must be in place before ExcelJS loads.
 *
 * The bug (exceljs/exceljs#2084, #2316, PR #1665, all open): lib/utils/parse-sax.js decodes
 * each chunk of a zip entry on its own, so a multi-byte character split across two chunks
 * ("ạ" is 3 bytes) comes out as two U+FFFD. Which cells it hits depends on byte offsets: a
 * Vietnamese workbook gets a few "not UTF-8" names at random, or a garbled header. The module
 * below is that file with a TextDecoder per entry in stream mode (and the error cells below), and it goes into
 * the CommonJS module cache under parse-sax's own path, so ExcelJS's readers require it.
 */
const require = createRequire(import.meta.url);
const excelMain = require.resolve('exceljs');
const excelRequire = createRequire(excelMain);
const parseSaxPath = join(dirname(excelMain), 'lib/utils/parse-sax.js');

if (excelRequire.cache[parseSaxPath]) {
  throw new Error('exceljs was loaded before server/xlsx/exceljs.ts: import ExcelJS from that module only');
}
const { SaxesParser } = excelRequire('saxes') as typeof import('saxes');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (err) => { error = err; });
  let events: SaxEvent[] = [];
  // A formula cell showing an error (<c t="e"><f>1/0</f><v>#DIV/0!</v></c>): ExcelJS reads a
  // formula's result with parseFloat, and the error is lost (NaN). Without its <f> the cell is
  // read as the error it shows. Only worksheet cells have t="e".
  let errorCell = false, inFormula = false;
  parser.on('opentag', (value) => {
    if (value.name === 'c') errorCell = value.attributes.t === 'e';
    else if (errorCell && value.name === 'f') inFormula = true;
    if (!inFormula) events.push({ eventType: 'opentag', value });
  });
  parser.on('text', (value) => { if (!inFormula) events.push({ eventType: 'text', value }); });
  parser.on('closetag', (value) => {
    if (inFormula) {
      if (value.name === 'f') inFormula = false;
      return;
    }
    if (value.name === 'c') errorCell = false;
    events.push({ eventType: 'closetag', value });
  });
  const decoder = new TextDecoder('utf-8');
  const feed = (text: string) => {
    parser.write(text);
    if (error) throw error;
    const out = events;
    events = [];
    return out;
  };
  for await (const chunk of iterable) yield feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  const rest = decoder.decode();
  if (rest) yield feed(rest);
}

const entry = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(parseSaxPath);
entry.filename = parseSaxPath;
entry.exports = parseSax;
entry.loaded = true;
excelRequire.cache[parseSaxPath] = entry;

const ExcelJS = excelRequire('exceljs') as typeof ExcelJSModule;
export default ExcelJS;

/** The parts of a workbook one sheet needs, each a fresh stream of its inflated XML. */
export interface SheetParts {
  workbook: () => NodeJS.ReadableStream;
  sheet: () => AsyncIterable<Buffer>;
  sharedStrings: (() => NodeJS.ReadableStream) | null;
  styles: (() => NodeJS.ReadableStream) | null;
}

interface StreamingWorkbook {
  options: Record<string, string>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
}
type WorksheetReaderClass = new (o: { workbook: StreamingWorkbook; id: number; iterator: AsyncIterable<unknown>; options: Record<string, string> }) =>
  AsyncIterable<ExcelJSModule.Row>;
const WorksheetReader = excelRequire(join(dirname(excelMain), 'lib/stream/xlsx/worksheet-reader.js')) as WorksheetReaderClass;

/**
 * The rows of one sheet, read with ExcelJS's streaming parsers from the parts given, not from
 * the zip in entry order as its WorkbookReader does. That reader finds a sheet's name only
 * when the relationship's target is written "worksheets/sheetN.xml" (openpyxl, and so pandas,
 * writes "/xl/worksheets/sheetN.xml": every sheet came out nameless, so unread), needs the
 * part named sheetN.xml, and writes every sheet that precedes the shared strings in the zip
 * to a temporary file, left behind when the reading stops early. Here the workbook (its date
 * system), shared strings and styles are read first, then the one sheet streams.
 */
export async function* readSheetRows(parts: SheetParts): AsyncGenerator<ExcelJSModule.Row> {
  const options = { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as const;
  const book = new ExcelJS.stream.xlsx.WorkbookReader(null as unknown as string, options) as unknown as StreamingWorkbook;
  await book._parseWorkbook(parts.workbook());
  if (parts.sharedStrings) for await (const _ of book._parseSharedStrings(parts.sharedStrings())) { /* cached on the workbook */ }
  if (parts.styles) await book._parseStyles(parts.styles());
  // Stopping early returns through the reader to the sheet's stream, which closes.
  yield* new WorksheetReader({ workbook: book, id: 1, iterator: parts.sheet(), options: book.options });
}
