import { z } from 'zod';
import type { Route } from '../openapi/openapi.js';
import {
  changesQuery, changesResponse, issuesQuery, issuesResponse, langQuery, templateParams, uploadLimitsResponse, uploadActionBody, uploadFields, uploadIdParams,
  uploadResponse, uploadsListQuery, uploadsListResponse,
} from './uploads.schemas.js';

const progressLine = z.discriminatedUnion('phase', [
  z.object({ type: z.literal('progress'), phase: z.literal('reading'), rows: z.number().int(), bytes: z.number().int(), totalBytes: z.number().int() }),
  z.object({ type: z.literal('progress'), phase: z.enum(['checking', 'saving']), rows: z.number().int() }),
]);

/**
 * One line of POST /api/uploads's NDJSON answer. Errors found before the stream starts (the
 * file too large, a bad field, signing in, another operator's upload) stay plain HTTP errors;
 * after it, the status cannot change, so the error is the last line with the status it would have had.
 */
export const uploadStreamLine = z.union([
  progressLine,
  z.object({ type: z.literal('result'), status: z.literal(201), upload: uploadResponse }),
  z.object({ type: z.literal('error'), status: z.number().int().min(400).max(599), error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) }),
]);

const previewAnswer = uploadResponse.describe('The saved preview. With Accept: application/x-ndjson the answer is 200 and one JSON object per line: '
  + '{"type":"progress","phase":"reading","rows","bytes","totalBytes"} (at most ~5 a second), {"type":"progress","phase":"checking"|"saving","rows"}, '
  + 'then {"type":"result","status":201,"upload":<this object>} or {"type":"error","status":4xx|500,"error":{"code","message","details"}}');

/** server/auth/station-scope.ts: an operator account reaches its own operator's uploads only. */
const OTHER_OPERATOR = 'An operator account and another operator\'s upload';

/** The upload routes for server/openapi/openapi.ts's ROUTES (same zod schemas the routes parse with). */
export const UPLOAD_ROUTES: Route[] = [
  { path: '/api/uploads/limits', summary: 'The size and row limits of one upload (UPLOAD_MAX_BYTES, UPLOAD_MAX_ROWS)', response: uploadLimitsResponse },
  { path: '/api/uploads', method: 'post', multipart: true, body: uploadFields, query: langQuery, response: previewAnswer, status: 201, stream: uploadStreamLine,
    summary: 'Upload a station list (CSV, .xlsx or GeoJSON) for one operator: returns the saved preview (201); nothing changes until commit. '
      + 'With Accept: application/x-ndjson, 200 and a stream of JSON lines: progress while the server reads, checks and saves, then the result or the error. '
      + 'The form holds one file part named "file" and at most 20 fields',
    errors: {
      400: 'A field is invalid, unknown, sent twice or too long (uploadedBy is refused: the uploader recorded is the signed-in account), '
        + 'more than 20 fields, a second file part, or the operator is unknown',
      403: 'An operator account uploading for another operator',
      413: 'The file is too large or has too many rows',
      422: 'The file cannot be read (not CSV/xlsx/GeoJSON, required column missing, …)',
    } },
  { path: '/api/uploads', summary: 'Upload history, newest first', query: uploadsListQuery, response: uploadsListResponse,
    errors: { 403: 'An operator account asking for another operator\'s uploads' } },
  { path: '/api/uploads/{id}', summary: 'One upload: its preview counts and state', params: uploadIdParams, response: uploadResponse, errors: { 403: OTHER_OPERATOR } },
  { path: '/api/uploads/{id}/errors', summary: 'The rows in error and the warnings, paged; format=csv for the whole report', params: uploadIdParams, query: issuesQuery, response: issuesResponse, csv: true,
    errors: { 403: OTHER_OPERATOR } },
  { path: '/api/uploads/{id}/changes', summary: 'What the commit writes (or wrote): each station\'s state before and after, paged', params: uploadIdParams, query: changesQuery, response: changesResponse,
    errors: { 403: OTHER_OPERATOR } },
  { path: '/api/uploads/{id}/commit', method: 'post', body: uploadActionBody, params: uploadIdParams, query: langQuery, response: uploadResponse,
    summary: 'Apply the preview in one transaction (all or nothing); the committer recorded is the signed-in account (a `by` field is a 400)',
    errors: { 403: OTHER_OPERATOR, 409: 'Already committed, or stale: the operator\'s stations changed since the preview' } },
  { path: '/api/uploads/{id}/rollback', method: 'post', body: uploadActionBody, params: uploadIdParams, query: langQuery, response: uploadResponse,
    summary: 'Restore every station the upload changed to its state before; the account acting is recorded (a `by` field is a 400)',
    errors: { 403: OTHER_OPERATOR, 409: 'Not committed, or a later change touched the same stations (listed in details)' } },
  { path: '/api/uploads/{id}/discard', method: 'post', body: uploadActionBody, params: uploadIdParams, query: langQuery, response: uploadResponse,
    summary: 'Set an open preview aside: it can no longer be committed; its report stays, its planned changes go (previews a commit made stale are set aside by themselves, as superseded)',
    errors: { 403: OTHER_OPERATOR, 409: 'Not an open preview (committed, rolled back or discarded already)' } },
  { path: '/api/uploads/templates/{lang}.{ext}', summary: 'A blank template with example rows, English or Vietnamese headers', params: templateParams,
    response: z.string(), file: 'application/octet-stream' },
];
