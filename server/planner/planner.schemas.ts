import { z } from 'zod';
import { figuresQuery, isoDate, listParam, operatorCode, setParam, targetParam, technologyParam, wholeNumberParam } from '../http/params.schemas.js';
import { operatorFigures, scopeDescription, statsResponse } from '../stats/stats.schemas.js';

const areaCode = z.string().trim().min(1).max(100).transform((s) => s.normalize('NFC')).describe('Area code in the set');

export const recommendationsQuery = figuresQuery.extend({
  area: areaCode.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json').describe('json, or a CSV / XLSX work list'),
});

export const coverageQuery = figuresQuery.extend({
  area: areaCode.optional(),
  technology: technologyParam.default('5G').describe('4G or 5G (default 5G)'),
  geometry: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').describe('Include the coverage GeoJSON (default true)'),
});

export const timelineQuery = figuresQuery.extend({ area: areaCode.optional() });

const targetBody = z.union([z.number().positive().transform(String), z.string()]).pipe(targetParam);

export const whatIfBody = z.strictObject({
  set: setParam.optional(),
  asOf: isoDate.optional(),
  baseline: isoDate.optional(),
  target: targetBody.optional().describe('What-if target: 0.5, "0.5" or "50%"'),
  operator: listParam(operatorCode, 8).optional().describe('Count only these operators\' stations (summed): one code, "A,B" or a list'),
  area: listParam(areaCode).optional().describe('Also answer the total of these areas before and after (`selection`); the upgrades still apply in every area'),
  upgrades: z.array(z.strictObject({
    operator: operatorCode,
    topN: z.number().int().min(1).max(10_000).describe('Upgrade this many of the operator\'s top picks in every area'),
  })).max(8).default([]),
  coverage: z.boolean().default(false).describe('Also compute modelled 5G coverage before and after (slower)'),
});
export type WhatIfBody = z.output<typeof whatIfBody>;

const scenarioName = z.string().trim().min(1).max(200).transform((s) => s.normalize('NFC'));
/** For the OpenAPI document: what a client sends. */
export const scenarioBodyDoc = z.strictObject({ name: scenarioName, parameters: whatIfBody });
/** Parameters are checked as a what-if body but stored as sent, so reopening parses them the same way. */
export const scenarioBody = z.strictObject({
  name: scenarioName,
  parameters: z.unknown().describe('A what-if request body'),
}).transform((v, ctx) => {
  const parsed = whatIfBody.safeParse(v.parameters ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['parameters', ...i.path.map(String)], message: i.message });
    return z.NEVER;
  }
  return { name: v.name, parameters: v.parameters as Record<string, unknown> };
});
export const scenarioParams = z.strictObject({ id: wholeNumberParam(1, 2_147_483_647) });
export const scenarioQuery = z.strictObject({
  area: listParam(areaCode).optional().describe('Also answer the total of these areas before and after (`result.selection`), as the map shows a selection'),
});

const bilingual = z.object({ en: z.string(), vi: z.string() });
const environment = z.enum(['urban', 'suburban', 'rural']);
const environmentSource = z.enum(['stored', 'density', 'default']).describe('stored: set per area; density: > 1500 people/km² urban, > 300 suburban, else rural; default: no population, rural');
const radii = z.object({ urban: z.number(), suburban: z.number(), rural: z.number() });
export const modelDescription = z.object({
  modelled: z.literal(true).describe('Coverage is modelled (discs), not measured'),
  radiiKm: z.object({ '4G': radii, '5G': radii }),
  method: bilingual,
});

export const pickSchema = z.object({
  rank: z.number().int().min(1).describe('Order of upgrade within the area, 1 first'),
  operator: z.string(), code: z.string(), name: z.string().nullable(),
  lon: z.number(), lat: z.number(), area: z.string(), areaName: z.string(),
  gainKm2: z.number().min(0).describe('Modelled ground newly covered by 5G, km²'),
  gainPeople: z.number().nullable().describe('gainKm2 × the area\'s density (uniform), null when the population is unknown'),
  nearest5gKm: z.number().nullable().describe('Distance to the nearest on-air or earlier-picked 5G; null: none within 10 km'),
  reason: bilingual,
});

export const recommendationsResponse = scopeDescription.extend(modelDescription.shape).extend({
  areas: z.array(z.object({
    code: z.string(), name: z.string(), environment, environmentSource, radiusKm5g: z.number(),
    n4g: z.number().int(), n5g: z.number().int(), required: z.number().int(), needed: z.number().int(),
    candidates: z.number().int().describe('On-air 4G with no co-located 5G of the same operator'),
    excludedColocated: z.number().int(), picks: z.number().int(),
    newSitesToBuild: z.number().int().describe('needed − picks: too few candidates, new sites must be built'),
  })),
  picks: z.array(pickSchema),
  totals: z.object({ needed: z.number().int(), picks: z.number().int(), newSitesToBuild: z.number().int() }),
});

