import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { viewerOf } from '../auth/access.middleware.js';
import { assertOwnOperator, scopeUploadList } from '../auth/station-scope.js';
import { AppError } from '../errors.js';
import { acceptsNdjson, streamNdjson, throttle, type SendLine } from '../http/ndjson.js';
import { noQuery } from '../http/params.schemas.js';
import { uploadTrail, type UploadAction } from './upload-audit.js';
import { issueReportCsv } from './upload-issue-report.js';
import { inLanguage } from './upload-messages.js';
import { rollbackUpload, commitUpload, discardUpload } from './upload-commit.service.js';
import { receiveUpload } from './upload-multipart.js';
import { detectFormat } from './upload-read.js';
import { buildTemplateCsv, buildTemplateXlsx } from './upload-templates.js';
import { findChanges, findIssuePage, listUploads } from './uploads.repository.js';
import {
  changesQuery, issuesQuery, langQuery, templateParams, uploadActionBody, uploadFields, uploadIdParams, uploadsListQuery,
} from './uploads.schemas.js';
import { getUpload, previewUpload, resolveUploadOperator, toUploadView, type UploadProgress } from './uploads.service.js';

/** Reading progress every 2,000 rows is far more than a bar needs: at most 5 lines a second. */
const PROGRESS_EVERY_MS = 200;

/** Who acts: the signed-in account (session or API token). The policy already refused anonymous callers. */
function actorOf(res: Response): string {
  const user = viewerOf(res).user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Sign in to use this. / Hãy đăng nhập để sử dụng chức năng này.');
  return user.username;
}

/** Progress as stream lines; each new phase goes out at once, reading is throttled. */
function progressLines(send: SendLine, bytes: number): (p: UploadProgress) => void {
  const reading = throttle((p: UploadProgress) => send({ type: 'progress', ...p }), PROGRESS_EVERY_MS);
  reading({ phase: 'reading', rows: 0, bytes: 0, totalBytes: bytes });
  return (p) => (p.phase === 'reading' ? reading(p) : send({ type: 'progress', ...p }));
}

export function uploadsRoutes(ctx: AppContext): Router {
  const router = Router();
  const deps = { db: ctx.db, config: ctx.config };

  router.get('/uploads/templates/:lang.:ext', async (req, res) => {
    const { lang, ext } = templateParams.parse(req.params);
    noQuery.parse(req.query);
    const name = `stations-template-${lang}.${ext}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (ext === 'csv') res.type('text/csv; charset=utf-8').send(buildTemplateCsv(lang));
    else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildTemplateXlsx(lang));
  });

  // What one upload may be, for the page to say before a file is sent (and to refuse one too large there).
  router.get('/uploads/limits', (req, res) => {
    noQuery.parse(req.query);
    res.json({ maxBytes: ctx.config.uploadMaxBytes, maxRows: ctx.config.uploadMaxRows });
  });

  router.post('/uploads', async (req, res) => {
    const asked = langQuery.parse(req.query).lang;
    // A file too large is refused while it arrives, maybe before the form's `lang`: the query's says it.
    const file = await receiveUpload(req, ctx.config.uploadMaxBytes).catch((err: unknown) => { throw asked ? inLanguage(err, asked) : err; });
    try {
      const f = { ...uploadFields.parse(file.fields), ...(asked ? { lang: asked } : {}) };
      const trail = uploadTrail(ctx, req, res, 'upload_preview', { operator: f.operator, fileName: file.fileName, bytes: file.bytes, mode: f.mode });
      // Before any answer starts: a wrong operator is a plain 400/403 on the stream too.
      await trail.guard(async () => assertOwnOperator(viewerOf(res), (await resolveUploadOperator(ctx.db, f.operator)).id));
      // A sheet names a tab of a workbook: with a CSV or GeoJSON file it means nothing, so it is not kept.
      const sheet = f.sheet !== undefined && (await detectFormat(file.path, file.fileName)) === 'xlsx' ? f.sheet : undefined;
      const input = { path: file.path, fileName: file.fileName, operator: f.operator, mode: f.mode, sheet, uploadedBy: actorOf(res), actor: viewerOf(res) };
      const preview = (onProgress?: (p: UploadProgress) => void) =>
        previewUpload(deps, input, onProgress).catch((err: unknown) => { throw inLanguage(err, f.lang); });
      if (!acceptsNdjson(req)) {
        res.status(201).json(await trail.run(() => preview()));
        return;
      }
      await streamNdjson(res, ctx.log, (send) => trail.run(() => preview(progressLines(send, file.bytes))),
        (upload) => ({ type: 'result', status: 201, upload }));
    } finally {
      await file.cleanup();
    }
  });

  router.get('/uploads', async (req, res) => {
    const q = uploadsListQuery.parse(req.query);
    const operatorId = scopeUploadList(viewerOf(res), q.operator ? (await resolveUploadOperator(ctx.db, q.operator)).id : undefined);
    const rows = await listUploads(ctx.db, { operatorId, beforeId: q.before, limit: q.limit });
    const last = rows[rows.length - 1];
    res.json({ uploads: rows.map(toUploadView), nextBefore: rows.length === q.limit && last ? last.id : null });
  });

  router.get('/uploads/:id', async (req, res) => {
    const { id } = uploadIdParams.parse(req.params);
    noQuery.parse(req.query);
    res.json(await getUpload(ctx.db, id, viewerOf(res)));
  });

  router.get('/uploads/:id/errors', async (req, res) => {
    const { id } = uploadIdParams.parse(req.params);
    const q = issuesQuery.parse(req.query);
    await getUpload(ctx.db, id, viewerOf(res));
    if (q.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="upload-${id}-errors.csv"`);
      for await (const chunk of issueReportCsv(ctx.db, id, q)) res.write(chunk);
      res.end();
      return;
    }
    const { rows, total } = await findIssuePage(ctx.db, id, { ...q, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    res.json({ page: q.page, pageSize: q.pageSize, total, issues: rows.map(({ seq: _s, ...r }) => r) });
  });

  router.get('/uploads/:id/changes', async (req, res) => {
    const { id } = uploadIdParams.parse(req.params);
    const q = changesQuery.parse(req.query);
    await getUpload(ctx.db, id, viewerOf(res));
    const changes = await findChanges(ctx.db, id, { action: q.action, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    res.json({ page: q.page, pageSize: q.pageSize, changes });
  });

  // Commit, rollback and discard: the same checks, one audited action each.
  const actions = { commit: commitUpload, rollback: rollbackUpload, discard: discardUpload } as const;
  for (const [name, act] of Object.entries(actions)) {
    router.post(`/uploads/:id/${name}`, async (req, res) => {
      const { id } = uploadIdParams.parse(req.params);
      const { lang } = langQuery.parse(req.query);
      uploadActionBody.parse(req.body ?? {});
      res.json(await uploadTrail(ctx, req, res, `upload_${name}` as UploadAction, { uploadId: id }).run(async () => {
        await getUpload(ctx.db, id, viewerOf(res)); // another operator's upload: 403 before anything is locked or written
        return act(ctx.db, id, actorOf(res));
      }).catch((err: unknown) => { throw inLanguage(err, lang ?? 'en'); }));
    });
  }
  return router;
}
