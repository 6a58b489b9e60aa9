import { rankUpgrades, type FiveGSite, type UpgradeCandidate } from '../../geo/rank-upgrades.js';
import type { AppContext } from '../context.js';
import { computeSetFigures } from '../figures/figures.service.js';
import type { Scope } from '../scope/scope.service.js';
import { listAreaModels, selectAreaModels, type AreaModel } from './planner-models.service.js';
import { computeCoverage, listPlannerStations, type PlannerStation } from './planner.repository.js';

/** 5G this far around an area (km) is looked at for co-location and the nearest-5G distance. */
export const NEAREST_REACH_KM = 10;

export interface RecommendedPick {
  rank: number; operator: string; code: string; name: string | null; lon: number; lat: number;
  area: string; areaName: string; gainKm2: number; gainPeople: number | null; nearest5gKm: number | null;
  reason: { en: string; vi: string };
}

export interface AreaPlan {
  code: string; name: string; environment: AreaModel['environment']; environmentSource: AreaModel['environmentSource'];
  radiusKm5g: number; n4g: number; n5g: number; required: number; needed: number;
  candidates: number; excludedColocated: number; picks: number; newSitesToBuild: number;
}

// Built once: constructing an Intl.NumberFormat costs far more than formatting with it.
const nf = (locale: string, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
const FORMATS = [nf('en-US', 1), nf('vi-VN', 1), nf('en-US', 0), nf('vi-VN', 0)] as const;

/** "covers 2.4 km² not yet covered by 5G, nearest 5G 3.1 km away", in English and Vietnamese. */
export function explainPick(p: { gainKm2: number; gainPeople: number | null; nearest5gKm: number | null }): { en: string; vi: string } {
  const [en1, vi1, en0, vi0] = FORMATS;
  const people = (f: Intl.NumberFormat, word: string) => (p.gainPeople === null ? '' : ` (≈ ${f.format(p.gainPeople)} ${word})`);
  const enNear = p.nearest5gKm === null ? `no 5G within ${NEAREST_REACH_KM} km` : `nearest 5G ${en1.format(p.nearest5gKm)} km away`;
  const viNear = p.nearest5gKm === null ? `không có trạm 5G nào trong vòng ${NEAREST_REACH_KM} km` : `trạm 5G gần nhất cách ${vi1.format(p.nearest5gKm)} km`;
  return {
    en: `Covers ${en1.format(p.gainKm2)} km² not yet covered by 5G${people(en0, 'people')}, ${enNear} (modelled)`,
    vi: `Phủ thêm ${vi1.format(p.gainKm2)} km² chưa có sóng 5G${people(vi0, 'người')}, ${viNear} (mô hình)`,
  };
}

/** 5G sites bucketed by 0.1° cells, so each area looks only at the cells around it. */
export class FiveGIndex {
  private readonly cells = new Map<string, PlannerStation[]>();
  constructor(sites: readonly PlannerStation[]) {
    for (const f of sites) {
      const key = `${Math.floor(f.lon * 10)}:${Math.floor(f.lat * 10)}`;
      const list = this.cells.get(key);
      if (list) list.push(f);
      else this.cells.set(key, [f]);
    }
  }
  near(model: AreaModel): FiveGSite[] {
    const [w, s, e, n] = model.bbox;
    const dLat = NEAREST_REACH_KM / 110.574, dLon = NEAREST_REACH_KM / (111.32 * Math.cos((Math.max(Math.abs(s), Math.abs(n)) * Math.PI) / 180));
    const out: FiveGSite[] = [];
    for (let x = Math.floor((w - dLon) * 10); x <= Math.floor((e + dLon) * 10); x++) {
      for (let y = Math.floor((s - dLat) * 10); y <= Math.floor((n + dLat) * 10); y++) {
        for (const f of this.cells.get(`${x}:${y}`) ?? []) {
          if (f.lon >= w - dLon && f.lon <= e + dLon && f.lat >= s - dLat && f.lat <= n + dLat) out.push({ operator: f.operator, lon: f.lon, lat: f.lat, onAir: f.onAir });
        }
      }
    }
    return out;
  }
}

/** Ranks one area's candidates; `count` is how many upgrades to pick there. */
export function planArea(ctx: AppContext, model: AreaModel, stations: readonly PlannerStation[], fiveG: FiveGIndex, count: number) {
  const byKey = new Map<string, PlannerStation>();
  const candidates: UpgradeCandidate[] = [];
  for (const s of stations) {
    byKey.set(`${s.operator}\u0000${s.code}`, s);
    candidates.push({ code: s.code, operator: s.operator, lon: s.lon, lat: s.lat });
  }
  const density = model.population !== null && model.areaKm2 > 0 ? model.population / model.areaKm2 : null;
  const result = rankUpgrades(candidates, fiveG.near(model), {
    count, radiusMeters: model.radiusKm['5G'] * 1000, colocationMeters: ctx.config.colocationMeters, within: model.geometry, density,
  });
  const picks: RecommendedPick[] = result.picks.map((p) => ({
    rank: p.rank, operator: p.operator, code: p.code, name: byKey.get(`${p.operator}\u0000${p.code}`)?.name ?? null,
    lon: p.lon, lat: p.lat, area: model.code, areaName: model.name,
    gainKm2: Math.round(p.gainKm2 * 1000) / 1000,
    gainPeople: p.gainPeople === null ? null : Math.round(p.gainPeople),
    nearest5gKm: p.nearest5gKm === null ? null : Math.round(p.nearest5gKm * 100) / 100,
    reason: explainPick(p),
  }));
  return { picks, candidates: result.candidates, excludedColocated: result.excludedColocated, shortfall: result.shortfall, cellMeters: result.cellMeters };
}

export function groupByArea(stations: readonly PlannerStation[]) {
  const fourG = new Map<number, PlannerStation[]>();
  const sites5g: PlannerStation[] = [];
  for (const s of stations) {
    if (s.technology === '5G') sites5g.push(s);
    else if (s.areaId !== null) {
      const list = fourG.get(s.areaId);
      if (list) list.push(s);
      else fourG.set(s.areaId, [s]);
    }
  }
  return { fourG, fiveG: new FiveGIndex(sites5g) };
}

/**
 * The upgrade work list: for every area behind the target, `needed` 4G sites ranked by the
 * modelled 5G ground each adds (geo/rank-upgrades.ts), or all candidates and the rest as new
 * sites to build. Per operator when the scope has one (its own 5G then is the coverage).
 */
export async function buildRecommendations(ctx: AppContext, scope: Scope, areaCode: string | undefined) {
  const key = JSON.stringify(['planner-rec', scope.set.id, scope.asOf, scope.baseline, scope.operator?.id ?? null, scope.target.bp, areaCode ?? null]);
  return ctx.cache.get(key, scope.dataVersion, async () => {
    const [models, figures, stations] = await Promise.all([
      selectAreaModels(ctx, scope, areaCode),
      computeSetFigures(ctx, scope),
      listPlannerStations(ctx.db, { setId: scope.set.id, asOf: scope.asOf, operatorId: scope.operator?.id ?? null }),
    ]);
    const { fourG, fiveG } = groupByArea(stations);
    const figuresById = new Map(figures.rows.map((r) => [r.id, r]));
    const areas: AreaPlan[] = [];
    const picks: RecommendedPick[] = [];
    let cellMeters: Record<string, number> = {};
    for (const model of models) {
      const st = figuresById.get(model.id)!;
      if (st.needed <= 0) continue;
      const plan = planArea(ctx, model, fourG.get(model.id) ?? [], fiveG, st.needed);
      cellMeters = { ...cellMeters, [model.environment]: plan.cellMeters };
      picks.push(...plan.picks);
      areas.push({
        code: model.code, name: model.name, environment: model.environment, environmentSource: model.environmentSource,
        radiusKm5g: model.radiusKm['5G'], n4g: st.n4g, n5g: st.n5g, required: st.required, needed: st.needed,
        candidates: plan.candidates, excludedColocated: plan.excludedColocated, picks: plan.picks.length, newSitesToBuild: plan.shortfall,
      });
    }
    const totals = {
      needed: areas.reduce((a, r) => a + r.needed, 0),
      picks: picks.length,
      newSitesToBuild: areas.reduce((a, r) => a + r.newSitesToBuild, 0),
    };
    return { areas, picks, totals, cellMeters };
  }) as Promise<{ areas: AreaPlan[]; picks: RecommendedPick[]; totals: { needed: number; picks: number; newSitesToBuild: number }; cellMeters: Record<string, number> }>;
}

/** Modelled coverage of one technology per area, with shares of land and of population. */
export async function buildCoverage(ctx: AppContext, scope: Scope, q: {
  areaCode?: string | undefined; technology: '4G' | '5G'; geometry: boolean; extraSites?: { lon: number; lat: number }[];
}) {
  const models = q.areaCode === undefined ? await listAreaModels(ctx, scope) : await selectAreaModels(ctx, scope, q.areaCode);
  const rows = await computeCoverage(ctx.db, {
    setId: scope.set.id, areas: models.map((m) => ({ id: m.id, radiusKm: m.radiusKm[q.technology] })), technology: q.technology,
    asOf: scope.asOf, operatorId: scope.operator?.id ?? null, extraSites: q.extraSites, simplifyDegrees: q.geometry ? 0.0005 : null,
  });
  const byId = new Map(rows.map((r) => [r.areaId, r]));
  const areas = models.map((m) => {
    const r = byId.get(m.id);
    const coveredKm2 = Math.min(m.areaKm2, r?.coveredKm2 ?? 0);
    const share = m.areaKm2 > 0 ? coveredKm2 / m.areaKm2 : 0;
    return {
      code: m.code, name: m.name, environment: m.environment, environmentSource: m.environmentSource,
      radiusKm: m.radiusKm[q.technology], stations: r?.stations ?? 0, areaKm2: round3(m.areaKm2), coveredKm2: round3(coveredKm2),
      share: round4(share), population: m.population, coveredPopulation: m.population === null ? null : Math.round(m.population * share),
      geometry: r?.geometry ?? null,
    };
  });
  const landKm2 = areas.reduce((a, r) => a + r.areaKm2, 0), coveredKm2 = areas.reduce((a, r) => a + r.coveredKm2, 0);
  const withPop = areas.filter((r) => r.population !== null);
  const population = withPop.reduce((a, r) => a + r.population!, 0), coveredPopulation = withPop.reduce((a, r) => a + r.coveredPopulation!, 0);
  return {
    areas,
    totals: {
      areaKm2: round3(landKm2), coveredKm2: round3(coveredKm2), share: landKm2 > 0 ? round4(coveredKm2 / landKm2) : 0,
      population: withPop.length ? population : null, coveredPopulation: withPop.length ? coveredPopulation : null,
      populationShare: population > 0 ? round4(coveredPopulation / population) : null,
    },
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round4 = (x: number) => Math.round(x * 10000) / 10000;
