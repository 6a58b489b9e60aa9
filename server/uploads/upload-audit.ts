import type { Request, Response } from 'express';
import { clientIp, viewerOf } from '../auth/access.middleware.js';
import { audit } from '../auth/auth.service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import type { UploadView } from './uploads.service.js';

export type UploadAction = 'upload_preview' | 'upload_commit' | 'upload_rollback' | 'upload_discard';

/**
 * Refusals the trail keeps, with the outcome the auth code gives the same kind of thing:
 * 'denied' when the account may not act (as access.middleware.ts records a refused role),
 * 'failure' when it may but the upload's state says no (as a wrong password is a failure).
 * Bad input (400), unreadable files (422) and unknown ids (404) are not events of anyone's data.
 */
const OUTCOMES: ReadonlyMap<string, 'denied' | 'failure'> = new Map([
  ['forbidden', 'denied'],
  ['stale_preview', 'failure'],
  ['not_a_preview', 'failure'],
  ['not_committed', 'failure'],
  ['rollback_conflict', 'failure'],
  ['replace_with_errors', 'failure'],
]);

function summarise(u: UploadView) {
  return { uploadId: u.id, operator: u.operator, fileName: u.fileName, sha256: u.sha256, mode: u.mode, format: u.format, rows: u.rows, counts: u.counts };
}

/** What a refusal said, kept small: a rollback conflict lists the stations, the trail keeps how many and which uploads. */
function refusalDetails(err: AppError): Record<string, unknown> {
  const d = err.details as Record<string, unknown> | null | undefined;
  if (err.code === 'rollback_conflict' && d) {
    const later = (d.laterUploads ?? []) as { uploadId: number }[];
    const since = (d.changedSince ?? []) as unknown[];
    // Where the lists are capped (the first 1,000 of each), `totals` and `laterUploadIds` carry the whole count.
    const totals = d.totals as { laterUploads: number; changedSince: number } | undefined;
    return {
      conflicts: totals ? totals.laterUploads + totals.changedSince : later.length + since.length,
      laterUploads: (d.laterUploadIds as number[] | undefined) ?? [...new Set(later.map((c) => c.uploadId))],
    };
  }
  return d && typeof d === 'object' && !Array.isArray(d) ? d : {};
}

/** Who acts, as the trail records it: an account (session or token), or the CLI's OS user. */
export interface TrailActor { userId: number | null; actor: string; ip: string | null; via: string }

/**
 * The audit trail of one upload action. `guard` records a refusal of a check made before the
 * work; `run` records the work's refusal or its success with the upload's summary. A failed
 * write to the trail is logged and never changes the answer: the data change it would
 * describe has happened (or not) either way.
 */
export function actionTrail(db: AppContext['db'], who: TrailActor, action: UploadAction, attempt: Record<string, unknown>, log: (e: unknown) => void) {
  const { via, ...base } = who;
  const record = (outcome: 'success' | 'failure' | 'denied', details: Record<string, unknown>) =>
    audit(db, { ...base, action, outcome, details: { via, ...details } }).catch(log);
  const refused = async (err: unknown) => {
    const outcome = err instanceof AppError ? OUTCOMES.get(err.code) : undefined;
    if (outcome) await record(outcome, { ...attempt, reason: (err as AppError).code, ...refusalDetails(err as AppError) });
  };
  return {
    async guard(check: () => Promise<void> | void): Promise<void> {
      try { await check(); } catch (err) { await refused(err); throw err; }
    },
    async run(work: () => Promise<UploadView>): Promise<UploadView> {
      let upload: UploadView;
      try { upload = await work(); } catch (err) { await refused(err); throw err; }
      await record('success', summarise(upload));
      return upload;
    },
  };
}

/** The trail of an action by the signed-in account (session or API token) of an API request. */
export function uploadTrail(ctx: AppContext, req: Request, res: Response, action: UploadAction, attempt: Record<string, unknown>) {
  const viewer = viewerOf(res);
  const who = { userId: viewer.user?.id ?? null, actor: viewer.user?.username ?? 'anonymous', ip: clientIp(req), via: viewer.via };
  return actionTrail(ctx.db, who, action, attempt, ctx.log);
}