const coverageFigures = z.object({
  areaKm2: z.number(), coveredKm2: z.number(), share: z.number().min(0).max(1).describe('Share of the land covered (modelled)'),
});
export const coverageResponse = scopeDescription.extend(modelDescription.shape).extend({
  technology: z.enum(['4G', '5G']),
  areas: z.array(coverageFigures.extend({
    code: z.string(), name: z.string(), environment, environmentSource, radiusKm: z.number(), stations: z.number().int(),
    population: z.number().int().nullable(), coveredPopulation: z.number().int().nullable().describe('population × share (uniform density)'),
  })),
  totals: coverageFigures.extend({
    population: z.number().int().nullable(), coveredPopulation: z.number().int().nullable(), populationShare: z.number().nullable(),
  }),
  coverage: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({
    type: z.literal('Feature'), id: z.string(), properties: z.object({ code: z.string(), technology: z.string(), radiusKm: z.number(), modelled: z.literal(true) }),
    geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
  })) }),
});

const paceStatus = z.enum(['on_track', 'at_risk', 'behind', 'no_baseline']).describe(
  'on_track: target met on asOf, or met by the due date at the 90-day pace while the ratio is at or above the latest milestone passed; ' +
  'at_risk: met by the due date at that pace but below the latest milestone passed; behind: not met by the due date at that pace, or no net 5G added in 90 days; no_baseline: no 4G',
);
const pace = z.object({
  n4g: z.number().int(), n5g: z.number().int(), ratio: z.number().nullable(), required: z.number().int(), needed: z.number().int(),
  added5g: z.number().int().describe('Net 5G added over the last windowDays'),
  perDay: z.number().describe('Run rate: added5g / windowDays'),
  projectedOn: z.string().nullable().describe('Date the target is met at the run rate; asOf when met; null when the rate is ≤ 0'),
  onMilestonePath: z.boolean(), status: paceStatus,
});
export const timelineResponse = scopeDescription.extend({
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  windowDays: z.number().int(), dueOn: z.string().nullable(),
  milestones: z.array(z.object({ dueOn: z.string(), bp: z.number().int(), label: z.string() })),
  series: z.array(z.object({
    date: z.string(), n4g: z.number().int(), n5g: z.number().int(), ratio: z.number().nullable(), required: z.number().int(),
    milestoneBp: z.number().int().nullable().describe('The latest milestone due on or before this date'),
  })).describe('Month ends up to asOf, then asOf'),
  pace,
  areas: z.array(pace.extend({ code: z.string(), name: z.string() })),
  operators: z.array(pace.extend({ operator: z.string(), operatorName: z.string() })),
});

const gapRow = z.object({ n4g: z.number().int(), n5g: z.number().int(), ratio: z.number().nullable(), required: z.number().int(), needed: z.number().int(), status: z.string() });
export const whatIfResponse = scopeDescription.extend({
  saved: z.literal(false),
  upgrades: z.array(z.object({ operator: z.string(), topN: z.number().int(), applied: z.number().int() })),
  areas: z.array(z.object({
    code: z.string(), name: z.string(), added: z.number().int(), before: gapRow, after: gapRow,
    operators: z.array(operatorFigures).describe('The area\'s figures after the upgrades, per operator (the area card\'s breakdown)'),
  })),
  unassigned: statsResponse.shape.unassigned,
  totals: z.object({ before: gapRow.extend({ neededAllAreas: z.number().int() }), after: gapRow.extend({ neededAllAreas: z.number().int() }) }),
  selection: z.object({
    areas: z.array(z.string()), before: gapRow.extend({ neededAllAreas: z.number().int() }), after: gapRow.extend({ neededAllAreas: z.number().int() }),
  }).nullable().describe('With `area`: the total of those areas before and after; without: null'),
  picks: z.array(pickSchema),
  coverage5g: z.object({ before: coverageFigures, after: coverageFigures }).nullable(),
});

export const scenarioSchema = z.object({ id: z.number().int(), name: z.string(), parameters: z.unknown(), createdAt: z.string() });
export const scenariosResponse = z.object({ scenarios: z.array(scenarioSchema) });
export const scenarioResponse = z.object({ scenario: scenarioSchema, result: whatIfResponse });
