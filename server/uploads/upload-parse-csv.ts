import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { unreadableFile } from './upload-messages.js';
import type { TableRow } from './upload-source.js';

const SNIFF_BYTES = 64 * 1024;
/** Longer than any sane row; stops an unclosed quote from buffering the whole file. */
const MAX_RECORD_CHARS = 256 * 1024;

/** Comma or semicolon (Excel in a Vietnamese locale writes `;`): whichever the header line has more of, outside quotes. */
export async function sniffDelimiter(path: string): Promise<',' | ';'> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    let commas = 0, semis = 0, quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r') && commas + semis > 0) break;
      else if (!quoted && ch === ',') commas++;
      else if (!quoted && ch === ';') semis++;
    }
    return semis > commas ? ';' : ',';
  } finally {
    await handle.close();
  }
}

/** Streams the records of a CSV file (UTF-8, BOM or not, CRLF or LF, quoted fields). */
export async function* readCsvRows(path: string, onBytes?: (n: number) => void): AsyncGenerator<TableRow> {
  const delimiter = await sniffDelimiter(path);
  const input = createReadStream(path);
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const parser = parse({
    bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS, info: true,
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let line = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      line = info.lines;
      yield { rowNumber: line, cells: record };
    }
  } catch (err) {
    throw unreadableFile('csv_unreadable', { line, detail: (err as Error).message }, { line });
  } finally {
    input.destroy();
    parser.destroy();
  }
}
