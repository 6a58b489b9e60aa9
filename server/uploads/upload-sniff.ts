import { open } from 'node:fs/promises';

/** The first `n` bytes of a file (fewer if it is shorter). */
export async function readHead(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export type Content = 'zip' | 'ole2' | 'json' | 'text' | 'binary';

const SNIFF_BYTES = 4096;

/**
 * What a file holds, from its first bytes, whatever its name says: a zip (xlsx, ods, a zipped
 * shapefile), an old .xls (OLE2), JSON, text (CSV in any encoding) or something else.
 */
export async function sniffContent(path: string): Promise<Content> {
  const head = await readHead(path, SNIFF_BYTES);
  if (head.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'zip';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) return 'ole2';
  const text = head.toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart();
  if (text.startsWith('{')) return 'json';
  return looksLikeText(head) ? 'text' : 'binary';
}

/**
 * UTF-16 with its BOM, or bytes without NUL and with hardly any other control codes: text in
 * UTF-8 or a legacy code page alike (the CSV reader says later whether it is UTF-8).
 */
function looksLikeText(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  return controls <= head.length / 100;
}
