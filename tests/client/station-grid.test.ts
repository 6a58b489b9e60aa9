import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stationFacetsResponse, stationGridResponse } from '../../server/clusters/clusters.schemas.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';

/** The map's aggregate endpoint against the station list it summarises. */
let app: App;
const BBOX = '104.7,10.1,105.7,11';

async function countStations(query: string): Promise<{ n4g: number; n5g: number }> {
  const counts = { n4g: 0, n5g: 0 };
  let cursor = '';
  for (;;) {
    const { body } = await getJson(`${app.url}/api/stations?${query}&limit=10000${cursor ? `&cursor=${cursor}` : ''}`);
    for (const f of body.features) counts[f.properties.technology === '4G' ? 'n4g' : 'n5g']++;
    if (!body.nextCursor) return counts;
    cursor = body.nextCursor;
  }
}

beforeAll(async () => {
  app = await startApp({ demo: true });
});
afterAll(async () => { await app?.close(); });

describe('GET /api/stations/grid', () => {
  it.each([
    ['every station', ''],
    ['one operator, 5G, on air on a date', '&operator=VIETTEL&technology=5G&asOf=2025-06-30'],
    ['one district, planned only', '&area=883&status=planned'],
  ])('counts exactly the stations the list returns: %s', async (_name, filter) => {
    const { status, body } = await getJson(`${app.url}/api/stations/grid?bbox=${BBOX}&zoom=9${filter}`);
    expect(status).toBe(200);
    stationGridResponse.parse(body);
    const expected = await countStations(`bbox=${BBOX}${filter}`);
    expect(body.total).toEqual(expected);
    expect(body.cells.reduce((t: number, c: { n4g: number; n5g: number }) => t + c.n4g + c.n5g, 0)).toBe(expected.n4g + expected.n5g);
  });

  it('makes fewer, fuller cells when zoomed out', async () => {
    const near = (await getJson(`${app.url}/api/stations/grid?bbox=${BBOX}&zoom=11`)).body;
    const far = (await getJson(`${app.url}/api/stations/grid?bbox=${BBOX}&zoom=7`)).body;
    expect(far.cells.length).toBeLessThan(near.cells.length);
    expect(far.total).toEqual(near.total);
    expect(far.total.n4g).toBeGreaterThan(0);
  });

  it.each([
    ['no bbox', 'zoom=9'],
    ['a bbox out of range', 'bbox=0,0,200,10&zoom=9'],
    ['a zoom out of range', `bbox=${BBOX}&zoom=40`],
    ['an unknown parameter', `bbox=${BBOX}&zoom=9&colour=red`],
    ['an unknown operator', `bbox=${BBOX}&zoom=9&operator=NOPE`],
  ])('answers 400 for %s', async (_name, query) => {
    const { status, body } = await getJson(`${app.url}/api/stations/grid?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_parameter');
  });
});

describe('GET /api/stations/facets', () => {
  it('lists the operators and the commissioning timeline', async () => {
    const { status, body } = await getJson(`${app.url}/api/stations/facets`);
    expect(status).toBe(200);
    stationFacetsResponse.parse(body);
    expect(body.operators.map((o: { code: string }) => o.code)).toContain('VIETTEL');
    expect(body.commissioned.first < body.commissioned.last).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
