import { Router, type Request } from 'express';
import type { AppContext } from '../context.js';
import { viewerOf } from '../auth/access.middleware.js';
import { scopeUploadList } from '../auth/station-scope.js';
import { csvLine } from '../http/csv.js';
import { rollbackUpload, commitUpload } from './upload-commit.service.js';
import { receiveUpload } from './upload-multipart.js';
import { buildTemplateCsv, buildTemplateXlsx } from './upload-templates.js';
import { findChanges, findIssuePage, listUploads } from './uploads.repository.js';
import {
  changesQuery, issuesQuery, templateParams, uploadActionBody, uploadFields, uploadIdParams, uploadsListQuery,
} from './uploads.schemas.js';
import { getUpload, previewUpload, resolveUploadOperator, toUploadView } from './uploads.service.js';

const CSV_PAGE = 5000;
/** Who acts: the form/body field, else the X-Uploaded-By header (percent-encoded UTF-8, as headers are Latin-1). */
function whoFrom(req: Request, given: string | undefined, account?: string): string {
  if (given) return given;
  const raw = req.get('x-uploaded-by') ?? '';
  let text = raw;
  try { text = decodeURIComponent(raw); } catch { /* not encoded: keep as sent */ }
  return text.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 100) || account || 'anonymous';
}

export function uploadsRoutes(ctx: AppContext): Router {
  const router = Router();
  const deps = { db: ctx.db, config: ctx.config };

  router.get('/uploads/templates/:lang.:ext', async (req, res) => {
    const { lang, ext } = templateParams.parse(req.params);
    const name = `stations-template-${lang}.${ext}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (ext === 'csv') res.type('text/csv; charset=utf-8').send(buildTemplateCsv(lang));
    else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildTemplateXlsx(lang));
  });

  router.post('/uploads', async (req, res) => {
    const file = await receiveUpload(req, ctx.config.uploadMaxBytes);
    try {
      const f = uploadFields.parse(file.fields);
      const preview = await previewUpload(deps, {
        path: file.path, fileName: file.fileName, operator: f.operator, mode: f.mode, sheet: f.sheet, uploadedBy: whoFrom(req, f.uploadedBy, viewerOf(res).user?.username), actor: viewerOf(res),
      });
      res.status(201).json(preview);
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
    res.json(await getUpload(ctx.db, uploadIdParams.parse(req.params).id, viewerOf(res)));
  });

  router.get('/uploads/:id/errors', async (req, res) => {
    const { id } = uploadIdParams.parse(req.params);
    const q = issuesQuery.parse(req.query);
    await getUpload(ctx.db, id, viewerOf(res));
    if (q.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="upload-${id}-errors.csv"`);
      res.write('\uFEFF' + csvLine(['row', 'severity', 'code', 'field', 'message', 'value']));
      for (let offset = 0; ; offset += CSV_PAGE) {
        const { rows } = await findIssuePage(ctx.db, id, { ...q, offset, limit: CSV_PAGE });
        for (const r of rows) res.write(csvLine([r.row, r.severity, r.code, r.field, r.message, r.value]));
        if (rows.length < CSV_PAGE) break;
      }
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

  router.post('/uploads/:id/commit', async (req, res) => {
    const { id } = uploadIdParams.parse(req.params);
    const body = uploadActionBody.parse(req.body ?? {});
    await getUpload(ctx.db, id, viewerOf(res)); // another operator's upload: 403 before anything is locked or written
    res.json(await commitUpload(ctx.db, id, whoFrom(req, body.by, viewerOf(res).user?.username)));
  });

  router.post('/uploads/:id/rollback', async (req, res) => {
    const { id } = uploadIdParams.parse(req.params);
    const body = uploadActionBody.parse(req.body ?? {});
    await getUpload(ctx.db, id, viewerOf(res));
    res.json(await rollbackUpload(ctx.db, id, whoFrom(req, body.by, viewerOf(res).user?.username)));
  });
  return router;
}
