import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin, updateUser } from '../../server/auth/auth.repository.js';
import { revokeApiToken } from '../../server/auth/auth-users.service.js';
import { createApiToken } from '../../server/auth/auth-users.service.js';
import { findRule } from '../../server/auth/policy.js';
import { buildOpenApiDocument } from '../../server/openapi/openapi.js';
import { buildOgcOpenApiDocument, policyPathOf } from '../../server/ogc/ogc.openapi.js';
import { type App, startApp, TEST_PASSWORD } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';
import { call, signIn, type Credentials } from './auth-client.js';

/**
 * Every route × every kind of caller, against an expected table written out here by hand (not
 * derived from server/auth/policy.ts, so a wrong policy row fails). Allowed: the handler's own
 * answer (`ok`); refused: 401 without a valid identity, 403 with a role that may not.
 */
type Caller = 'anonymous' | 'admin' | 'planner' | 'operator' | 'inspector' | 'limited' | 'disabled' | 'revoked' | 'expired';
const ROLES = ['admin', 'planner', 'operator', 'inspector', 'limited'] as const;
const PUB = ['anonymous', ...ROLES] as const;
const EVERYONE = 'everyone' as const;

interface Case { route: string; path: string; body?: unknown; ok: number; allow: readonly string[] | typeof EVERYONE }

