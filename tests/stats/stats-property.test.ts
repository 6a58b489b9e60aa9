import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import { listOperators } from '../../server/operators/operators.repository.js';
import { upsertStations, type StationInput } from '../../server/stations/stations.repository.js';
import { statsResponse } from '../../server/stats/stats.schemas.js';
import { dbKind, resetDatabase } from '../helpers/test-db.js';
import { type App, getJson, startApp } from '../helpers/app-fixture.js';

/*
 * The SQL figures against an independent in-memory computation. Areas are cells of a grid
 * (so borders and corners are shared exactly), stations fall inside, outside, on edges and
 * on corners, with every status and date. The oracle below re-derives the contract from
 * DOMAIN.md with its own code: box tests, its own ordering of codes, BigInt ceilings.
 */

const X0 = 105, Y0 = 10, STEP = 0.01;
type Cell = { code: string; col: number; row: number };
type St = Omit<StationInput, 'operatorId'> & { op: number };

const cellBox = (c: Cell) => [X0 + c.col * STEP, Y0 + c.row * STEP, X0 + (c.col + 1) * STEP, Y0 + (c.row + 1) * STEP] as const;

function oracleArea(cells: Cell[], s: St): string | null {
  const covering = cells.filter((c) => {
    const [a, b, x, y] = cellBox(c);
    return s.lon >= a && s.lon <= x && s.lat >= b && s.lat <= y;
  });
  // Smallest code: all codes here are numerals, compared by value ("12" < "100").
  covering.sort((p, q) => Number(p.code) - Number(q.code));
  return covering[0]?.code ?? null;
}

function oracleOnAir(s: St, d: string): boolean {
  if (s.status === 'planned') return false;
  if (s.commissionedOn !== null && s.commissionedOn > d) return false;
  if (s.status === 'decommissioned') return s.decommissionedOn !== null && s.decommissionedOn > d;
  return s.decommissionedOn === null || s.decommissionedOn > d;
}

function oracleGap(n4g: number, n5g: number, bp: number) {
  const required = Number((BigInt(n4g) * BigInt(bp) + 9999n) / 10000n);
  return { n4g, n5g, required, needed: Math.max(0, required - n5g), ratio: n4g ? n5g / n4g : null,
    status: n4g === 0 ? 'no_baseline' : n5g >= required ? 'met' : 'behind' };
}

const dateArb = fc.integer({ min: 0, max: 6 }).map((i) => ['2023-06-30', '2024-01-01', '2024-06-15', '2025-01-01', '2025-06-30', '2025-12-31', '2026-06-01'][i]!);

const scenarioArb = fc.record({
  cols: fc.integer({ min: 1, max: 3 }),
  rows: fc.integer({ min: 1, max: 2 }),
  // Mixed digit counts, so that ordering codes as text ("100" < "12") would show.
  codes: fc.shuffledSubarray([2, 7, 12, 45, 100, 310, 1000, 9], { minLength: 6, maxLength: 6 }),
  stations: fc.array(
    fc.record({
      op: fc.integer({ min: 0, max: 3 }),
      technology: fc.constantFrom('4G' as const, '5G' as const),
      // Grid units: multiples of 0.5 land on edges and corners; -1 and cols+1 are outside.
      gx: fc.oneof(fc.integer({ min: -2, max: 8 }).map((h) => h / 2), fc.double({ min: -0.5, max: 3.5, noNaN: true })),
      gy: fc.oneof(fc.integer({ min: -2, max: 6 }).map((h) => h / 2), fc.double({ min: -0.5, max: 2.5, noNaN: true })),
      status: fc.constantFrom('planned' as const, 'on_air' as const, 'on_air' as const, 'decommissioned' as const),
      commissionedOn: fc.option(dateArb, { nil: null }),
      decommissionedOn: fc.option(dateArb, { nil: null }),
    }),
    { minLength: 15, maxLength: 50 },
  ),
  asOf: dateArb,
  baseline: fc.option(dateArb, { nil: undefined }),
  bp: fc.oneof(fc.integer({ min: 1, max: 20000 }), fc.constantFrom(5000, 3000, 700, 2900, 3333)),
  // One operator, or several summed on the server.
  operators: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  // An area filter: the rows of those areas and their own total (`selection`).
  selected: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  stationsFirst: fc.boolean(),
});

