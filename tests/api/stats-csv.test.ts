import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import type { Database } from '../../server/db/database.js';
import { listOperators } from '../../server/operators/operators.repository.js';
import { upsertStations, type StationInput } from '../../server/stations/stations.repository.js';
import { statsResponse } from '../../server/stats/stats.schemas.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';
import { dbKind } from '../helpers/test-db.js';

/*
 * The area-table CSV of a filtered view, on a hand-made set whose figures are worked out by
 * hand below (DOMAIN.md, target 50 %): areas 1 and 2 are DOMAIN's own example (10 4G / 8 5G
 * and 10 4G / 2 5G: together they need 0 more, every area meeting it takes 3).
 *
 *   VNPT      area 1: 10 4G, 8 5G   area 2: 10 4G, 2 5G (+1 planned 5G, +1 4G off air since 2024)
 *             area 3:  7 4G, 0 5G   outside every area: 3 4G, 1 5G
 *   VIETTEL   area 1:  2 4G
 */
const X0 = 105, Y0 = 10, STEP = 0.01, AS_OF = '2025-06-30';
type St = Omit<StationInput, 'operatorId' | 'code'> & { op: 'VNPT' | 'VIETTEL' };

function stationsIn(col: number, op: St['op'], technology: '4G' | '5G', n: number, extra: Partial<St> = {}): St[] {
  return Array.from({ length: n }, (_, i) => ({
    op, technology, name: null, status: 'on_air', commissionedOn: '2024-01-01', decommissionedOn: null,
    lon: X0 + (col + 0.2 + i * 0.02) * STEP, lat: Y0 + 0.5 * STEP, ...extra,
  }));
}

const STATIONS: St[] = [
  ...stationsIn(0, 'VNPT', '4G', 10), ...stationsIn(0, 'VNPT', '5G', 8), ...stationsIn(0, 'VIETTEL', '4G', 2),
  ...stationsIn(1, 'VNPT', '4G', 10), ...stationsIn(1, 'VNPT', '5G', 2),
  ...stationsIn(1, 'VNPT', '5G', 1, { status: 'planned', commissionedOn: null }),
  ...stationsIn(1, 'VNPT', '4G', 1, { status: 'decommissioned', commissionedOn: '2023-01-01', decommissionedOn: '2024-01-01' }),
  ...stationsIn(2, 'VNPT', '4G', 7),
  ...stationsIn(5, 'VNPT', '4G', 3), ...stationsIn(5, 'VNPT', '5G', 1), // east of the three cells: unassigned
];

describe(`area-table CSV of a filtered view (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let setId: number;
  const csv = async (query: string) => {
    const res = await fetch(`${app.url}/api/stats?set=${setId}&asOf=${AS_OF}&target=50%25&format=csv&${query}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: Excel then reads UTF-8
    return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).trimEnd().split('\r\n');
  };

  beforeAll(async () => {
    app = await startApp({ demo: false });
    database = app.database;
    const features = [0, 1, 2].map((col) => {
      const [a, b, x, y] = [X0 + col * STEP, Y0, X0 + (col + 1) * STEP, Y0 + STEP];
      return { type: 'Feature', properties: { code: String(col + 1), name: `Ô ${col + 1}` }, geometry: { type: 'Polygon', coordinates: [[[a, b], [x, b], [x, y], [a, y], [a, b]]] } };
    });
    ({ setId } = await importBoundarySet(database.db, { name: 'csv grid' }, { type: 'FeatureCollection', features }, { codeField: 'code', nameField: 'name' }));
    const ids = new Map((await listOperators(database.db)).map((o) => [o.code, o.id]));
    await upsertStations(database.db, STATIONS.map(({ op, ...s }, i) => ({ ...s, code: `T${i}`, operatorId: ids.get(op)! })));
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app?.close();
  });

  it('two chosen areas, in Vietnamese: their rows and their own total, no province-wide rows', async () => {
    expect(await csv('area=1,2&operator=VNPT&lang=vi')).toEqual([
      'Mã địa bàn,Địa bàn,4G,5G,Tỷ lệ,Cần có,Còn thiếu,Trạng thái,Diện tích (km²),Dân số,Để mọi địa bàn đều đạt',
      expect.stringMatching(/^1,Ô 1,10,8,0\.8,5,0,Đạt,[\d.]+,,$/),
      expect.stringMatching(/^2,Ô 2,10,2,0\.2,5,3,Chưa đạt,[\d.]+,,$/),
      ',Tổng các địa bàn đã chọn,20,10,0.5,10,0,Đạt,,,3',
    ]);
  });

  it('the whole set, in English: the unassigned row and the set-wide total, unassigned included', async () => {
    const lines = await csv('operator=VNPT&lang=en');
    expect(lines[0]).toBe('Area code,Area,4G,5G,Ratio,Required,Needed,Status,Area (km²),Population,For every area to meet it');
    expect(lines.slice(1, 4).map((l) => l.split(',').slice(0, 8).join(','))).toEqual([
      '1,Ô 1,10,8,0.8,5,0,Met', '2,Ô 2,10,2,0.2,5,3,Behind', '3,Ô 3,7,0,0,4,4,Behind',
    ]);
    // 30 4G and 11 5G: 15 required, 4 needed; 0 + 3 + 4 for every area to get there.
    expect(lines.slice(4)).toEqual([',Outside every area,3,1,,,,,,,', ',Whole set (stations outside every area included),30,11,0.3667,15,4,Behind,,,7']);
  });

  it('without lang: machine keys, and several operators summed over one area', async () => {
    const lines = await csv('area=1&operator=VNPT,VIETTEL');
    expect(lines[0]).toBe('area_code,area_name,n4g,n5g,ratio,required,needed,status,area_km2,population,needed_all_areas');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 8).join(','))).toEqual(['1,Ô 1,12,8,0.6667,6,0,met', ',(total of the selected areas),12,8,0.6667,6,0,met']);
    expect(lines[2]!.split(',')[10]).toBe('0');
  });

  it('the JSON keeps its documented set-wide totals with an area filter', async () => {
    const { body } = await getJson(`${app.url}/api/stats?set=${setId}&asOf=${AS_OF}&target=50%25&area=1,2&operator=VNPT`);
    const json = statsResponse.parse(body);
    expect(json.rows.map((r) => r.code)).toEqual(['1', '2']);
    expect(json.totals).toMatchObject({ n4g: 30, n5g: 11, required: 15, needed: 4, neededAllAreas: 7 });
    expect((await getJson(`${app.url}/api/stats?set=${setId}&format=csv&lang=fr`)).status).toBe(400);
  });
});
