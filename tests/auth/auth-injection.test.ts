import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { type App, startApp, TEST_PASSWORD } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';
import { call, signIn } from './auth-client.js';

const SQL = ["' or '1'='1", "admin'--", "x'); drop table users; --", '"; select pg_sleep(1); --', "1 union select password_hash from users"];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];

// Hostile input on every auth field: none reaches SQL as text, none comes back as anything but JSON data.
describe(`auth inputs under attack (${dbKind()})`, () => {
  let database: Database;
  let server: App;
  let admin: string;
  const countUsers = async () => Number((await sql<{ n: number }>`select count(*)::int as n from users`.execute(database.db)).rows[0]!.n);

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    database = server.database;
    admin = await server.token('admin', { username: 'inj-admin' });
    await server.account('planner', { username: 'inj-user' });
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server?.close();
  });

  it('SQL fragments as username or password sign nobody in and change nothing', async () => {
    const before = await countUsers();
    for (const s of SQL) {
      expect((await signIn(server, s, s)).status, s).toBe(401);
      expect((await signIn(server, 'inj-user', s)).status, s).toBe(401);
    }
    expect(await countUsers()).toBe(before);
    // The failures counted for 'inj-user' reach the limit: a clear 429, never a 500.
    expect([401, 429]).toContain((await signIn(server, 'inj-user', TEST_PASSWORD)).status);
  });

  it('refuses SQL and markup as a username, and keeps them verbatim as display names and token names', async () => {
    for (const s of [...SQL, ...HTML]) {
      const r = await call(server, 'POST', '/api/admin/users', { token: admin }, { username: s, role: 'planner' });
      expect(r.status, s).toBe(400);
      expect(r.json.error.code).toBe('invalid_parameter');
    }
    for (const [i, s] of [...SQL, ...HTML].entries()) {
      const r = await call(server, 'POST', '/api/admin/users', { token: admin }, { username: `inj-${i}-${Date.now() % 100000}`, displayName: s, role: 'inspector' });
      expect(r.status, s).toBe(201);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.json.displayName).toBe(s.trim());
      const t = await call(server, 'POST', '/api/auth/tokens', { token: admin }, { name: s });
      expect(t.json.name).toBe(s.trim());
    }
    const listed = await call(server, 'GET', '/api/admin/users', { token: admin });
    for (const s of HTML) expect(listed.json.users.some((u: any) => u.displayName === s)).toBe(true);
    expect(listed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(listed.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('checks jurisdiction codes and operators as data: an SQL fragment is an unknown area', async () => {
    const before = await countUsers();
    for (const s of SQL) {
      const a = await call(server, 'POST', '/api/admin/users', { token: admin }, { username: 'inj-area', role: 'inspector', jurisdiction: { areas: ['883', s] } });
      expect(a.status, s).toBe(400);
      expect(a.json.error.details[0].path).toBe('jurisdiction.areas');
      const o = await call(server, 'POST', '/api/admin/users', { token: admin }, { username: 'inj-op', role: 'operator', operator: s });
      expect(o.status, s).toBe(400);
    }
    expect(await countUsers()).toBe(before);
  });

  it('refuses extra members, wrong types, control characters, malformed and oversized JSON', async () => {
    const post = (path: string, body: unknown) => call(server, 'POST', path, { token: admin }, body);
    expect((await post('/api/auth/login', { username: 'inj-user', password: TEST_PASSWORD, role: 'admin' })).status).toBe(400);
    expect((await post('/api/admin/users', { username: 'inj-x', role: 'planner', isAdmin: true })).status).toBe(400);
    expect((await post('/api/admin/users', { username: 'inj-x', role: 'root' })).status).toBe(400);
    expect((await post('/api/admin/users', { username: ['inj-x'], role: 'planner' })).status).toBe(400);
    const geo = { type: 'Feature', geometry: { type: 'Point', coordinates: [105, 10] }, properties: {}, areas: ['883'] };
    expect((await post('/api/admin/users', { username: 'inj-x', role: 'inspector', jurisdiction: geo })).status).toBe(400);
    expect((await post('/api/admin/users', { username: 'inj-x', role: 'inspector', jurisdiction: { areas: ['883'], crs: { type: 'name' } } })).status).toBe(400);
    expect((await post('/api/auth/login', { username: 'inj\u0000user', password: 'x' })).status).toBe(400);
    expect((await post('/api/auth/tokens', { name: 'a\u0000b' })).status).toBe(400);
    const raw = (body: string) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await raw('{"username": "inj-user", "password": ');
    expect(malformed.status).toBe(400);
    const huge = await raw(JSON.stringify({ username: 'inj-user', password: 'x'.repeat(1_200_000) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).error.code).toBe('payload_too_large');
    const long = await post('/api/auth/login', { username: 'inj-user', password: 'x'.repeat(5000) });
    expect(long.status).toBe(400);
    expect(await countUsers()).toBeGreaterThan(0);
  });

  it('treats garbage credentials as what they are: a bad token is 401, a bad cookie is a visitor', async () => {
    for (const h of ['Bearer', 'Bearer ' + SQL[0], 'Basic YWRtaW46YWRtaW4=', 'Bearer ' + 'a'.repeat(300), `Bearer p5g_${'A'.repeat(43)}`]) {
      const r = await fetch(`${server.url}/api/stations?limit=1`, { headers: { authorization: h } });
      expect(r.status, h).toBe(401);
    }
    for (const c of [`planner_session=${SQL[0]}`, 'planner_session=' + 'a'.repeat(43), 'planner_session=;planner_session=x']) {
      expect((await fetch(`${server.url}/api/stats`, { headers: { cookie: c } })).status, c).toBe(200);
      expect((await fetch(`${server.url}/api/stations?limit=1`, { headers: { cookie: c } })).status, c).toBe(401);
    }
  });

  it('answers errors without stack traces or SQL', async () => {
    const r = await call(server, 'PATCH', '/api/admin/users/1', { token: admin }, { role: 'operator', operator: "VIETTEL'--" });
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/at .+\.ts:\d+|select |insert |update /i);
  });
});
