import type { Lang } from './i18n.js';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${lang}:${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], opts)));
  return f;
}

export const localeOf = (lang: Lang) => LOCALES[lang];

/** 12345 → "12.345" (vi) or "12,345" (en). */
export const formatInt = (n: number, lang: Lang) => numberFormat(lang, { maximumFractionDigits: 0 }).format(n);

/** A ratio as a percentage with one decimal: 0.4567 → "45,7 %" (vi) / "45.7%" (en); null → "–". */
export function formatRatio(r: number | null, lang: Lang): string {
  return r === null ? '–' : numberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
}

/** Basis points as a percentage, exact to the basis point: 5750 → "57,5 %". */
export const formatBp = (bp: number, lang: Lang) =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);

/** Large counts in short form for map bubbles: 12345 → "12 N" (vi) / "12K" (en). */
export const formatCompact = (n: number, lang: Lang) =>
  numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(n);

/** An ISO date (YYYY-MM-DD, a calendar day with no time zone) in the locale's words. */
export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return '–';
  const key = `d:${lang}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(`${iso}T00:00:00Z`));
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 for an ISO date, and back: the slider's scale. */
export const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
