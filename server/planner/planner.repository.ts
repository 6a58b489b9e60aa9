import type { Geometry } from 'geojson';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { runQuery } from '../db/queries.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface PlannerStation {
  technology: '4G' | '5G';
  operator: string;
  code: string;
  name: string | null;
  areaId: number | null;
  lon: number;
  lat: number;
  onAir: boolean;
}

/** On-air 4G in the set's areas and 5G not taken off air, for the upgrade ranking. */
export async function listPlannerStations(db: Db, p: { setId: number; asOf: string; operatorId: number | null }): Promise<PlannerStation[]> {
  const { rows } = await runQuery<{ technology: '4G' | '5G'; operator: string; code: string; name: string | null; area_id: number | null; lon: number; lat: number; on_air: boolean }>(
    db, 'planner-stations', [p.setId, p.asOf, p.operatorId],
  );
  return rows.map((r) => ({ technology: r.technology, operator: r.operator, code: r.code, name: r.name, areaId: r.area_id, lon: r.lon, lat: r.lat, onAir: r.on_air }));
}

export interface CoverageRow { areaId: number; radiusKm: number; stations: number; coveredKm2: number; geometry: Geometry | null }

/**
 * Modelled coverage of the given areas (see sql/queries/coverage.sql). Many areas are split
 * into a few concurrent queries: each area's union is independent, and a real server runs
 * them on several cores (PGlite runs them one after the other, as before).
 */
export async function computeCoverage(db: Db, p: {
  setId: number; areas: { id: number; radiusKm: number }[]; technology: '4G' | '5G'; asOf: string;
  operatorId: number | null; extraSites?: { lon: number; lat: number }[]; simplifyDegrees: number | null;
}): Promise<CoverageRow[]> {
  const extra = p.extraSites ?? [];
  const parts = p.areas.length > 40 ? 4 : 1;
  const size = Math.ceil(p.areas.length / parts);
  const chunks = Array.from({ length: parts }, (_, k) => p.areas.slice(k * size, (k + 1) * size)).filter((c) => c.length > 0);
  const results = await Promise.all(chunks.map((areas) => runQuery<{ area_id: number; radius_km: number; stations: number; covered_km2: number; geometry: Geometry | null }>(db, 'coverage', [
    p.setId, areas.map((a) => a.id), areas.map((a) => a.radiusKm), p.technology, p.asOf, p.operatorId,
    extra.map((e) => e.lon), extra.map((e) => e.lat), p.simplifyDegrees,
  ])));
  return results.flatMap(({ rows }) => rows.map((r) => ({ areaId: r.area_id, radiusKm: r.radius_km, stations: r.stations, coveredKm2: r.covered_km2, geometry: r.geometry })));
}

/** Stored environment classes of the set's areas (null: derive from density). */
export async function listAreaEnvironments(db: Db, setId: number): Promise<Map<number, string | null>> {
  const rows = await db.selectFrom('areas').select(['id', 'environment']).where('set_id', '=', setId).execute();
  return new Map(rows.map((r) => [r.id, r.environment]));
}

export interface ScenarioRow { id: number; name: string; parameters: unknown; createdAt: string }

export async function insertScenario(db: Db, s: { name: string; parameters: unknown }): Promise<ScenarioRow> {
  const row = await db.insertInto('scenarios').values({ name: s.name, parameters: JSON.stringify(s.parameters) })
    .returning(['id', 'name', 'parameters', 'created_at']).executeTakeFirstOrThrow();
  return toScenario(row);
}

export async function listScenarios(db: Db): Promise<ScenarioRow[]> {
  const rows = await db.selectFrom('scenarios').select(['id', 'name', 'parameters', 'created_at'])
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map(toScenario);
}

export async function findScenario(db: Db, id: number): Promise<ScenarioRow | undefined> {
  const row = await db.selectFrom('scenarios').select(['id', 'name', 'parameters', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row && toScenario(row);
}

function toScenario(r: { id: number; name: string; parameters: unknown; created_at: Date | string }): ScenarioRow {
  return { id: r.id, name: r.name, parameters: r.parameters, createdAt: new Date(r.created_at).toISOString() };
}
