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

/**
 * A date as people type it on this page, into ISO (YYYY-MM-DD); null when it is not a real
 * calendar day. Day first, as both languages of the page write it (18/03/2025, 18.3.2025,
 * 18-03-2025); an ISO date is taken as it is.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const day = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === out ? out : null;
}
