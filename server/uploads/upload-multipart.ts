import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { AppError, badRequest } from '../errors.js';
import { formatBytes } from './uploads.service.js';

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
 * at `maxBytes`. The caller must `cleanup()`.
 */
export async function receiveUpload(req: Request, maxBytes: number): Promise<ReceivedFile> {
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 2000 }, defParamCharset: 'utf8' });
  } catch (err) {
    throw badRequest(`Send the file as multipart/form-data with a "file" part: ${(err as Error).message}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'planner-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload.bin');
  const fields: Record<string, string> = {};
  let fileName: string | undefined;
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let writing: Promise<void> = Promise.resolve();
      const fail = (err: Error) => { req.unpipe(bb); req.resume(); reject(err); };
      bb.on('field', (name, value) => { fields[name] = value; });
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || fileName !== undefined) return void stream.resume();
        fileName = info.filename || 'upload';
        const out = createWriteStream(path);
        writing = new Promise((res, rej) => { out.on('finish', () => res()); out.on('error', rej); });
        stream.on('limit', () => fail(new AppError(413, 'upload_too_large',
          `The file is larger than ${formatBytes(maxBytes)}, the most one upload takes (UPLOAD_MAX_BYTES). Split it into several files.`, { maxBytes })));
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
