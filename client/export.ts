import { csvLine, safeFileName } from '../server/http/csv.js';
import { api, type StatsCsvQuery } from './api.js';
import type { Figures } from './figures.js';
import type { ViewState } from './state.js';

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
export async function downloadAreaTableCsv(q: StatsCsvQuery): Promise<void> {
  const file = await api.statsCsv(q);
  downloadText(file.text, file.fileName, file.type);
}

const AREA_COLUMNS = ['area_code', 'area_name', 'n4g', 'n5g', 'ratio', 'required', 'needed', 'status'] as const;

/**
 * The area table as CSV built in the browser: only for a view the API cannot scope (several
 * operators summed; /api/stats takes one operator).
 * The area table as CSV (BOM for Excel), scope totals last, with the target and date in the rows' header. */
export function areaTableCsv(f: Figures, meta: { asOf: string; targetLabel: string; withUnassigned: boolean }): string {
  const ratio = (r: number | null) => (r === null ? null : Number(r.toFixed(6)));
  let out = '\uFEFF' + csvLine([...AREA_COLUMNS, 'as_of', 'target']);
  for (const r of f.rows) out += csvLine([r.code, r.name, r.n4g, r.n5g, ratio(r.ratio), r.required, r.needed, r.status, meta.asOf, meta.targetLabel]);
  const u = f.unassigned;
  if (meta.withUnassigned) out += csvLine(['', '(unassigned)', u.n4g, u.n5g, ratio(u.ratio), '', '', '', meta.asOf, meta.targetLabel]);
  const tot = f.totals;
  out += csvLine(['', '(total)', tot.n4g, tot.n5g, ratio(tot.ratio), tot.required, tot.needed, tot.status, meta.asOf, meta.targetLabel]);
  return out;
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

/** The scope of the view's area table, as GET /api/stats?format=csv takes it (one operator at most). */
export function areaCsvQuery(s: ViewState, asOf: string): StatsCsvQuery {
  return {
    set: s.set ?? undefined, asOf, operator: s.operators[0], area: s.areas.join(',') || undefined,
    target: s.target ? `${s.target}%` : undefined,
  };
}
