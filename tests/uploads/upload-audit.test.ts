import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { auditResponse } from '../../server/auth/auth.schemas.js';
import { uploadResponse } from '../../server/uploads/uploads.schemas.js';
import { signIn } from '../auth/auth-client.js';
import { type App, startApp, TEST_PASSWORD } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

/** Every upload, commit and rollback, and every refused one, is an event of GET /api/audit with the account that acted. */
const HEAD = 'station_code,technology,latitude,longitude,name';
type Upload = ReturnType<typeof uploadResponse.parse>;
type Event = ReturnType<typeof auditResponse.parse>['events'][number];

describe(`the audit trail of uploads (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: string;
  let viettelToken: string;
  let vnptToken: string;
  let session: { cookie: string; 'x-csrf-token': string };
  let viettelId: number;

  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp({ auth: 'none', accounts: 'fresh' });
    const viettel = { username: 'audit-viettel', operator: 'VIETTEL' };
    admin = await app.token('admin', { username: 'audit-admin' });
    viettelToken = await app.token('operator', viettel);
    vnptToken = await app.token('operator', { username: 'audit-vnpt' });
    viettelId = (await app.account('operator', viettel)).id;
    const s = await signIn(app, viettel.username, TEST_PASSWORD);
    session = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (lines: string[], headers: Record<string, string>, operator = 'VIETTEL', name = 'trạm.csv') => {
    const form = new FormData();
    form.append('operator', operator);
    form.append('file', new Blob([csv([HEAD, ...lines])]), name);
    return fetch(`${app.url}/api/uploads`, { method: 'POST', body: form, headers });
  };
  const preview = async (lines: string[], headers: Record<string, string> = bearer(viettelToken)): Promise<Upload> => {
    const res = await upload(lines, headers);
    expect(res.status).toBe(201);
    return uploadResponse.parse(await res.json());
  };
  const act = (id: number, action: 'commit' | 'rollback', headers: Record<string, string>) =>
    fetch(`${app.url}/api/uploads/${id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
  /** The newest event of an action, read through the API as an admin. */
  const lastEvent = async (action: string): Promise<Event | undefined> => {
    const res = await fetch(`${app.url}/api/audit?action=${action}&limit=1`, { headers: bearer(admin) });
    expect(res.status).toBe(200);
    return auditResponse.parse(await res.json()).events[0];
  };

  it('records a preview with the account, how it signed in, the upload id, operator, file name, sha256 and counts', async () => {
    const p = await preview(['A1,4G,10.41,105.41,Một', 'A2,5G,10.42,105.42,Hai', 'A3,6G,10.42,105.42,'], session);
    expect(await lastEvent('upload_preview')).toMatchObject({
      userId: viettelId, actor: 'audit-viettel', outcome: 'success', ip: expect.any(String),
      details: { via: 'session', uploadId: p.id, operator: 'VIETTEL', fileName: 'trạm.csv', sha256: p.sha256, mode: 'merge', format: 'csv', rows: 3,
        counts: { create: 2, update: 0, unchanged: 0, decommission: 0, errorRows: 1, warnings: 0 } },
    });
    // The streamed answer goes through the same trail.
    const form = new FormData();
    form.append('operator', 'VIETTEL');
    form.append('file', new Blob([csv([HEAD, 'S1,4G,10.41,105.41,'])]), 'stream.csv');
    const res = await fetch(`${app.url}/api/uploads`, { method: 'POST', body: form, headers: { ...bearer(viettelToken), accept: 'application/x-ndjson' } });
    const last = JSON.parse((await res.text()).trimEnd().split('\n').at(-1)!);
    expect(last.type).toBe('result');
    expect(await lastEvent('upload_preview')).toMatchObject({ outcome: 'success', details: { via: 'token', uploadId: last.upload.id, fileName: 'stream.csv' } });
  });

  it('records an operator account uploading for another operator as denied, and says what it may do', async () => {
    const res = await upload(['B1,4G,10.41,105.41,'], bearer(viettelToken), 'VNPT', 'vnpt.csv');
    expect(res.status).toBe(403);
    const { error } = await res.json();
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/^Your account works with VIETTEL's stations only: other operators' uploads are not open to it\./);
    expect(await lastEvent('upload_preview')).toMatchObject({
      actor: 'audit-viettel', outcome: 'denied', details: { via: 'token', operator: 'VNPT', fileName: 'vnpt.csv', reason: 'forbidden' },
    });
  });

  it('records commits: the success, a stale preview, a second commit, another operator\'s attempt', async () => {
    const first = await preview(['C1,4G,10.41,105.41,Đầu']);
    const second = await preview(['C1,4G,10.41,105.41,Sau']);

    const denied = await act(first.id, 'commit', bearer(vnptToken));
    expect(denied.status).toBe(403);
    expect(await lastEvent('upload_commit')).toMatchObject({ actor: 'audit-vnpt', outcome: 'denied', details: { uploadId: first.id, reason: 'forbidden' } });

    expect((await act(first.id, 'commit', bearer(viettelToken))).status).toBe(200);
    expect(await lastEvent('upload_commit')).toMatchObject({
      actor: 'audit-viettel', userId: viettelId, outcome: 'success',
      details: { via: 'token', uploadId: first.id, operator: 'VIETTEL', fileName: 'trạm.csv', sha256: first.sha256, counts: { create: 1 } },
    });

    expect((await act(second.id, 'commit', session)).status).toBe(409);
    expect(await lastEvent('upload_commit')).toMatchObject({
      // The first commit set the second preview aside as superseded: it is stale for good.
      actor: 'audit-viettel', outcome: 'failure', details: { via: 'session', uploadId: second.id, reason: 'stale_preview', supersededBy: first.id, previewVersion: expect.any(Number) },
    });

    expect((await act(first.id, 'commit', bearer(viettelToken))).status).toBe(409);
    expect(await lastEvent('upload_commit')).toMatchObject({ outcome: 'failure', details: { uploadId: first.id, reason: 'not_a_preview', state: 'committed' } });
  });

  it('records rollbacks: a conflict with its count and the later upload, the success, one never committed', async () => {
    const early = await preview(['R1,4G,10.41,105.41,Một', 'R2,4G,10.42,105.42,Hai']);
    expect((await act(early.id, 'commit', bearer(viettelToken))).status).toBe(200);
    const later = await preview(['R1,4G,10.41,105.41,Đổi tên']);
    expect((await act(later.id, 'commit', bearer(viettelToken))).status).toBe(200);

    expect((await act(early.id, 'rollback', bearer(admin))).status).toBe(409);
    expect(await lastEvent('upload_rollback')).toMatchObject({
      actor: 'audit-admin', outcome: 'failure', details: { uploadId: early.id, reason: 'rollback_conflict', conflicts: 1, laterUploads: [later.id] },
    });
    expect((await act(later.id, 'rollback', bearer(vnptToken))).status).toBe(403);
    expect(await lastEvent('upload_rollback')).toMatchObject({ actor: 'audit-vnpt', outcome: 'denied', details: { uploadId: later.id, reason: 'forbidden' } });

    expect((await act(later.id, 'rollback', bearer(admin))).status).toBe(200);
    expect(await lastEvent('upload_rollback')).toMatchObject({
      actor: 'audit-admin', outcome: 'success', details: { via: 'token', uploadId: later.id, operator: 'VIETTEL', sha256: later.sha256 },
    });

    const open = await preview(['R3,4G,10.41,105.41,']);
    expect((await act(open.id, 'rollback', bearer(viettelToken))).status).toBe(409);
    expect(await lastEvent('upload_rollback')).toMatchObject({ outcome: 'failure', details: { uploadId: open.id, reason: 'not_committed', state: 'previewed' } });
  });

  it('keeps bad requests and unknown uploads out of the trail', async () => {
    const count = async () => {
      const res = await fetch(`${app.url}/api/audit?limit=500`, { headers: bearer(admin) });
      return auditResponse.parse(await res.json()).events.filter((e) => e.action.startsWith('upload_')).length;
    };
    const before = await count();
    expect((await act(999999, 'commit', bearer(viettelToken))).status).toBe(404);
    expect((await upload(['X,4G,10.41,105.41,'], bearer(viettelToken), 'NOPE')).status).toBe(400);
    expect(await count()).toBe(before);
  });
});
