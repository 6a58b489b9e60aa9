import { z } from 'zod';
import type { Route } from '../openapi/openapi.js';
import {
  changesQuery, changesResponse, issuesQuery, issuesResponse, templateParams, uploadActionBody, uploadFields, uploadIdParams,
  uploadResponse, uploadsListQuery, uploadsListResponse,
} from './uploads.schemas.js';

/** The upload routes for server/openapi/openapi.ts's ROUTES (same zod schemas the routes parse with). */
export const UPLOAD_ROUTES: Route[] = [
  { path: '/api/uploads', method: 'post', multipart: true, body: uploadFields, response: uploadResponse,
    summary: 'Upload a station list (CSV, .xlsx or GeoJSON) for one operator: returns the saved preview; nothing changes until commit',
    errors: { 413: 'The file is too large or has too many rows', 422: 'The file cannot be read (not CSV/xlsx/GeoJSON, required column missing, …)' } },
  { path: '/api/uploads', summary: 'Upload history, newest first', query: uploadsListQuery, response: uploadsListResponse },
  { path: '/api/uploads/{id}', summary: 'One upload: its preview counts and state', params: uploadIdParams, response: uploadResponse },
  { path: '/api/uploads/{id}/errors', summary: 'The rows in error and the warnings, paged; format=csv for the whole report', params: uploadIdParams, query: issuesQuery, response: issuesResponse, csv: true },
  { path: '/api/uploads/{id}/changes', summary: 'What the commit writes (or wrote): each station\'s state before and after, paged', params: uploadIdParams, query: changesQuery, response: changesResponse },
  { path: '/api/uploads/{id}/commit', method: 'post', body: uploadActionBody, params: uploadIdParams, response: uploadResponse,
    summary: 'Apply the preview in one transaction (all or nothing)', errors: { 409: 'Already committed, or stale: the operator\'s stations changed since the preview' } },
  { path: '/api/uploads/{id}/rollback', method: 'post', body: uploadActionBody, params: uploadIdParams, response: uploadResponse,
    summary: 'Restore every station the upload changed to its state before', errors: { 409: 'Not committed, or a later change touched the same stations (listed in details)' } },
  { path: '/api/uploads/templates/{lang}.{ext}', summary: 'A blank template with example rows, English or Vietnamese headers', params: templateParams,
    response: z.string(), file: 'application/octet-stream' },
];
