import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { describeScope, resolveScope } from '../scope/scope.service.js';
import { fileNameFor, sendPicksCsv, sendPicksXlsx } from './planner-export.js';
import { describeRadii } from './planner-models.service.js';
import { buildTimeline } from './planner-timeline.service.js';
import { runWhatIf } from './planner-what-if.service.js';
import { findScenario, insertScenario, listScenarios } from './planner.repository.js';
import { coverageQuery, recommendationsQuery, scenarioBody, scenarioParams, scenarioQuery, timelineQuery, whatIfBody } from './planner.schemas.js';
import { buildCoverage, buildRecommendations } from './planner.service.js';

const METHOD = {
  en: 'Modelled, not measured: each station covers a disc whose radius depends on the area\'s environment class; coverage is the union of discs clipped to the area. Upgrade gains are counted on a raster (cells of radius/10, about ±2 % of a disc).',
  vi: 'Số liệu mô hình, không phải đo đạc: mỗi trạm phủ một hình tròn có bán kính theo loại địa bàn (đô thị, ven đô, nông thôn); vùng phủ là hợp các hình tròn, cắt theo địa bàn. Phần phủ thêm khi nâng cấp được tính trên lưới ô (cạnh = bán kính/10, sai số khoảng ±2 %).',
};

export function plannerRoutes(ctx: AppContext): Router {
  const router = Router();
  const model = () => ({ modelled: true as const, radiiKm: describeRadii(ctx), method: METHOD });

  router.get('/planner/recommendations', async (req, res) => {
    const q = recommendationsQuery.parse(req.query);
    const scope = await resolveScope(ctx, q);
    const rec = await buildRecommendations(ctx, scope, q.area);
    if (q.format !== 'json') {
      const name = fileNameFor([scope.set.name, q.area, scope.operator?.code, `asof-${scope.asOf}`, `target-${scope.target.label}`], q.format);
      if (q.format === 'csv') { sendPicksCsv(res, rec.picks, name); return; }
      const r = ctx.config.plannerRadiiKm['5G'];
      await sendPicksXlsx(res, rec.picks, name, [
        ['Boundary set / Bộ ranh giới', scope.set.name], ['As of / Tính đến ngày', scope.asOf],
        ['Target / Mục tiêu', `${scope.target.label} (5G:4G)`], ['Baseline / Mốc 4G', scope.baseline ?? scope.asOf],
        ['Operator / Nhà mạng', scope.operator?.code ?? 'all / tất cả'],
        ['5G radius km urban/suburban/rural (modelled)', `${r.urban} / ${r.suburban} / ${r.rural}`],
        ['New sites to build / Trạm xây mới', String(rec.totals.newSitesToBuild)],
        ['Method', METHOD.en], ['Phương pháp', METHOD.vi],
      ]);
      return;
    }
    res.json({ ...describeScope(scope), ...model(), areas: rec.areas, picks: rec.picks, totals: rec.totals });
  });

  router.get('/planner/coverage', async (req, res) => {
    const q = coverageQuery.parse(req.query);
    const scope = await resolveScope(ctx, q);
    const cov = await buildCoverage(ctx, scope, { areaCode: q.area, technology: q.technology, geometry: q.geometry });
    res.json({
      ...describeScope(scope), ...model(), technology: q.technology,
      areas: cov.areas.map(({ geometry: _g, ...a }) => a),
      totals: cov.totals,
      coverage: {
        type: 'FeatureCollection',
        features: cov.areas.filter((a) => a.geometry).map((a) => ({
          type: 'Feature', id: a.code, properties: { code: a.code, technology: q.technology, radiusKm: a.radiusKm, modelled: true }, geometry: a.geometry,
        })),
      },
    });
  });

  router.get('/planner/timeline', async (req, res) => {
    const q = timelineQuery.parse(req.query);
    const scope = await resolveScope(ctx, q);
    res.json({ ...describeScope(scope), ...(await buildTimeline(ctx, scope, q.area)) });
  });

  router.post('/planner/what-if', async (req, res) => {
    res.json(await runWhatIf(ctx, whatIfBody.parse(req.body ?? {})));
  });

  router.get('/planner/scenarios', async (_req, res) => {
    res.json({ scenarios: await listScenarios(ctx.db) });
  });

  router.post('/planner/scenarios', async (req, res) => {
    const body = scenarioBody.parse(req.body ?? {});
    res.status(201).json(await insertScenario(ctx.db, body));
  });

  router.get('/planner/scenarios/:id', async (req, res) => {
    const { id } = scenarioParams.parse(req.params);
    const { area } = scenarioQuery.parse(req.query);
    const scenario = await findScenario(ctx.db, id);
    if (!scenario) throw notFound(`Scenario ${id}`, { id });
    res.json({ scenario, result: await runWhatIf(ctx, { ...whatIfBody.parse(scenario.parameters), area }) });
  });
  return router;
}