const BBOX = '104.7,10.1,105.8,10.98';
const CASES: Case[] = [
  { route: 'GET /api/health', path: '/api/health', ok: 200, allow: EVERYONE },
  { route: 'GET /api/openapi.json', path: '/api/openapi.json', ok: 200, allow: PUB },
  { route: 'GET /api/config', path: '/api/config', ok: 200, allow: PUB },
  { route: 'GET /api/boundary-sets', path: '/api/boundary-sets', ok: 200, allow: PUB },
  { route: 'GET /api/areas', path: '/api/areas', ok: 200, allow: PUB },
  { route: 'GET /api/areas/{code}', path: '/api/areas/883', ok: 200, allow: PUB },
  { route: 'PATCH /api/areas/{code}/environment', path: '/api/areas/883/environment', body: { environment: null }, ok: 200, allow: ['admin'] },
  { route: 'GET /api/stats', path: '/api/stats', ok: 200, allow: PUB },
  { route: 'GET /api/stations/facets', path: '/api/stations/facets', ok: 200, allow: PUB },
  { route: 'GET /api/stations/grid', path: `/api/stations/grid?bbox=${BBOX}&zoom=9`, ok: 200, allow: ROLES },
  { route: 'GET /api/stations', path: '/api/stations?limit=3', ok: 200, allow: ROLES },
  { route: 'GET /api/planner/recommendations', path: '/api/planner/recommendations?area=883', ok: 200, allow: ['admin', 'planner', 'inspector'] },
  { route: 'GET /api/planner/coverage', path: '/api/planner/coverage?area=883&geometry=false', ok: 200, allow: ['admin', 'planner', 'inspector'] },
  { route: 'GET /api/planner/timeline', path: '/api/planner/timeline?area=883', ok: 200, allow: PUB },
  { route: 'POST /api/planner/what-if', path: '/api/planner/what-if', body: { nonsense: 1 }, ok: 400, allow: ['admin', 'planner'] },
  { route: 'GET /api/planner/scenarios', path: '/api/planner/scenarios', ok: 200, allow: ['admin', 'planner', 'inspector', 'limited'] },
  { route: 'POST /api/planner/scenarios', path: '/api/planner/scenarios', body: {}, ok: 400, allow: ['admin', 'planner'] },
  { route: 'GET /api/planner/scenarios/{id}', path: '/api/planner/scenarios/999999', ok: 404, allow: ['admin', 'planner', 'inspector', 'limited'] },
  { route: 'GET /api/uploads/templates/{lang}.{ext}', path: '/api/uploads/templates/vi.csv', ok: 200, allow: PUB },
  { route: 'GET /api/uploads/limits', path: '/api/uploads/limits', ok: 200, allow: PUB },
  { route: 'POST /api/uploads', path: '/api/uploads', body: {}, ok: 400, allow: ['admin', 'operator'] },
  { route: 'GET /api/uploads', path: '/api/uploads', ok: 200, allow: ROLES },
  { route: 'GET /api/uploads/{id}', path: '/api/uploads/999999', ok: 404, allow: ROLES },
  { route: 'GET /api/uploads/{id}/errors', path: '/api/uploads/999999/errors', ok: 404, allow: ['admin', 'planner', 'operator', 'inspector'] },
  { route: 'GET /api/uploads/{id}/changes', path: '/api/uploads/999999/changes', ok: 404, allow: ['admin', 'planner', 'operator', 'inspector'] },
  { route: 'POST /api/uploads/{id}/commit', path: '/api/uploads/999999/commit', body: {}, ok: 404, allow: ['admin', 'operator'] },
  { route: 'POST /api/uploads/{id}/rollback', path: '/api/uploads/999999/rollback', body: {}, ok: 404, allow: ['admin', 'operator'] },
  { route: 'POST /api/uploads/{id}/discard', path: '/api/uploads/999999/discard', body: {}, ok: 404, allow: ['admin', 'operator'] },
  { route: 'POST /api/auth/login', path: '/api/auth/login', body: {}, ok: 400, allow: EVERYONE },
  { route: 'POST /api/auth/logout', path: '/api/auth/logout', ok: 200, allow: EVERYONE },
  { route: 'GET /api/auth/me', path: '/api/auth/me', ok: 200, allow: EVERYONE },
  { route: 'POST /api/auth/password', path: '/api/auth/password', body: {}, ok: 400, allow: ROLES },
  { route: 'GET /api/auth/tokens', path: '/api/auth/tokens', ok: 200, allow: ROLES },
  { route: 'POST /api/auth/tokens', path: '/api/auth/tokens', body: {}, ok: 400, allow: ROLES },
  { route: 'DELETE /api/auth/tokens/{id}', path: '/api/auth/tokens/999999', ok: 404, allow: ROLES },
  { route: 'GET /api/admin/users', path: '/api/admin/users', ok: 200, allow: ['admin'] },
  { route: 'POST /api/admin/users', path: '/api/admin/users', body: {}, ok: 400, allow: ['admin'] },
  { route: 'PATCH /api/admin/users/{id}', path: '/api/admin/users/999999', body: {}, ok: 404, allow: ['admin'] },
  { route: 'GET /api/audit', path: '/api/audit', ok: 200, allow: ['admin', 'inspector', 'limited'] },
  { route: 'GET /ogc', path: '/ogc', ok: 200, allow: PUB },
  { route: 'GET /ogc/api', path: '/ogc/api', ok: 200, allow: PUB },
  { route: 'GET /ogc/conformance', path: '/ogc/conformance', ok: 200, allow: PUB },
  { route: 'GET /ogc/collections', path: '/ogc/collections', ok: 200, allow: PUB },
  { route: 'GET /ogc/collections/{collectionId}', path: '/ogc/collections/stations', ok: 200, allow: PUB },
  { route: 'GET /ogc/collections/{collectionId}/items', path: '/ogc/collections/areas-1/items', ok: 200, allow: PUB },
  { route: 'GET /ogc/collections/{collectionId}/items/{featureId}', path: '/ogc/collections/areas-1/items/883', ok: 200, allow: PUB },
  { route: 'GET /ogc/collections/stations/items', path: '/ogc/collections/stations/items?limit=3', ok: 200, allow: ROLES },
  { route: 'GET /ogc/collections/stations/items/{featureId}', path: '/ogc/collections/stations/items/VIETTEL:NOPE:5G', ok: 404, allow: ROLES },
];

/** Routes served outside the OpenAPI document (app.ts). */
const UNDOCUMENTED = ['GET /api/openapi.json', 'GET /api/config'];

function expected(c: Case, caller: Caller, publicRead: boolean): number {
  if (c.allow === EVERYONE) return c.ok;
  const who = caller === 'expired' ? 'anonymous' : caller;
  if (who === 'disabled' || who === 'revoked') return 401;
  if (who === 'anonymous') return publicRead && c.allow.includes('anonymous') ? c.ok : 401;
  return c.allow.includes(who) ? c.ok : 403;
}

