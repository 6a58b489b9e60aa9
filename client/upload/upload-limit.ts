import { ApiError } from './upload-api.js';

/**
 * The largest file one upload takes. The server does not publish it yet: the page starts from
 * its documented default (UPLOAD_MAX_BYTES, 50 MB) and learns the real figure from a 413,
 * whose details carry it. Checked before sending, since the browser knows the file's size.
 */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
let maxBytes = DEFAULT_MAX_BYTES;

export function uploadMaxBytes(): number {
  return maxBytes;
}

/** Takes the limit from a 413 (details.maxBytes, or details.params.max); true when it found one. */
export function learnUploadLimit(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.status !== 413) return false;
  const d = (err.details ?? {}) as { maxBytes?: unknown; reason?: unknown; params?: { max?: unknown } };
  const found = typeof d.maxBytes === 'number' ? d.maxBytes : d.reason === 'too_many_bytes' && typeof d.params?.max === 'number' ? d.params.max : null;
  if (found === null || !Number.isFinite(found) || found <= 0) return false;
  maxBytes = found;
  return true;
}
