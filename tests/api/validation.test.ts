import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

// Bad input gets a clear 400 (or 404) and changes nothing; nothing a client sends reaches a 500.
describe(`validation of every read route (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let before: string;

  const snapshot = async () =>
    JSON.stringify((await sql`select (select count(*) from stations) s, (select count(*) from areas) a,
      (select count(*) from boundary_sets) b, (select version from data_version) v`.execute(database.db)).rows);

  beforeAll(async () => {
    app = await startApp({ demo: true });
    database = app.database;
    before = await snapshot();
  });
  afterAll(async () => {
    expect(await snapshot()).toBe(before);
    expect(app.errors).toEqual([]);
    await app?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(`${app.url}${path}`);
    const text = await res.text();
    return { status: res.status, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
  };

  it.each([
    ['/api/stats?target=abc', /target.*not a share/],
    ['/api/stats?target=0.12345', /too many decimals/],
    ['/api/stats?target=0', /greater than zero/],
    ['/api/stats?target=-50%25', /not a share/],
    ['/api/stats?asOf=2025-02-30', /not a real calendar date/],
    ['/api/stats?asOf=yesterday', /YYYY-MM-DD/],
    ['/api/stats?baseline=2025-13-01', /calendar date|YYYY-MM-DD/],
    ['/api/stats?operator=ACME', /unknown operator "ACME"; known: VIETTEL/],
    ['/api/stats?technology=3G', /unknown technology "3G"/],
    ['/api/stats?asOf=2025-01-01&asOf=2025-02-01', /asOf/],
    ['/api/stats?unknown=1', /unknown|Unrecognized/i],
    ['/api/areas?target=50%25%25', /not a share/],
    ['/api/stations?bbox=1,2,3', /four numbers/],
    ['/api/stations?bbox=200,0,210,1', /out of range/],
    ['/api/stations?bbox=105,11,106,10', /min ≤ max/],
    ['/api/stations?limit=0', /limit/],
    ['/api/stations?limit=100000', /limit/],
    ['/api/stations?limit=ten', /limit/],
    ['/api/stations?cursor=not-ours', /cursor/],
    ['/api/stations?status=live', /status/],
    ['/api/stations?format=xml', /format/],
    ['/api/stations?operator=VIETTEL,NOPE', /unknown operator "NOPE"/],
  ])('%s → 400 with a message a person understands', async (path, message) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid_parameter');
    expect(r.json.error.message).toMatch(message);
    expect(Array.isArray(r.json.error.details)).toBe(true);
  });

  it('keeps SQL out: hostile text in every parameter is data, never SQL', async () => {
    const evil = ["' or 1=1 --", '1; drop table stations; --', "883') or ('1'='1", '$1', '\\x00', '%00', 'Đ\u0000'];
    for (const e of evil) {
      const enc = encodeURIComponent(e);
      for (const path of [`/api/stats?set=${enc}`, `/api/areas/${enc}`, `/api/stations?area=${enc}`, `/api/stations?set=${enc}`, `/api/areas?operator=${enc}`]) {
        const r = await get(path);
        expect([200, 400, 404], `${path} → ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
        if (r.status !== 200) expect(r.json.error.code).toMatch(/invalid_parameter|not_found/);
        else expect(r.json.features ?? r.json.rows).toHaveLength(0);
      }
    }
  });

  it('never answers 500 to random query strings on any route (property)', async () => {
    const key = fc.constantFrom('set', 'asOf', 'target', 'baseline', 'operator', 'technology', 'area', 'status', 'bbox', 'limit', 'cursor', 'format', 'x');
    const value = fc.oneof(fc.string(), fc.constantFrom('50%', '0.5', '2025-01-01', 'VIETTEL', '4G', '883', '105,10,106,11', '1', ''), fc.double().map(String));
    const route = fc.constantFrom('/api/stats', '/api/areas', '/api/areas/883', '/api/stations', '/api/boundary-sets', '/api/health');
    await fc.assert(
      fc.asyncProperty(route, fc.array(fc.tuple(key, value), { maxLength: 4 }), async (r, pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const res = await get(`${r}?${qs}`);
        expect(res.status, `${r}?${qs}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: 150 },
    );
  });

  it('answers malformed JSON bodies and unknown routes with the error shape', async () => {
    const res = await fetch(`${app.url}/api/stats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error.code).toBeTruthy();
  });
});
