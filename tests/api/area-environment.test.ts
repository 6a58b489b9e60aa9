import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

// Admins set the environment class the coverage model uses per area; nobody else may.
describe(`PATCH /api/areas/:code/environment (${dbKind()})`, () => {
  let app: App;
  const patch = (code: string, body: unknown, token?: string) =>
    fetch(`${app.url}/api/areas/${code}/environment`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const coverageOf = async (code: string) => {
    const body = await (await fetch(`${app.url}/api/planner/coverage?area=${code}&asOf=2026-11-26`)).json();
    return body.areas[0] as { environment: string; environmentSource: string; radiusKm: number };
  };

  beforeAll(async () => {
    app = await startApp({ demo: true }); // requests without credentials go as the test admin
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app?.close();
  });

  it('stores the class, and the coverage model uses it with its radius', async () => {
    const before = await coverageOf('891');
    const res = await patch('891', { environment: 'urban' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: '891', environment: 'urban' });
    const after = await coverageOf('891');
    expect(after).toMatchObject({ environment: 'urban', environmentSource: 'stored', radiusKm: 0.45 });
    expect(before.environmentSource).not.toBe('stored');
    expect((await patch('891', { environment: null })).status).toBe(200);
    expect((await coverageOf('891')).environmentSource).not.toBe('stored');
  });

  it('refuses other roles, unknown areas and bad values, changing nothing', async () => {
    const planner = await app.token('planner', { username: 'env-planner' });
    expect((await patch('883', { environment: 'rural' }, planner)).status).toBe(403);
    expect((await patch('999', { environment: 'rural' })).status).toBe(404);
    for (const body of [{ environment: 'jungle' }, {}, { environment: 'rural', extra: 1 }]) {
      const res = await patch('883', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_parameter');
    }
    expect((await coverageOf('883')).environmentSource).not.toBe('stored');
  });
});
