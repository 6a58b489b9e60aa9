import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';
import { call } from './auth-client.js';

const JURISDICTION = ['883', '884'];
const BBOX = '103.5,9.5,106.5,11.5';

describe(`what operators and limited inspectors can reach (${dbKind()})`, () => {
  let database: Database;
  let server: App;
  const t = {} as Record<'admin' | 'viettel' | 'vnpt' | 'limited', string>;

  async function allStations(token: string, query = '') {
    const out: { operator: string; areaCode: string | null; code: string }[] = [];
    let cursor: string | null = null;
    do {
      const r = await call(server, 'GET', `/api/stations?limit=1000${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(r.status, r.text.slice(0, 200)).toBe(200);
      out.push(...r.json.features.map((f: any) => f.properties));
      cursor = r.json.nextCursor;
    } while (cursor);
    return out;
  }

  const upload = async (token: string, operator: string, rows: string[]) => {
    const form = new FormData();
    form.append('operator', operator);
    form.append('file', new Blob([['station_code,technology,latitude,longitude,name', ...rows].join('\n')]), 'tram.csv');
    const res = await fetch(`${server.url}/api/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, json: (await res.json()) as any };
  };
  const snapshot = async () => {
    const { rows } = await sql<{ s: string }>`select concat_ws('|', (select count(*) from stations), (select count(*) from uploads),
      (select string_agg(id || ':' || state, ',' order by id) from uploads), (select max(updated_at)::text from stations)) as s`.execute(database.db);
    return rows[0]!.s;
  };

  beforeAll(async () => {
    server = await startApp({ demo: true, accounts: 'fresh', auth: 'none' });
    database = server.database;
    t.admin = await server.token('admin', { username: 'scope-admin' });
    t.viettel = await server.token('operator', { username: 'scope-viettel', operator: 'VIETTEL' });
    t.vnpt = await server.token('operator', { username: 'scope-vnpt' });
    t.limited = await server.token('inspector', { username: 'scope-limited', areas: JURISDICTION });
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server?.close();
  });

  it('an inspector limited to two districts gets exactly their stations from the list, the CSV and the grid', async () => {
    const mine = await allStations(t.limited);
    const expected = await allStations(t.admin, JURISDICTION.map((c) => `&area=${c}`).join(''));
    const everything = await allStations(t.admin);
    expect(mine.length).toBeGreaterThan(0);
    expect(everything.length).toBeGreaterThan(mine.length);
    expect(new Set(mine.map((s) => s.areaCode))).toEqual(new Set(JURISDICTION));
    expect(mine.map((s) => `${s.operator}:${s.code}`).sort()).toEqual(expected.map((s) => `${s.operator}:${s.code}`).sort());

    const csv = await call(server, 'GET', '/api/stations?format=csv', { token: t.limited });
    const lines = csv.text.trim().split('\n').slice(1);
    expect(lines.length).toBe(mine.length);
    for (const l of lines) expect(JURISDICTION).toContain(l.split(',').at(-3));

    const grid = await call(server, 'GET', `/api/stations/grid?bbox=${BBOX}&zoom=7`, { token: t.limited });
    expect(grid.json.total.n4g + grid.json.total.n5g).toBe(mine.length);
  });

  it('refuses to widen the jurisdiction, and refuses the answers that cannot be narrowed', async () => {
    for (const path of ['/api/stations?area=886', '/api/stations?area=883&area=886', `/api/stations/grid?bbox=${BBOX}&zoom=7&area=886`, '/api/stations?format=csv&area=886',
      '/api/planner/recommendations', '/api/planner/coverage?geometry=false']) {
      expect((await call(server, 'GET', path, { token: t.limited })).status, path).toBe(403);
    }
  });

  it('any filter the inspector sends returns stations inside the jurisdiction only (property)', async () => {
    const codes = ['883', '884', '886', '887', '888'];
    await fc.assert(fc.asyncProperty(
      fc.subarray(codes), fc.subarray(['VIETTEL', 'VNPT', 'MOBIFONE']), fc.constantFrom('', '4G', '5G'), fc.boolean(),
      async (areas, ops, tech, asOf) => {
        const q = [...areas.map((a) => `area=${a}`), ...ops.map((o) => `operator=${o}`), tech && `technology=${tech}`, asOf && 'asOf=2024-06-30', 'limit=1000'].filter(Boolean).join('&');
        const r = await call(server, 'GET', `/api/stations?${q}`, { token: t.limited });
        if (areas.some((a) => !JURISDICTION.includes(a))) return r.status === 403;
        return r.status === 200 && r.json.features.every((f: any) => JURISDICTION.includes(f.properties.areaCode));
      }), { numRuns: 25 });
  });

  it('an operator sees its own stations only, and is refused another operator\'s', async () => {
    const own = await allStations(t.vnpt);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((s) => s.operator))).toEqual(new Set(['VNPT']));
    expect((await call(server, 'GET', '/api/stations?operator=VIETTEL', { token: t.vnpt })).status).toBe(403);
    const grid = await call(server, 'GET', `/api/stations/grid?bbox=${BBOX}&zoom=7`, { token: t.vnpt });
    expect(grid.json.total.n4g + grid.json.total.n5g).toBe(own.length);
  });

  it('an operator cannot preview for, read, commit or roll back another operator\'s upload; nothing changes', async () => {
    const before = await snapshot();
    const foreign = await upload(t.vnpt, 'VIETTEL', ['SC-1,5G,10.38,105.43,Trạm thử']);
    expect(foreign.status).toBe(403);
    expect(await snapshot()).toBe(before);

    const preview = await upload(t.viettel, 'VIETTEL', ['SC-1,5G,10.38,105.43,Trạm thử', 'SC-2,4G,10.39,105.44,']);
    expect(preview.status).toBe(201);
    expect(preview.json.uploadedBy).toBe('scope-viettel');
    const id = preview.json.id as number;
    const previewed = await snapshot();
    for (const [method, path] of [['GET', `/api/uploads/${id}`], ['GET', `/api/uploads/${id}/errors`], ['GET', `/api/uploads/${id}/changes`],
      ['POST', `/api/uploads/${id}/commit`], ['POST', `/api/uploads/${id}/rollback`]] as const) {
      const r = await call(server, method, path, { token: t.vnpt }, method === 'POST' ? {} : undefined);
      expect(r.status, `${method} ${path}`).toBe(403);
    }
    expect(await snapshot()).toBe(previewed);
    const list = await call(server, 'GET', '/api/uploads', { token: t.vnpt });
    expect(list.json.uploads).toEqual([]);
    expect((await call(server, 'GET', '/api/uploads?operator=VIETTEL', { token: t.vnpt })).status).toBe(403);

    const commit = await call(server, 'POST', `/api/uploads/${id}/commit`, { token: t.viettel }, {});
    expect(commit.status).toBe(200);
    const committed = await snapshot();
    expect(committed).not.toBe(previewed);
    expect((await call(server, 'POST', `/api/uploads/${id}/rollback`, { token: t.vnpt }, {})).status).toBe(403);
    expect(await snapshot()).toBe(committed);
    expect((await call(server, 'GET', '/api/uploads', { token: t.viettel })).json.uploads.map((u: any) => u.id)).toEqual([id]);
    expect((await call(server, 'POST', `/api/uploads/${id}/rollback`, { token: t.viettel }, {})).status).toBe(200);
  });
});
