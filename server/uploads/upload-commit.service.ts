import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
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
    if (!first) throw notFound(`Upload ${id}`, { id });
    // Operator first, then the upload: every path takes the locks in this order, so none deadlock.
    await lockOperator(trx, first.operatorId);
    const upload = await findUploadForUpdate(trx, id);
    if (!upload) throw notFound(`Upload ${id}`, { id });
    return work(trx, upload);
  });
}

/**
 * Applies a preview in one transaction: all of it or none of it. Refused when the preview is
 * not open any more or when the operator's stations changed since it was made (stale).
 */
export async function commitUpload(db: Kysely<DB>, id: number, by: string, onProgress?: (p: UploadProgress) => void): Promise<UploadView> {
  const operatorId = await withLockedUpload(db, id, async (trx, upload) => {
    assertOpenPreview(upload);
    assertReplaceIsClean(upload);
    const version = await readOperatorVersion(trx, upload.operatorId);
    if (version !== Number(upload.baseVersion)) {
      throw new AppError(409, 'stale_preview',
        `The stations of ${upload.operator} changed after this preview was made (another upload, a rollback or an edit). Upload the file again to see a fresh preview, then commit that one.`,
        { previewVersion: Number(upload.baseVersion), currentVersion: version });
    }
    // Set-based, straight from the saved plan: nothing of it passes through this process.
    const total = Number(upload.counts.create) + Number(upload.counts.update) + Number(upload.counts.decommission);
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
  throw new AppError(409, 'replace_with_errors',
    `A replace applies only a file without errors, as it decommissions every station the file leaves out: ${errorRows.toLocaleString('en')} row${errorRows > 1 ? 's are' : ' is'} in error. ` +
      'Fix them and upload the file again, or upload it in merge mode (add and update only).',
    { errorRows, decommission: Number(upload.counts.decommission) });
}

function assertOpenPreview(upload: UploadRow, action: 'commit' | 'discard' = 'commit'): void {
  if (upload.state === 'previewed') return;
  const { id } = upload;
  if (upload.state === 'discarded' && upload.supersededBy !== null) {
    throw new AppError(409, 'stale_preview',
      `The stations of ${upload.operator} changed after this preview was made (upload ${upload.supersededBy}): it was set aside. Upload the file again to see a fresh preview, then commit that one.`,
      { supersededBy: Number(upload.supersededBy), previewVersion: Number(upload.baseVersion) });
  }
  const was = { committed: 'already committed', rolled_back: 'already rolled back', discarded: 'discarded' }[upload.state];
  const next = action === 'discard' && upload.state === 'committed' ? 'only an open preview can be discarded (a rollback undoes a commit)'
    : 'upload the file again for a new preview';
  throw new AppError(409, 'not_a_preview', `Upload ${id} is ${was}; ${next}.`, { state: upload.state });
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
  const operatorId = await withLockedUpload(db, id, async (trx, upload) => {
    if (upload.state !== 'committed') {
      const was = { previewed: 'only a preview (never committed)', rolled_back: 'already rolled back', discarded: 'a discarded preview (never committed)', committed: '' }[upload.state];
      throw new AppError(409, 'not_committed', `Upload ${id} is ${was}: there is nothing to roll back.`, { state: upload.state });
    }
    const seq = { id, operatorId: upload.operatorId, commitSeq: Number(upload.commitSeq) };
    const later = await findLaterConflicts(trx, seq);
    const changed = await findChangedSince(trx, seq);
    const total = later.stations + changed.total;
    if (total > 0) {
      const { uploads } = later;
      const parts = [
        ...(uploads.length ? [`${later.stations.toLocaleString('en')} by upload${uploads.length > 1 ? 's' : ''} ${uploads.join(', ')}: roll ${uploads.length > 1 ? 'those' : 'that one'} back first`] : []),
        ...(changed.total ? [`${changed.total.toLocaleString('en')} outside uploads`] : []),
      ];
      const capped = later.listed.length < later.stations || changed.stations.length < changed.total;
      throw new AppError(409, 'rollback_conflict',
        `Upload ${id} cannot be rolled back: ${total.toLocaleString('en')} of its stations changed again since (${parts.join('; ')}).` +
          (capped ? ' The first 1,000 of each kind are listed.' : ''),
        { laterUploads: later.listed, changedSince: changed.stations, laterUploadIds: uploads, totals: { laterUploads: later.stations, changedSince: changed.total } });
    }
    await deleteCreatedStations(trx, id, upload.operatorId);
    await writeUploadStations(trx, { uploadId: id, operatorId: upload.operatorId, restoreBefore: true });
    await markRolledBack(trx, id, by);
    await supersedeStale(trx, upload.operatorId, id);
    return upload.operatorId;
  });
  await deleteDiscardedChanges(db, operatorId);
  return getUpload(db, id);
}
