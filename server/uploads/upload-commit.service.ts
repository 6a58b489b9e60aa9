import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { analyzeAfterWrite } from '../db/maintenance.js';
import { refusal } from './upload-messages.js';
import {
  createUploadStations, deleteCreatedStations, findChangedSince, lockOperator, readOperatorVersion, writeUploadStations,
} from './upload-stations.repository.js';
import {
  deleteDiscardedChanges, findLaterConflicts, findUpload, findUploadForUpdate, markCommitted, markDiscarded, markRolledBack,
  supersedeStalePreviews, type UploadRow,
} from './uploads.repository.js';
import { getUpload, type UploadProgress, type UploadView } from './uploads.service.js';

/** Opens the transaction, takes the operator's lock, then re-reads the upload under it. */
async function withLockedUpload<T>(db: Kysely<DB>, id: number, work: (trx: Transaction<DB>, u: UploadRow) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const first = await findUpload(trx, id);
    if (!first) throw refusal(404, 'not_found', 'upload_not_found', { id }, { id });
    // Operator first, then the upload: every path takes the locks in this order, so none deadlock.
    await lockOperator(trx, first.operatorId);
    const upload = await findUploadForUpdate(trx, id);
    if (!upload) throw refusal(404, 'not_found', 'upload_not_found', { id }, { id });
    return work(trx, upload);
  });
}

/**
 * Applies a preview in one transaction: all of it or none of it. Refused when the preview is
 * not open any more or when the operator's stations changed since it was made (stale).
 */
export async function commitUpload(db: Kysely<DB>, id: number, by: string, onProgress?: (p: UploadProgress) => void): Promise<UploadView> {
  let written = 0;
  const operatorId = await withLockedUpload(db, id, async (trx, upload) => {
    assertOpenPreview(upload);
    assertReplaceIsClean(upload);
    const version = await readOperatorVersion(trx, upload.operatorId);
    if (version !== Number(upload.baseVersion)) {
      throw refusal(409, 'stale_preview', 'stale_preview', { operator: upload.operator },
        { previewVersion: Number(upload.baseVersion), currentVersion: version });
    }
    // Set-based, straight from the saved plan: nothing of it passes through this process.
    const total = Number(upload.counts.create) + Number(upload.counts.update) + Number(upload.counts.decommission);
    written = total;
    onProgress?.({ phase: 'writing', done: 0, total });
    const created = await createUploadStations(trx, { uploadId: id, operatorId: upload.operatorId });
    onProgress?.({ phase: 'writing', done: created, total });
    await writeUploadStations(trx, { uploadId: id, operatorId: upload.operatorId, restoreBefore: false });
    onProgress?.({ phase: 'writing', done: total, total });
    await markCommitted(trx, id, by);
    await supersedeStale(trx, upload.operatorId, id);
    return upload.operatorId;
  });
  // After the commit, on its own: what the set-aside previews planned is not needed any more.
  await deleteDiscardedChanges(db, operatorId);
  await analyzeAfterWrite(db, written);
  return getUpload(db, id);
}

/**
 * Discards an open preview: it can no longer be committed; its record and report stay, its
 * planned changes go. Nothing in the stations changes.
 */
export async function discardUpload(db: Kysely<DB>, id: number, by: string): Promise<UploadView> {
  const operatorId = await withLockedUpload(db, id, async (trx, upload) => {
    assertOpenPreview(upload, 'discard');
    await markDiscarded(trx, id, by);
    return upload.operatorId;
  });
  await deleteDiscardedChanges(db, operatorId);
  return getUpload(db, id);
}

/**
 * Replace treats the file as the operator's whole list and decommissions what it leaves out: a
 * row in error may be a station the list means to keep (its code unreadable, its row another
 * operator's, a wrong column…). So a replace is committed only from a file without errors.
 */
function assertReplaceIsClean(upload: UploadRow): void {
  const errorRows = Number(upload.counts.errorRows);
  if (upload.mode !== 'replace' || errorRows === 0) return;
  throw refusal(409, 'replace_with_errors', 'replace_with_errors', { rows: errorRows }, { errorRows, decommission: Number(upload.counts.decommission) });
}

function assertOpenPreview(upload: UploadRow, action: 'commit' | 'discard' = 'commit'): void {
  if (upload.state === 'previewed') return;
  const { id } = upload;
  if (upload.state === 'discarded' && upload.supersededBy !== null) {
    throw refusal(409, 'stale_preview', 'stale_preview', { kind: 'superseded', operator: upload.operator, by: Number(upload.supersededBy) },
      { supersededBy: Number(upload.supersededBy), previewVersion: Number(upload.baseVersion) });
  }
  const kind = action === 'discard' && upload.state === 'committed' ? 'discard_committed' : upload.state;
  throw refusal(409, 'not_a_preview', 'not_a_preview', { kind, id }, { state: upload.state });
}

/** After a write to the operator's stations, its previews made before are stale for good: set them aside. */
async function supersedeStale(trx: Transaction<DB>, operatorId: number, byUpload: number): Promise<void> {
  const version = await readOperatorVersion(trx, operatorId);
  await supersedeStalePreviews(trx, { operatorId, version, byUpload });
}

/**
 * Puts back every station the upload changed exactly as it was before. Refused, listing the
 * stations, when a later upload still committed changed them, or anything else did since.
 */
export async function rollbackUpload(db: Kysely<DB>, id: number, by: string): Promise<UploadView> {
  let written = 0;
  const operatorId = await withLockedUpload(db, id, async (trx, upload) => {
    if (upload.state !== 'committed') {
      throw refusal(409, 'not_committed', 'not_committed', { kind: upload.state, id }, { state: upload.state });
    }
    const seq = { id, operatorId: upload.operatorId, commitSeq: Number(upload.commitSeq) };
    const later = await findLaterConflicts(trx, seq);
    const changed = await findChangedSince(trx, seq);
    const total = later.stations + changed.total;
    if (total > 0) {
      const { uploads } = later;
      const kind = !uploads.length ? 'outside' : changed.total ? undefined : uploads.length > 1 ? 'later_many' : 'later';
      // The details list the first 1,000 of each kind (`capped`); `totals` count them all.
      const capped = later.listed.length < later.stations || changed.stations.length < changed.total;
      throw refusal(409, 'rollback_conflict', 'rollback_conflict',
        { ...(kind ? { kind } : {}), id, total, later: later.stations, outside: changed.total, uploads: uploads.map(String) },
        { laterUploads: later.listed, changedSince: changed.stations, laterUploadIds: uploads, totals: { laterUploads: later.stations, changedSince: changed.total }, capped });
    }
    await deleteCreatedStations(trx, id, upload.operatorId);
    await writeUploadStations(trx, { uploadId: id, operatorId: upload.operatorId, restoreBefore: true });
    await markRolledBack(trx, id, by);
    await supersedeStale(trx, upload.operatorId, id);
    written = Number(upload.counts.create) + Number(upload.counts.update) + Number(upload.counts.decommission);
    return upload.operatorId;
  });
  await deleteDiscardedChanges(db, operatorId);
  await analyzeAfterWrite(db, written);
  return getUpload(db, id);
}
