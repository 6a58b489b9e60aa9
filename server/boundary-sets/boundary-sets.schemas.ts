import { z } from 'zod';

export const boundarySet = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.string(),
  parentLevel: z.string().nullable().describe('The level of the parents of its areas (e.g. province above communes); null: none'),
  source: z.string().nullable(),
  licence: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isDemo: z.boolean().describe('Generated demo data: approximate boundaries, synthetic stations'),
  areaCount: z.number().int(),
  parentCount: z.number().int().describe('How many parents (0 without a parent level)'),
  isDefault: z.boolean().describe('The set used when a request names none'),
});

export const boundarySetsResponse = z.object({ sets: z.array(boundarySet) });