describe(`gap figures: SQL against an in-memory oracle (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  let operators: { id: number; code: string }[];

  beforeAll(async () => {
    app = await startApp();
    database = app.database;
    operators = await listOperators(database.db);
  });
  afterAll(async () => { await app?.close(); });

  it('every area, the unassigned row and the totals match (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        await resetDatabase(database);
        const cells: Cell[] = [];
        for (let row = 0; row < sc.rows; row++) for (let col = 0; col < sc.cols; col++) cells.push({ col, row, code: String(sc.codes[cells.length]) });
        const stations: St[] = sc.stations.map((s, i) => {
          const ordered = s.commissionedOn && s.decommissionedOn && s.decommissionedOn < s.commissionedOn;
          return {
            op: s.op, code: `S${i}`, technology: s.technology, name: null, status: s.status,
            lon: X0 + s.gx * STEP, lat: Y0 + s.gy * STEP,
            commissionedOn: s.commissionedOn, decommissionedOn: ordered ? s.commissionedOn : s.decommissionedOn,
          };
        });
        const writeStations = () => upsertStations(database.db, stations.map(({ op, ...s }) => ({ ...s, operatorId: operators[op]!.id })));
        const features = cells.map((c) => {
          const [a, b, x, y] = cellBox(c);
          return { type: 'Feature', properties: { code: c.code, name: `Ô ${c.code}` }, geometry: { type: 'Polygon', coordinates: [[[a, b], [x, b], [x, y], [a, y], [a, b]]] } };
        });
        if (sc.stationsFirst) await writeStations();
        const { setId } = await importBoundarySet(database.db, { name: 'grid' }, { type: 'FeatureCollection', features }, { codeField: 'code', nameField: 'name' });
        if (!sc.stationsFirst) await writeStations();

        const params = new URLSearchParams({ set: String(setId), asOf: sc.asOf, target: `${sc.bp / 100}%` });
        if (sc.baseline) params.set('baseline', sc.baseline);
        if (sc.operators) params.set('operator', sc.operators.map((o) => operators[o]!.code).join(','));
        const chosen = sc.selected?.map((i) => cells[i]?.code).filter((c): c is string => c !== undefined);
        if (chosen) params.set('area', [...chosen, 'no-such-area'].join(','));
        const { status, body } = await getJson(`${app.url}/api/stats?${params}`);
        expect(status).toBe(200);
        const parsed = statsResponse.parse(body);

        const counts = new Map<string | null, { n4g: number; n5g: number }>();
        for (const s of stations) {
          if (sc.operators && !sc.operators.includes(s.op)) continue;
          const area = oracleArea(cells, s);
          const c = counts.get(area) ?? { n4g: 0, n5g: 0 };
          if (s.technology === '4G' && oracleOnAir(s, sc.baseline ?? sc.asOf)) c.n4g++;
          if (s.technology === '5G' && oracleOnAir(s, sc.asOf)) c.n5g++;
          counts.set(area, c);
        }
        const expectedRows = cells
          .map((c) => ({ code: c.code, ...oracleGap(counts.get(c.code)?.n4g ?? 0, counts.get(c.code)?.n5g ?? 0, sc.bp) }))
          .sort((p, q) => p.code.localeCompare(q.code));
        const shownRows = chosen ? expectedRows.filter((r) => chosen.includes(r.code)) : expectedRows;
        const actualRows = parsed.rows
          .map((r) => ({ code: r.code, n4g: r.n4g, n5g: r.n5g, required: r.required, needed: r.needed, ratio: r.ratio, status: r.status }))
          .sort((p, q) => p.code.localeCompare(q.code));
        expect(actualRows).toEqual(shownRows);
        const outside = counts.get(null) ?? { n4g: 0, n5g: 0 };
        expect(parsed.unassigned).toEqual({ ...outside, ratio: oracleGap(outside.n4g, outside.n5g, sc.bp).ratio });
        const totalOf = (rows: { n4g: number; n5g: number; needed: number }[], extra = { n4g: 0, n5g: 0 }) => {
          const sum = rows.reduce((a, c) => ({ n4g: a.n4g + c.n4g, n5g: a.n5g + c.n5g }), extra);
          return { ...oracleGap(sum.n4g, sum.n5g, sc.bp), neededAllAreas: rows.reduce((a, r) => a + r.needed, 0) };
        };
        expect(parsed.totals).toEqual(totalOf(expectedRows, outside));
        if (chosen) {
          expect(parsed.selection?.areas.slice().sort()).toEqual([...new Set(chosen)].sort());
          expect(parsed.selection?.totals).toEqual(totalOf(shownRows));
        } else expect(parsed.selection).toBeNull();
      }),
      { numRuns: 40 },
    );
    expect(app.errors).toEqual([]);
  });
});
