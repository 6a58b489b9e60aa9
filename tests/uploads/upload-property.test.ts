import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { AppError } from '../../server/errors.js';
import { previewUpload } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { resetWithOneArea, snapshotStations, uploadDeps, writeTemp } from './upload-fixtures.js';

/*
 * Random and corrupted files: the parser either makes a preview or refuses with an AppError
 * (4xx, a message for people); it never throws anything else, and the stations never change.
 */

const goodCsv = 'Mã trạm;Công nghệ;Vĩ độ;Kinh độ;Trạng thái\r\nA1;4G;10,4;105,4;on_air\r\nA2;NR;10,41;105,41;kế hoạch\r\n';
const cellArb = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('4G', '5G', 'LTE', '10.4', '105,4', '"', '""', '\r', '\n', ';', ',', '=1+1', '\u0000', '31/12/2024', '\uFEFF'));

const fileArb = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => ({ name: 'random.csv', bytes: Buffer.from(b) })),
  fc.uint8Array({ maxLength: 400 }).map((b) => ({ name: 'random.xlsx', bytes: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(b)]) })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ name: 'random.geojson', bytes: Buffer.concat([Buffer.from('{"type":"FeatureCollection","features":['), Buffer.from(b)]) })),
  fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 8 }).map((rows) => ({
    name: 'rows.csv', bytes: Buffer.from(['station_code,technology,latitude,longitude,status', ...rows.map((r) => r.join(','))].join('\n')),
  })),
  // A good file cut, with bytes flipped.
  fc.tuple(fc.nat({ max: goodCsv.length }), fc.array(fc.tuple(fc.nat({ max: 200 }), fc.integer({ min: 0, max: 255 })), { maxLength: 5 })).map(([cut, flips]) => {
    const b = Buffer.from(goodCsv, 'utf8').subarray(0, cut);
    for (const [i, v] of flips) if (i < b.length) b[i] = v;
    return { name: 'cut.csv', bytes: Buffer.from(b) };
  }),
  fc.array(fc.record({ type: fc.constantFrom('Feature', 'Point', 'x'), geometry: fc.oneof(fc.constant(null), fc.record({ type: fc.constant('Point'), coordinates: fc.array(fc.oneof(fc.double(), fc.string()), { maxLength: 3 }) })), properties: fc.dictionary(fc.constantFrom('code', 'technology', 'Mã trạm', 'status', 'x'), cellArb) }), { maxLength: 5 })
    .map((features) => ({ name: 'f.geojson', bytes: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })) })),
);

describe(`upload parser against random and corrupted files (${dbKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    await sql`insert into stations (operator_id, code, technology, geom, status) values (1, 'KEEP', '4G', ST_SetSRID(ST_MakePoint(105.4, 10.4), 4326), 'on_air')`.execute(database.db);
  });

  it('never throws anything but an AppError, never changes the stations', async () => {
    const before = await snapshotStations(database);
    await fc.assert(
      fc.asyncProperty(fileArb, fc.constantFrom('merge' as const, 'replace' as const), async (file, mode) => {
        const path = writeTemp(file.name, file.bytes);
        try {
          const p = await previewUpload(uploadDeps(database, { uploadMaxRows: 50 }), { path, fileName: file.name, operator: 'VIETTEL', mode, uploadedBy: 'fc' });
          expect(p.counts.create + p.counts.update + p.counts.unchanged + p.counts.errorRows).toBeLessThanOrEqual(p.rows);
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          expect(err.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 150, seed: 20250615 },
    );
    expect(await snapshotStations(database)).toEqual(before);
  });
});
