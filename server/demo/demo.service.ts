import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { analyzeTables } from '../db/maintenance.js';
import { generateDemoData, type DemoData } from '../../seeds/demo-data.js';
import { importBoundarySet } from '../boundary-sets/boundary-import.service.js';
import { listOperators } from '../operators/operators.repository.js';
import { upsertStations } from '../stations/stations.repository.js';

export interface DemoReport { loaded: boolean; areas: number; stations: number }

/** True when the database holds no boundary set and no station: a first start. */
export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const sets = await db.selectFrom('boundary_sets').select('id').limit(1).execute();
  const stations = await db.selectFrom('stations').select('id').limit(1).execute();
  return sets.length === 0 && stations.length === 0;
}

/**
 * Loads the generated demo (approximate An Giang districts, synthetic stations) in one
 * transaction: a crash half-way leaves the database empty, and the next start tries again.
 */
export async function loadDemoData(db: Kysely<DB>, data: DemoData = generateDemoData()): Promise<DemoReport> {
  const report = await db.transaction().execute(async (trx) => {
    const ops = new Map((await listOperators(trx)).map((o) => [o.code, o.id]));
    await upsertStations(trx, data.stations.map((s) => {
      const operatorId = ops.get(s.operator);
      if (operatorId === undefined) throw new Error(`demo data names unknown operator ${s.operator}`);
      return { ...s, operatorId };
    }));
    const features = data.areas.map((a) => ({
      type: 'Feature' as const,
      // Its parent (the province, by the 2019 districts' code) is the union of the districts.
      properties: { ...a.properties, code: a.code, name: a.name, parent_code: a.parentCode, province: 'An Giang', population: a.population },
      geometry: a.geometry,
    }));
    const withParents = data.areas.some((a) => a.parentCode !== null); // the benchmark's synthetic cells have none
    const report = await importBoundarySet(trx, { ...data.set, isDemo: true }, { type: 'FeatureCollection', features }, {
      codeField: 'code', nameField: 'name', parentField: withParents ? 'parent_code' : undefined, populationField: 'population',
    }, withParents ? { kind: 'union', nameField: 'province' } : undefined);
    return { loaded: true, areas: report.areas, stations: data.stations.length };
  });
  await analyzeTables(db);
  return report;
}
