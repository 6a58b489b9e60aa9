import { ApiError, uploadApi } from './upload-api.js';

/**
 * The largest file one upload takes, as the server says (GET /api/uploads/limits) when the page
 * starts; until then, or if it cannot be read, its documented default (UPLOAD_MAX_BYTES, 50 MB),
 * corrected by a 413, whose details carry it. Checked before sending: the browser knows the size.
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

/** Asks the server for its limit; keeps the one known if the answer is not usable. */
export async function loadUploadLimit(): Promise<void> {
  try {
    const { maxBytes: max } = await uploadApi.limits();
    if (typeof max === 'number' && Number.isFinite(max) && max > 0) maxBytes = max;
  } catch {
    // The default stays; a 413 still teaches the real limit.
  }
}