describe(`every route × every caller (${dbKind()})`, () => {
  let server: App;
  let closed: App;
  const who = {} as Record<Caller, Credentials>;

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    closed = await startApp({ env: { PUBLIC_READ: 'false' }, auth: 'none' });
    const db = server.database.db;
    who.anonymous = {};
    who.admin = { token: await server.token('admin', { username: 'matrix-admin' }) };
    who.planner = { token: await server.token('planner', { username: 'matrix-planner' }) };
    who.operator = { token: await server.token('operator', { username: 'matrix-operator', operator: 'VIETTEL' }) };
    who.inspector = { token: await server.token('inspector', { username: 'matrix-inspector' }) };
    who.limited = { token: await server.token('inspector', { username: 'matrix-limited', areas: ['883', '884'] }) };
    // A user disabled after their token was made; a token revoked; a session past its expiry.
    const disabled = await server.account('planner', { username: 'matrix-disabled' });
    await updateUser(db, disabled.id, { disabled: false });
    who.disabled = { token: (await createApiToken(db, disabled, { name: 'x' })).token };
    await updateUser(db, disabled.id, { disabled: true });
    const revoker = await server.account('admin', { username: 'matrix-revoked' });
    const revoked = await createApiToken(db, revoker, { name: 'x' });
    await revokeApiToken(db, revoker, revoked.id);
    who.revoked = { token: revoked.token };
    await server.account('admin', { username: 'matrix-expired' });
    const s = await signIn(server, 'matrix-expired', TEST_PASSWORD);
    expect(s.status).toBe(200);
    const expiredId = (await findUserForLogin(db, 'matrix-expired'))!.id;
    await sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${expiredId}`.execute(db);
    who.expired = { cookie: s.cookie, csrf: s.csrf };
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server?.close();
    await closed?.close();
  });

  it('covers every route of the OpenAPI documents (/api and /ogc), in the policy and in this table', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const ogc = buildOgcOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const documented = [
      ...Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
      ...Object.entries(ogc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${policyPathOf(p)}`)),
    ];
    expect(new Set(CASES.map((c) => c.route))).toEqual(new Set([...documented, ...UNDOCUMENTED]));
    for (const c of CASES) {
      const [method, path] = c.route.split(' ') as [string, string];
      // The example path of each case must land on the policy row of its own route.
      expect(findRule(method, c.path.split('?')[0]!)?.path, c.route).toBe(path);
    }
  });

  it('refuses what no policy row names, even to an admin', async () => {
    for (const [method, path] of [['DELETE', '/api/stations'], ['PUT', '/api/admin/users/1'], ['GET', '/api/not-a-route'], ['POST', '/api/stats']]) {
      const r = await call(server, method!, path!, who.admin);
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  });

  for (const caller of ['anonymous', 'admin', 'planner', 'operator', 'inspector', 'limited', 'disabled', 'revoked', 'expired'] as Caller[]) {
    it(`answers ${caller} as the table says`, async () => {
      const got: string[] = [], want: string[] = [];
      for (const c of CASES) {
        const method = c.route.split(' ')[0]!;
        const creds = { ...who[caller], csrf: who[caller].csrf };
        const r = await call(server, method, c.path, creds, c.body);
        got.push(`${c.route} → ${r.status}`);
        want.push(`${c.route} → ${expected(c, caller, true)}`);
      }
      expect(got).toEqual(want);
    });
  }

  it('closes everything but health and signing in when PUBLIC_READ=false', async () => {
    const got: string[] = [], want: string[] = [];
    for (const c of CASES) {
      const r = await call(closed, c.route.split(' ')[0]!, c.path, {}, c.body);
      got.push(`${c.route} → ${r.status}`);
      want.push(`${c.route} → ${expected(c, 'anonymous', false)}`);
    }
    expect(got).toEqual(want);
    // A role still reads as before.
    expect((await call(closed, 'GET', '/api/stats', who.planner)).status).toBe(200);
  });

  it('records refusals in the audit trail', async () => {
    await call(server, 'GET', '/api/admin/users', who.planner);
    const { json } = await call(server, 'GET', '/api/audit?action=access&limit=5', who.admin);
    expect(json.events[0]).toMatchObject({ actor: 'matrix-planner', action: 'access', outcome: 'denied', details: { method: 'GET', path: '/api/admin/users', reason: 'role' } });
  });
});
