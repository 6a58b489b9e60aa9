import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/auth/auth-users.service.js';
import { findUserForLogin } from '../../server/auth/auth.repository.js';
import { LOGIN_MAX_FAILURES } from '../../server/auth/auth.service.js';
import { hashPassword, verifyPassword } from '../../server/auth/password.js';
import type { Database } from '../../server/db/database.js';
import { type App, startApp, TEST_PASSWORD } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';
import { call, signIn } from './auth-client.js';

describe(`signing in, sessions, CSRF, tokens, rate limit (${dbKind()})`, () => {
  let database: Database;
  let server: App;
  let proxied: App;
  const logged: unknown[] = [];

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    database = server.database;
    proxied = await startApp({ env: { TRUST_PROXY: 'true' }, auth: 'none' });
    await server.account('planner', { username: 'flow-planner' });
    await server.account('admin', { username: 'flow-admin' });
  });
  afterAll(async () => {
    logged.push(...server.errors, ...proxied.errors);
    expect(logged).toEqual([]);
    await server?.close();
    await proxied?.close();
  });

  it('hashes with scrypt, salted, parameters kept with the hash; NFC and NFD passwords are one', async () => {
    const a = await hashPassword('Mật khẩu dài 123');
    const b = await hashPassword('Mật khẩu dài 123');
    expect(a).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Mật khẩu dài 123'.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('Mật khẩu dài 124', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS (trusted proxy)', async () => {
    const plain = await signIn(server, 'flow-planner', TEST_PASSWORD);
    expect(plain.status).toBe(200);
    expect(plain.setCookie).toMatch(/^planner_session=[\w-]{40,};/);
    expect(plain.setCookie).toMatch(/HttpOnly/);
    expect(plain.setCookie).toMatch(/SameSite=Lax/);
    expect(plain.setCookie).not.toMatch(/Secure/);
    expect(plain.json).toMatchObject({ user: { username: 'flow-planner', role: 'planner' }, via: 'session' });
    expect(plain.csrf).toMatch(/^[\w-]{40,}$/);
    const https = await signIn(proxied, 'flow-planner', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toMatch(/; Secure/);
    // Without a trusted proxy the same header is ignored.
    const spoofed = await signIn(server, 'flow-planner', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(spoofed.setCookie).not.toMatch(/Secure/);
  });

  it('refuses a cookie-authenticated write without the CSRF token, accepts it with', async () => {
    const s = await signIn(server, 'flow-planner', TEST_PASSWORD);
    const me = await call(server, 'GET', '/api/auth/me', { cookie: s.cookie });
    expect(me.json).toMatchObject({ user: { username: 'flow-planner' }, csrfToken: s.csrf });
    const body = { name: 'csrf-check' };
    const without = await call(server, 'POST', '/api/auth/tokens', { cookie: s.cookie }, body);
    expect(without.status).toBe(403);
    expect(without.json.error.code).toBe('csrf');
    const wrong = await call(server, 'POST', '/api/auth/tokens', { cookie: s.cookie, csrf: 'x'.repeat(43) }, body);
    expect(wrong.status).toBe(403);
    const other = await signIn(server, 'flow-planner', TEST_PASSWORD);
    expect((await call(server, 'POST', '/api/auth/tokens', { cookie: s.cookie, csrf: other.csrf }, body)).status).toBe(403);
    const tokens = await call(server, 'GET', '/api/auth/tokens', { cookie: s.cookie });
    expect(tokens.json.tokens.filter((t: any) => t.name === 'csrf-check')).toEqual([]);
    const ok = await call(server, 'POST', '/api/auth/tokens', { cookie: s.cookie, csrf: s.csrf }, body);
    expect(ok.status).toBe(201);
    // A bearer token is not sent by a browser on its own: no CSRF token needed.
    expect((await call(server, 'POST', '/api/auth/tokens', { token: ok.json.token }, { name: 'by-token' })).status).toBe(201);
  });

  it('logs out: the session no longer opens anything', async () => {
    const s = await signIn(server, 'flow-planner', TEST_PASSWORD);
    expect((await call(server, 'GET', '/api/stations?limit=1', { cookie: s.cookie })).status).toBe(200);
    expect((await call(server, 'POST', '/api/auth/logout', { cookie: s.cookie })).status).toBe(403); // CSRF applies
    const out = await call(server, 'POST', '/api/auth/logout', { cookie: s.cookie, csrf: s.csrf });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/planner_session=;/);
    expect((await call(server, 'GET', '/api/stations?limit=1', { cookie: s.cookie })).status).toBe(401);
    expect((await call(server, 'GET', '/api/auth/me', { cookie: s.cookie })).json.user).toBeNull();
  });

  it('expires sessions after SESSION_TTL_HOURS, by the database clock', async () => {
    const short = await startApp({ env: { SESSION_TTL_HOURS: '0.5' }, auth: 'none' });
    try {
      const s = await signIn(short, 'flow-planner', TEST_PASSWORD);
      const { rows } = await sql<{ h: number }>`select extract(epoch from (expires_at - now())) / 3600 as h from sessions order by created_at desc limit 1`.execute(database.db);
      expect(Number(rows[0]!.h)).toBeGreaterThan(0.4);
      expect(Number(rows[0]!.h)).toBeLessThanOrEqual(0.5);
      await sql`update sessions set expires_at = now() - interval '1 second'`.execute(database.db);
      const r = await call(short, 'GET', '/api/stations?limit=1', { cookie: s.cookie });
      expect(r.status).toBe(401);
      expect(r.json.error.message).toMatch(/expired/);
    } finally {
      await short.close();
    }
  });

  it('rate-limits failed sign-ins per username and address, with Retry-After, in the database', async () => {
    await server.account('planner', { username: 'flow-limited' });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect((await signIn(proxied, 'flow-limited', 'wrong-password', from('203.0.113.7'))).status).toBe(401);
    }
    const blocked = await signIn(proxied, 'flow-limited', TEST_PASSWORD, from('203.0.113.7'));
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('too_many_attempts');
    expect(blocked.json.error.message).toMatch(/try again in \d+ minute/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address, or a second app instance over the same database: the count is shared per key.
    expect((await signIn(proxied, 'flow-limited', TEST_PASSWORD, from('203.0.113.8'))).status).toBe(200);
    const second = await startApp({ env: { TRUST_PROXY: 'true' }, auth: 'none' });
    try {
      expect((await signIn(second, 'FLOW-LIMITED', TEST_PASSWORD, from('203.0.113.7'))).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('never stores or records a password, a session secret or a token in clear', async () => {
    const secretPassword = 'Bí-mật-không-lộ-98765';
    const admin = await signIn(server, 'flow-admin', TEST_PASSWORD);
    const created = await call(server, 'POST', '/api/admin/users', admin, { username: 'flow-clear', role: 'planner', password: secretPassword });
    expect(created.status).toBe(201);
    expect(created.json.password).toBeUndefined();
    await signIn(server, 'flow-clear', secretPassword + 'x');
    const s = await signIn(server, 'flow-clear', secretPassword);
    const tok = await call(server, 'POST', '/api/auth/tokens', s, { name: 'n' });
    const secrets = [secretPassword, secretPassword + 'x', s.cookie.split('=')[1]!, tok.json.token as string];
    const dump = await sql<{ t: string }>`select concat_ws('|', (select json_agg(u)::text from users u), (select json_agg(x)::text from sessions x),
      (select json_agg(t)::text from api_tokens t), (select json_agg(a)::text from audit_events a), (select json_agg(f)::text from login_failures f)) as t`.execute(database.db);
    const text = dump.rows[0]!.t;
    for (const secret of secrets) expect(text.includes(secret), 'a secret is in the database').toBe(false);
    const listed = await call(server, 'GET', '/api/admin/users', admin);
    for (const u of listed.json.users) {
      expect(Object.keys(u).filter((k) => /password|hash/i.test(k))).toEqual([]);
      expect(Object.values(u).some((v) => typeof v === 'string' && v.startsWith('scrypt$'))).toBe(false);
    }
    expect(JSON.stringify((await call(server, 'GET', '/api/auth/tokens', s)).json)).not.toContain(tok.json.token);
  });

  it('records sign-ins and failed sign-ins in the audit trail, readable by admin', async () => {
    await signIn(server, 'flow-planner', 'nope-nope-nope');
    await signIn(server, 'flow-planner', TEST_PASSWORD);
    const admin = await signIn(server, 'flow-admin', TEST_PASSWORD);
    const { json } = await call(server, 'GET', '/api/audit?action=login&limit=3', admin);
    expect(json.events.map((e: any) => `${e.actor} ${e.outcome}`)).toEqual(['flow-admin success', 'flow-planner success', 'flow-planner failure']);
    expect(json.events[2].details).toEqual({ reason: 'wrong_password' });
    expect(json.events[0].ip).toMatch(/127\.0\.0\.1/);
    // Paging numbers in digits only: what coercion would have read as 16, 1000 or 0 is a 400 that says so.
    for (const [query, message] of [['before=abc', 'before: must be an audit entry id (digits)'], ['before=0x10', 'before: must be an audit entry id (digits)'],
      ['limit=1e2', 'limit: must be a whole number from 1 to 500, in digits'], ['limit=', 'limit: must be a whole number from 1 to 500, in digits']]) {
      const bad = await call(server, 'GET', `/api/audit?${query}`, admin);
      expect([bad.status, bad.json.error.code, bad.json.error.message], query).toEqual([400, 'invalid_parameter', `Invalid request: ${message}`]);
    }
    expect((await call(server, 'GET', `/api/audit?before=${json.events[0].id}&limit=1`, admin)).json.events).toHaveLength(1);
  });

  it('tokens: shown once, listed without secret, revocable; revoked is refused', async () => {
    const s = await signIn(server, 'flow-planner', TEST_PASSWORD);
    const t = await call(server, 'POST', '/api/auth/tokens', s, { name: 'script' });
    expect(t.json.token).toMatch(/^p5g_[\w-]{43}$/);
    expect((await call(server, 'GET', '/api/stations?limit=1', { token: t.json.token })).status).toBe(200);
    const listed = (await call(server, 'GET', '/api/auth/tokens', s)).json.tokens.find((x: any) => x.id === t.json.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(listed.token).toBeUndefined();
    // Another non-admin cannot see or revoke it.
    await server.account('inspector', { username: 'flow-other' });
    const other = await signIn(server, 'flow-other', TEST_PASSWORD);
    expect((await call(server, 'DELETE', `/api/auth/tokens/${t.json.id}`, other)).status).toBe(404);
    expect((await call(server, 'DELETE', `/api/auth/tokens/${t.json.id}`, s)).json.revokedAt).not.toBeNull();
    const refused = await call(server, 'GET', '/api/stations?limit=1', { token: t.json.token });
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toMatch(/revoked/);
  });

  it('admin manages users: roles need their fields, names are unique without case, the last admin stays', async () => {
    const admin = await signIn(server, 'flow-admin', TEST_PASSWORD);
    const post = (b: unknown) => call(server, 'POST', '/api/admin/users', admin, b);
    expect((await post({ username: 'flow-op', role: 'operator' })).status).toBe(400);
    expect((await post({ username: 'flow-op', role: 'planner', operator: 'VIETTEL' })).status).toBe(400);
    expect((await post({ username: 'flow-op', role: 'operator', operator: 'NOPE' })).status).toBe(400);
    expect((await post({ username: 'flow-insp', role: 'inspector', jurisdiction: { areas: ['883', 'zzz'] } })).status).toBe(400);
    const op = await post({ username: 'flow-op', role: 'operator', operator: 'VNPT', displayName: 'Nhà mạng VNPT' });
    expect(op.status).toBe(201);
    expect(op.json).toMatchObject({ role: 'operator', operator: 'VNPT', displayName: 'Nhà mạng VNPT' });
    expect(op.json.password).toMatch(/^\S{20}$/);
    expect((await signIn(server, 'flow-op', op.json.password)).status).toBe(200);
    expect((await post({ username: 'FLOW-OP', role: 'planner' })).status).toBe(409);
    // Disabling signs the user out at once.
    const session = await signIn(server, 'flow-op', op.json.password);
    expect((await call(server, 'PATCH', `/api/admin/users/${op.json.id}`, admin, { disabled: true })).status).toBe(200);
    expect((await call(server, 'GET', '/api/uploads', session)).status).toBe(401);
    expect((await signIn(server, 'flow-op', op.json.password)).status).toBe(401);
    const selfId = admin.json.user.id;
    expect((await call(server, 'PATCH', `/api/admin/users/${selfId}`, admin, { disabled: true })).json.error.code).toMatch(/self_disable|last_admin/);
  });

  it('first start creates one admin with a generated password, said once', async () => {
    const said: string[] = [];
    await ensureFirstAdmin(database.db, (m) => said.push(m));
    expect(said).toEqual([]); // admins exist already
    // Users outlive resetDatabase (and, on PostGIS, test runs): start from "no active admin, no 'admin'".
    await sql`delete from users where lower(username) = 'admin'`.execute(database.db);
    const { rows: active } = await sql<{ id: number }>`select id from users where role = 'admin' and not disabled`.execute(database.db);
    await sql`update users set disabled = true where role = 'admin'`.execute(database.db);
    try {
      await ensureFirstAdmin(database.db, (m) => said.push(m));
      const password = /password: (\S+)/.exec(said.join('\n'))![1]!;
      expect(said.join('\n')).toMatch(/shown only now[\s\S]*users reset-password admin/);
      expect((await signIn(server, 'admin', password)).status).toBe(200);
      said.length = 0;
      await ensureFirstAdmin(database.db, (m) => said.push(m));
      expect(said).toEqual([]);
    } finally {
      await sql`update users set disabled = false where id = any(${active.map((r) => r.id)}::int[])`.execute(database.db);
    }
  });

  it('sends the security headers on the API and the client: CSP allowing the tiles\' origin, no framing', async () => {
    const r = await fetch(`${server.url}/api/health`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/tile\.openstreetmap\.org/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const custom = await startApp({ env: { TILE_URL: 'https://{s}.tiles.example.vn/{z}/{x}/{y}.png' }, auth: 'none' });
    try {
      expect((await fetch(`${custom.url}/api/health`)).headers.get('content-security-policy')).toMatch(/img-src 'self' data: blob: https:\/\/\*\.tiles\.example\.vn;/);
    } finally {
      await custom.close();
    }
  });
});
