import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from '../../server/xlsx/exceljs.js';
import { sql } from 'kysely';
import type { Database } from '../../server/db/database.js';
import { importBoundarySet } from '../../server/boundary-sets/boundary-import.service.js';
import type { UploadDeps } from '../../server/uploads/uploads.service.js';
import { resetDatabase } from '../helpers/test-db.js';

/** One square area around Long Xuyên (lon 105.3–105.5, lat 10.3–10.5): inside/outside is obvious. */
export const AREA = { minLon: 105.3, minLat: 10.3, maxLon: 105.5, maxLat: 10.5 };

export async function resetWithOneArea(database: Database): Promise<void> {
  await resetDatabase(database);
  await sql`delete from uploads`.execute(database.db);
  const { minLon: a, minLat: b, maxLon: c, maxLat: d } = AREA;
  await database.db.transaction().execute((trx) => importBoundarySet(trx, { name: 'Test square', level: 'district' }, {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { code: '883', name: 'Long Xuyên' },
      geometry: { type: 'Polygon', coordinates: [[[a, b], [c, b], [c, d], [a, d], [a, b]]] } }],
  }, { codeField: 'code', nameField: 'name' }));
}

export function uploadDeps(database: Database, overrides: Partial<UploadDeps['config']> = {}): UploadDeps {
  return { db: database.db, config: { uploadMaxBytes: 50 * 1024 * 1024, uploadMaxRows: 500_000, uploadOutsideArea: 'warn', uploadOtherOperatorCode: 'error', ...overrides } };
}

const dir = mkdtempSync(join(tmpdir(), 'upload-tests-'));
let n = 0;

export function writeTemp(name: string, content: string | Buffer | Uint8Array): string {
  const path = join(dir, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
}

export async function xlsxBuffer(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeXlsx(name: string, sheets: { name: string; rows: unknown[][] }[]): Promise<string> {
  return writeTemp(name, await xlsxBuffer(sheets));
}

/** Every station with its exact geometry, dates, update time and areas: equal snapshots, untouched data. */
export async function snapshotStations(database: Database): Promise<unknown[]> {
  const { rows } = await sql`
    select s.operator_id, s.code, s.technology, s.name, ST_AsEWKT(s.geom) as geom, s.status,
           s.commissioned_on::text as c, s.decommissioned_on::text as d, s.updated_at::text as u,
           (select string_agg(sa.set_id || ':' || coalesce(sa.area_id::text, '-'), ',' order by sa.set_id)
              from station_areas sa where sa.station_id = s.id) as areas
    from stations s order by s.operator_id, s.code, s.technology`.execute(database.db);
  return rows;
}

/** The same as snapshotStations without ids or update times: state only (a rollback re-creates rows). */
export async function stationStates(database: Database): Promise<unknown[]> {
  const rows = (await snapshotStations(database)) as Record<string, unknown>[];
  return rows.map(({ u: _u, areas, ...r }) => ({ ...r, inArea: String(areas ?? '').split(',').map((x) => x.split(':')[1] !== '-') }));
}

export const csv = (lines: string[], eol = '\n') => lines.join(eol) + eol;
