import { z } from 'zod';
import { normalizeTechnology } from '../../geo/normalize-technology.js';
import { parseTargetShare } from '../../geo/parse-target-share.js';

/** Query-string building blocks shared by the read routes. */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

/** A boundary set by id (`3`) or by its exact name; default: the newest non-demo set, else the demo. */
export const setParam = z.string().trim().min(1).max(200).describe('Boundary set id or exact name');

/** `0.5` or `50%`, into basis points; the error text is the parser's own. */
export const targetParam = z
  .string()
  .max(20)
  .transform((s, ctx) => {
    try {
      return parseTargetShare(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  })
  .describe('Target share: a fraction with up to 4 decimals (0.5) or a percentage with up to 2 (50%)');

export const operatorCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((s) => s.toUpperCase())
  .describe('Operator code: VIETTEL, VNPT, MOBIFONE, VIETNAMOBILE');

export const technologyParam = z
  .string()
  .transform((s, ctx) => {
    const t = normalizeTechnology(s);
    if (!t) {
      ctx.addIssue({ code: 'custom', message: `unknown technology "${s}": use 4G (LTE, eNB) or 5G (NR, gNB)` });
      return z.NEVER;
    }
    return t;
  })
  .describe('4G (or LTE, eNB) or 5G (or NR, gNB)');

/** A comma-separated list in one parameter, or the parameter repeated. */
export function listParam<T extends z.ZodType<unknown, string>>(item: T, max = 200) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(max));
}

/** The scope every figure is computed for. */
export const figuresQuery = z.strictObject({
  set: setParam.optional(),
  asOf: isoDate.optional().describe('Count stations on air on this date (default: today, Asia/Ho_Chi_Minh)'),
  target: targetParam.optional().describe('What-if target; default: the stored default target'),
  baseline: isoDate.optional().describe('Count 4G on this date instead of asOf (the plan\'s frozen start)'),
  operator: operatorCode.optional(),
});

/** A route that takes no query parameters still refuses them: a typo must not pass silently. */
export const noQuery = z.strictObject({});

/**
 * A whole number from `min` to `max` in a query string or a path, written in digits, with one
 * message for every way it can be wrong. Coercing would take "0x10" for 16, "1e3" for 1000,
 * " " for 0 and "1e309" for Infinity: a link with such a number is a mistake to show.
 */
export function wholeNumberParam(min: number, max: number) {
  const message = `must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, in digits`;
  return z.string({ error: message }).regex(/^\d{1,16}$/, message).transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}

/** A row id in a path (`/api/…/12`): digits, within PostgreSQL's bigint as JavaScript counts exactly. */
export const idParam = (what: string) => z.string().regex(/^\d{1,15}$/, `must be ${what} (digits)`).transform(Number)
  .pipe(z.number().int().min(1, `must be ${what} (digits, from 1)`));
