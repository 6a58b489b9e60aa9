import { safeFileName } from '../server/http/csv.js';
import { api, type StatsCsvQuery } from './api.js';
import type { ViewState } from './state.js';

/** The CSV's scope plus the language its headings and labels are written in (api.ts passes every key on). */
export type AreaCsvQuery = StatsCsvQuery & { lang: ViewState['lang'] };

/** A file name that says what the file holds: kind, set, filters, date, target. */
export function exportFileName(kind: string, setName: string, s: ViewState, ext: string, extra: (string | null)[] = []): string {
  return safeFileName([
    kind, setName, s.areas.join('-'), s.operators.join('-'), s.technology, s.statuses.join('-'),
    s.asOf && `asof-${s.asOf}`, ...extra,
  ], ext);
}

/**
 * Downloads the area table as the API writes it (GET /api/stats?format=csv: spreadsheet-safe,
 * named after its scope), so the file and the table come from the same figures.
 */
export async function downloadAreaTableCsv(q: AreaCsvQuery): Promise<void> {
  const file = await api.statsCsv(q);
  downloadText(file.text, file.fileName, file.type);
}

/** Saves text as a file through an object URL (no server round trip, no innerHTML). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The scope of the view's area table, as GET /api/stats?format=csv takes it (several operators are summed there), in the page's language. */
export function areaCsvQuery(s: ViewState, asOf: string): AreaCsvQuery {
  return {
    set: s.set ?? undefined, asOf, operator: s.operators.join(',') || undefined, area: s.areas.join(',') || undefined,
    target: s.target ? `${s.target}%` : undefined, lang: s.lang,
  };
}
