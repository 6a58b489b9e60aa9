import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { csvLine } from '../http/csv.js';
import { headerOf, ISSUE_CSV_HEADERS, type Lang } from './upload-messages.js';
import { findIssuePage, type IssueFilter } from './uploads.repository.js';

const PAGE = 5000;
const SEVERITY: Record<Lang, Record<'error' | 'warning', string>> = { en: { error: 'error', warning: 'warning' }, vi: { error: 'Lỗi', warning: 'Cảnh báo' } };

/**
 * An upload's error report as CSV, a page of issues at a time: a BOM (Excel then reads it as
 * UTF-8), the header, one line per issue with formula-neutralised cells. In Vietnamese the level
 * and the column are the words the upload page shows (Lỗi, Vĩ độ); the issue code stays as it is,
 * for filtering.
 */
export async function* issueReportCsv(db: Kysely<DB>, id: number, filter: IssueFilter & { lang: Lang }): AsyncGenerator<string> {
  const { lang } = filter;
  yield '\uFEFF' + csvLine(ISSUE_CSV_HEADERS[lang]);
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await findIssuePage(db, id, { ...filter, offset, limit: PAGE });
    yield rows.map((i) => csvLine([i.row, SEVERITY[lang][i.severity], i.code, i.field === null ? null : headerOf(i.field, lang), i.message, i.value, i.station])).join('');
    if (rows.length < PAGE) return;
  }
}
