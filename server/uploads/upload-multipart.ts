import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { badRequest } from '../errors.js';
import { isProcessRunning } from '../process-running.js';
import { fileTooLarge, inLanguage } from './upload-messages.js';

/** More than the form needs (operator, mode, sheet), few enough that a form is never a flood. */
export const MAX_FORM_FIELDS = 20;
const MAX_FIELD_CHARS = 2000;

export interface ReceivedFile {
  path: string;
  fileName: string;
  /** Bytes received: the denominator of the reading progress. */
  bytes: number;
  fields: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * Spools the multipart upload's one file to a temporary file (never into memory), stopping
 * at `maxBytes`. The caller must `cleanup()`. What busboy would drop or cut without a word (a
 * field past the limit, a second file, a field sent twice or too long) is a 400 instead: a
 * dropped `operator` would otherwise surface as a puzzling "expected string".
 */
export async function receiveUpload(req: Request, maxBytes: number): Promise<ReceivedFile> {
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: MAX_FORM_FIELDS, fieldSize: MAX_FIELD_CHARS }, defParamCharset: 'utf8' });
  } catch (err) {
    throw badRequest(`Send the file as multipart/form-data with a "file" part: ${(err as Error).message}`);
  }
  const dir = await mkdtemp(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload.bin');
  const fields: Record<string, string> = Object.create(null); // a field named __proto__ stays a field
  let fileName: string | undefined;
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let writing: Promise<void> = Promise.resolve();
      const fail = (err: Error) => { req.unpipe(bb); req.resume(); reject(err); };
      bb.on('field', (rawName, value, info) => {
        const name = rawName.slice(0, 100);
        if (info.valueTruncated) return fail(badRequest(`form field "${name}" is longer than ${MAX_FIELD_CHARS} characters`));
        if (Object.hasOwn(fields, name)) return fail(badRequest(`form field "${name}" is sent more than once`));
        fields[name] = value;
      });
      bb.on('fieldsLimit', () => fail(badRequest(`too many form fields: at most ${MAX_FORM_FIELDS}`, { maxFields: MAX_FORM_FIELDS })));
      bb.on('filesLimit', () => fail(badRequest('Send one file per upload: this form has more than one file part')));
      bb.on('file', (name, stream, info) => {
        if (name !== 'file') {
          stream.resume();
          return fail(badRequest(`Send the file in a multipart part named "file", not "${name.slice(0, 100)}"`));
        }
        fileName = info.filename || 'upload';
        const out = createWriteStream(path);
        writing = new Promise((res, rej) => { out.on('finish', () => res()); out.on('error', rej); });
        // Said in the form's language when its `lang` came before the file (the page sends it first).
        stream.on('limit', () => fail(inLanguage(fileTooLarge('too_many_bytes', { max: maxBytes }, { maxBytes }), fields.lang === 'vi' ? 'vi' : 'en') as Error));
        // A body that ends inside the file part (no closing boundary) errors the file stream:
        // unheard, that error would end the process.
        stream.on('error', (err) => fail(badRequest(`The upload was cut or malformed: ${err.message}`)));
        stream.on('data', (chunk: Buffer) => { bytes += chunk.length; });
        stream.pipe(out);
      });
      bb.on('error', (err) => fail(badRequest(`The upload was cut or malformed: ${(err as Error).message}`)));
      bb.on('close', () => { writing.then(resolve, reject); });
      req.on('aborted', () => fail(badRequest('The upload was aborted')));
      req.pipe(bb);
    });
    if (fileName === undefined) throw badRequest('No file: send it in a multipart part named "file"');
    return { path, fileName, bytes, fields, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

const SPOOL_PREFIX = 'planner-upload-';

/**
 * Removes the spool folders of processes that ended without cleaning up (killed during an
 * upload): each holds an operator's whole station file. A folder is named after its process;
 * one without a pid (older versions) goes once it is a day old. Returns how many were removed.
 */
export async function removeStaleSpools(dir = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(SPOOL_PREFIX)) continue;
    const pid = /^planner-upload-(\d+)-/.exec(name)?.[1];
    const path = join(dir, name);
    const stale = pid ? !isProcessRunning(Number(pid)) : Date.now() - (await stat(path)).mtimeMs > 86_400_000;
    if (stale) {
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

