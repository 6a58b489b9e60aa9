import { z } from 'zod';

export const boundarySet = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.string(),
  source: z.string().nullable(),
  licence: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isDemo: z.boolean().describe('Generated demo data: approximate boundaries, synthetic stations'),
  areaCount: z.number().int(),
  isDefault: z.boolean().describe('The set used when a request names none'),
});

export const boundarySetsResponse = z.object({ sets: z.array(boundarySet) });
