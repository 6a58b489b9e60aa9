import { z } from 'zod';
import { figuresQuery, listParam, operatorCode, technologyParam } from '../http/params.schemas.js';

export const statsQuery = figuresQuery.extend({
  operator: listParam(operatorCode).optional().describe('Operator code(s), comma-separated or repeated: the figures of those operators summed'),
  area: listParam(z.string().min(1).max(100)).optional().describe(
    'Only these area codes in rows. The JSON totals stay set-wide and `selection` holds these areas\' own total; the CSV ends with that total (no unassigned row), as the map\'s cards show the selection',
  ),
  format: z.enum(['json', 'csv']).default('json').describe('csv: the area table as a spreadsheet-safe CSV file'),
  lang: z.enum(['vi', 'en']).optional().describe(
    'CSV only: column headings, status words and the total/unassigned labels in this language; without it, machine keys (area_code, behind, …)',
  ),
  technology: technologyParam.optional().describe(
    'Accepted for symmetry with /api/stations and echoed; the gap always needs both technologies, so the figures do not change',
  ),
});
export type StatsQuery = z.output<typeof statsQuery>;

export const gapFigures = z.object({
  n4g: z.number().int().min(0).describe('4G stations counting (on the baseline date when one is set)'),
  n5g: z.number().int().min(0).describe('5G stations counting on the as-of date'),
  ratio: z.number().min(0).nullable().describe('n5g / n4g; null when n4g = 0'),
  required: z.number().int().min(0).describe('ceil(n4g × target), in exact integer arithmetic'),
  needed: z.number().int().min(0).describe('max(0, required − n5g)'),
  status: z.enum(['met', 'behind', 'no_baseline']),
});

/** The gap of several areas together, computed from their summed counts. */
export const totalsFigures = gapFigures.extend({
  neededAllAreas: z.number().int().min(0).describe('Sum of the areas\' own gaps: what it takes for every area to meet the target'),
});

export const areaFigures = gapFigures.extend({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  areaKm2: z.number(),
  population: z.number().int().nullable(),
});

export const operatorFigures = gapFigures.extend({ operator: z.string(), operatorName: z.string() });

export const scopeDescription = z.object({
  set: z.object({ id: z.number().int(), name: z.string(), isDemo: z.boolean() }),
  asOf: z.string(),
  baseline: z.string().nullable().describe('4G counted on this date instead of asOf, when set'),
  target: z.object({
    bp: z.number().int().describe('Basis points: 5000 = 50 %'),
    label: z.string(),
    name: z.string().nullable().describe('The stored target used, or null for a what-if target'),
    dueOn: z.string().nullable(),
    milestones: z.array(z.object({ dueOn: z.string(), bp: z.number().int() })),
  }),
  operator: z.string().nullable(),
  dataVersion: z.number().int(),
  demo: z.boolean().describe('True when the set is the generated demo: approximate boundaries, synthetic stations'),
  notice: z.string().nullable().describe('For the demo set: what is not real, and how to load official data'),
});

export const statsResponse = scopeDescription.extend({
  technology: z.enum(['4G', '5G']).nullable(),
  rows: z.array(areaFigures),
  unassigned: z.object({ n4g: z.number().int(), n5g: z.number().int(), ratio: gapFigures.shape.ratio }).describe('Stations in no area of the set'),
  totals: totalsFigures.describe('The whole set, unassigned stations included'),
  selection: z.object({
    areas: z.array(z.string()).describe('The codes of `area` found in the set, in the set\'s order'),
    totals: totalsFigures.describe('The selected areas together (no unassigned stations: they are in no area)'),
  }).nullable().describe('With `area`: the total of those areas, as the map\'s table shows a selection; without: null'),
});
export type StatsResponse = z.infer<typeof statsResponse>;
