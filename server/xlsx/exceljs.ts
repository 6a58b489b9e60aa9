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
 * below is that file with one change, a TextDecoder per entry in stream mode, and it goes into
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
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
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
