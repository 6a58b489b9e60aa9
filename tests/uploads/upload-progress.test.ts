import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { throttle } from '../../server/http/ndjson.js';
import { uploadStreamLine } from '../../server/uploads/uploads.openapi.js';
import { uploadResponse } from '../../server/uploads/uploads.schemas.js';
import { signIn } from '../auth/auth-client.js';
import { type App, startApp, TEST_PASSWORD } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

/** POST /api/uploads as a stream of progress lines (Accept: application/x-ndjson), and who an upload records as acting. */
const HEAD = 'station_code,technology,latitude,longitude,name';
const rows = (n: number, prefix = 'P') => Array.from({ length: n }, (_, i) => `${prefix}${i},4G,10.${4000 + (i % 999)},105.4,Trạm ${i}`);

type Line = ReturnType<typeof uploadStreamLine.parse>;

describe(`upload progress stream and the account acting (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let failing: App;
  let operatorToken: string;

  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp({ env: { UPLOAD_MAX_BYTES: '400000', UPLOAD_MAX_ROWS: '6000' } });
    operatorToken = await app.token('operator', { username: 'progress-vnpt' });
    // A database whose transactions fail: an unexpected error once the stream has started.
    const db = new Proxy(database.db, {
      get(target, key) {
        if (key === 'transaction') return () => { throw new Error('simulated: the disk is full'); };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    failing = await startApp({ database: { ...database, db } });
  });
  afterAll(async () => { await app.close(); await failing.close(); });

  const post = (target: App, body: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([body]), 'tram.csv');
    return fetch(`${target.url}/api/uploads`, { method: 'POST', body: form, headers });
  };
  const stream = async (target: App, body: string, fields: Record<string, string> = { operator: 'VIETTEL' }) => {
    const res = await post(target, body, fields, { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    return text.trimEnd().split('\n').map((l) => uploadStreamLine.parse(JSON.parse(l)) as Line);
  };

  it('streams reading progress with bytes, then checking and saving, then the same preview a plain request returns', async () => {
    const body = csv([HEAD, ...rows(5000)]);
    const lines = await stream(app, body);
    const first = lines[0]!;
    expect(first).toEqual({ type: 'progress', phase: 'reading', rows: 0, bytes: 0, totalBytes: Buffer.byteLength(body) });
    const phases = lines.map((l) => (l.type === 'progress' ? l.phase : l.type));
    expect(phases.slice(-3)).toEqual(['checking', 'saving', 'result']);
    expect(phases.slice(0, -3).every((p) => p === 'reading')).toBe(true);
    const reading = lines.filter((l) => l.type === 'progress' && l.phase === 'reading') as { rows: number; bytes: number }[];
    expect(reading.map((r) => r.rows)).toEqual([...reading.map((r) => r.rows)].sort((a, b) => a - b));
    const result = lines.at(-1)!;
    if (result.type !== 'result') throw new Error('no result line');
    expect(result.upload.counts).toMatchObject({ create: 5000, errorRows: 0 });
    expect(lines.at(-2)).toEqual({ type: 'progress', phase: 'saving', rows: 5000 });
    const saved = uploadResponse.parse(await (await fetch(`${app.url}/api/uploads/${result.upload.id}`)).json());
    expect(result.upload).toEqual(saved);
    expect(app.errors).toEqual([]);
  });

  it('an error after the stream started is its last line, with the status and body a plain request gets', async () => {
    for (const [body, status, code] of [[csv([HEAD, ...rows(6001)]), 413, 'upload_too_large'], [csv(['a,b', '1,2']), 422, 'unreadable_file']] as const) {
      const lines = await stream(app, body);
      const last = lines.at(-1)!;
      const plain = await post(app, body, { operator: 'VIETTEL' });
      expect(plain.status).toBe(status);
      expect(last).toEqual({ type: 'error', status, error: (await plain.json()).error });
      expect(last.type === 'error' && last.error.code).toBe(code);
    }
    expect(app.errors).toEqual([]);
  });

  it('an unexpected error is a 500 line with a generic message, and it is logged', async () => {
    const lines = await stream(failing, csv([HEAD, ...rows(3)]));
    expect(lines.at(-1)).toEqual({ type: 'error', status: 500, error: { code: 'internal', message: 'Internal server error', details: null } });
    expect(failing.errors.map((e) => (e as Error).message)).toEqual(['simulated: the disk is full']);
  });

  it('refusals found before the file is checked stay plain HTTP errors', async () => {
    const ndjson = { accept: 'application/x-ndjson' };
    const cases: [Promise<Response>, number, string][] = [
      [post(app, 'x'.repeat(500_000), { operator: 'VIETTEL' }, ndjson), 413, 'upload_too_large'],
      [post(app, csv([HEAD, ...rows(1)]), { operator: 'VIETTEL', uploadedBy: 'someone else' }, ndjson), 400, 'invalid_parameter'],
      [post(app, csv([HEAD, ...rows(1)]), { operator: 'NOPE' }, ndjson), 400, 'invalid_parameter'],
      [post(app, csv([HEAD, ...rows(1)]), { operator: 'VIETTEL' }, { ...ndjson, authorization: `Bearer ${operatorToken}` }), 403, 'forbidden'],
      [post(app, csv([HEAD, ...rows(1)]), { operator: 'VIETTEL' }, { ...ndjson, authorization: 'Bearer nope' }), 401, 'unauthenticated'],
    ];
    for (const [sent, status, code] of cases) {
      const res = await sent;
      expect([res.status, res.headers.get('content-type')]).toEqual([status, expect.stringMatching(/^application\/json/)]);
      expect((await res.json()).error.code).toBe(code);
    }
  });

  it('records the signed-in account as uploader, committer and rollbacker; a client-sent name is refused', async () => {
    const viettel = await app.account('operator', { username: 'progress-viettel', operator: 'VIETTEL' });
    const session = await signIn(app, viettel.username, TEST_PASSWORD);
    const asSession = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const res = await post(app, csv([HEAD, 'W1,5G,10.41,105.41,Trạm W']), { operator: 'VIETTEL' }, asSession);
    expect(res.status).toBe(201);
    const preview = uploadResponse.parse(await res.json());
    expect(preview.uploadedBy).toBe('progress-viettel');

    const act = (action: string, body: unknown, headers: Record<string, string>) => fetch(`${app.url}/api/uploads/${preview.id}/${action}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const named = await act('commit', { by: 'Anh Minh' }, asSession);
    expect([named.status, (await named.json()).error.code]).toEqual([400, 'invalid_parameter']);
    expect(await (await act('commit', {}, asSession)).json()).toMatchObject({ state: 'committed', committedBy: 'progress-viettel', uploadedBy: 'progress-viettel' });
    const admin = { authorization: `Bearer ${app.adminToken}` };
    expect((await act('rollback', { by: 'x' }, admin)).status).toBe(400);
    expect(await (await act('rollback', {}, admin)).json()).toMatchObject({ state: 'rolled_back', rolledBackBy: 'test-admin' });
    // The old header is not a way around it either.
    const withHeader = await post(app, csv([HEAD, 'W2,5G,10.41,105.41,']), { operator: 'VIETTEL' }, { 'x-uploaded-by': 'Chi%20Lan' });
    expect((await withHeader.json()).uploadedBy).toBe('test-admin');
  });

  it('throttle lets the first call through, then one per interval', () => {
    let now = 0;
    const seen: number[] = [];
    const call = throttle((n: number) => seen.push(n), 200, () => now);
    for (const [t, n] of [[0, 1], [50, 2], [199, 3], [200, 4], [350, 5], [401, 6]]) { now = t!; call(n!); }
    expect(seen).toEqual([1, 4, 6]);
  });
});
