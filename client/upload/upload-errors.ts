import { ApiError } from './upload-api.js';
import type { Lang, Texts } from './upload-i18n.js';
import { halfInLanguage, looksVietnamese } from '../bilingual.js';

/** What an operator reads for each error code the upload routes give; the server's own message follows as the detail. */
const MESSAGES: Record<Lang, Record<string, string>> = {
  vi: {
    stale_preview: 'Danh sách trạm của nhà mạng đã thay đổi kể từ lần xem trước này; hãy tải tệp lên lại để có bản xem trước mới.',
    not_a_preview: 'Lần tải này không còn là bản xem trước (đã cập nhật hoặc đã hoàn tác); hãy tải tệp lên lại.',
    not_committed: 'Lần tải này chưa được cập nhật hoặc đã hoàn tác: không có gì để hoàn tác.',
    rollback_conflict: 'Không thể hoàn tác: các trạm dưới đây đã thay đổi lại sau lần tải này. Hãy hoàn tác các lần tải sau trước.',
    rollbackLater: '{n} trạm đã được lần tải #{id} thay đổi lại: hãy hoàn tác lần tải #{id} trước.',
    rollbackOutside: '{n} trạm đã được sửa ngoài các lần tải.',
    more: '… và {n} trạm khác',
    replace_with_errors: 'Thay toàn bộ danh sách chỉ áp dụng được với tệp không có lỗi: hãy sửa các dòng lỗi rồi tải lên lại, hoặc tải lên ở chế độ Thêm và cập nhật.',
    upload_too_large: 'Tệp quá lớn hoặc có quá nhiều dòng; hãy chia thành nhiều tệp nhỏ hơn.',
    unreadable_file: 'Không đọc được tệp: không phải CSV, Excel (.xlsx) hay GeoJSON, hoặc thiếu cột bắt buộc.',
    invalid_parameter: 'Thông tin gửi kèm tệp không hợp lệ.',
    bad_request: 'Yêu cầu không hợp lệ hoặc tệp gửi lên bị gián đoạn.',
    forbidden: 'Tài khoản của bạn không được phép làm việc này.',
    csrf: 'Phiên làm việc đã thay đổi; hãy tải lại trang rồi thử lại.',
    unauthenticated: 'Phiên đăng nhập đã hết; hãy đăng nhập lại.',
    not_found: 'Không tìm thấy lần tải này.',
    network: 'Không kết nối được tới máy chủ; hãy kiểm tra mạng rồi thử lại.',
    other: 'Máy chủ gặp lỗi; hãy thử lại sau.',
  },
  en: {
    stale_preview: 'The operator\'s stations changed since this preview; upload the file again for a fresh preview.',
    not_a_preview: 'This upload is no longer a preview (already committed or rolled back); upload the file again.',
    not_committed: 'This upload is not committed (or already rolled back): there is nothing to roll back.',
    rollback_conflict: 'This upload cannot be rolled back: the stations below changed again after it. Roll the later uploads back first.',
    rollbackLater: '{n} stations were changed again by upload #{id}: roll upload #{id} back first.',
    rollbackOutside: '{n} stations were edited outside uploads.',
    more: '… and {n} more stations',
    replace_with_errors: 'A replace applies only a file without errors: fix the rows in error and upload again, or upload in the Add and update mode.',
    upload_too_large: 'The file is too large or has too many rows; split it into smaller files.',
    unreadable_file: 'The file cannot be read: not CSV, Excel (.xlsx) or GeoJSON, or a required column is missing.',
    invalid_parameter: 'A field sent with the file is not valid.',
    bad_request: 'The request is not valid, or the upload was cut off.',
    forbidden: 'Your account may not do this.',
    csrf: 'Your session changed; reload the page and try again.',
    unauthenticated: 'Your session has ended; sign in again.',
    not_found: 'This upload was not found.',
    network: 'The server cannot be reached; check the connection and try again.',
    other: 'The server ran into an error; try again later.',
  },
};

export interface ErrorView { text: string; items: string[]; detail: string | null }

type Conflict = { code: string; technology: string; uploadId?: number; fileName?: string };
type ConflictDetails = {
  laterUploads?: Conflict[]; changedSince?: Conflict[]; laterUploadIds?: number[]; totals?: { laterUploads: number; changedSince: number };
};

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
const SHOWN = 20;

/**
 * rollback_conflict: how many stations each later upload (or an edit) changed, then the first
 * stations by name; the server lists at most 1,000 of each kind, the page 20.
 */
function conflictItems(details: unknown, tx: Texts): string[] {
  const d = (details ?? {}) as ConflictDetails;
  const words = MESSAGES[tx.lang];
  const later = d.laterUploads ?? [], since = d.changedSince ?? [];
  const perUpload = new Map<number, number>();
  for (const c of later) if (c.uploadId !== undefined) perUpload.set(c.uploadId, (perUpload.get(c.uploadId) ?? 0) + 1);
  // With one later upload the totals are exact; with several, the listed share of each.
  const ids = d.laterUploadIds ?? [...perUpload.keys()];
  const summary = ids.map((id) => fill(words.rollbackLater!, { id: String(id), n: tx.num(ids.length === 1 ? d.totals?.laterUploads ?? perUpload.get(id) ?? 0 : perUpload.get(id) ?? 0) }));
  const outside = d.totals?.changedSince ?? since.length;
  if (outside) summary.push(fill(words.rollbackOutside!, { n: tx.num(outside) }));
  const stations = [
    ...later.map((c) => `${c.code} (${c.technology}) — ${tx.lang === 'vi' ? 'lần tải' : 'upload'} #${c.uploadId} ${c.fileName ?? ''}`.trim()),
    ...since.map((c) => `${c.code} (${c.technology}) — ${tx.lang === 'vi' ? 'đã sửa ngoài các lần tải' : 'changed outside uploads'}`),
  ];
  const all = (d.totals ? d.totals.laterUploads + d.totals.changedSince : stations.length);
  const rest = all - Math.min(SHOWN, stations.length);
  return [...summary, ...stations.slice(0, SHOWN), ...(rest > 0 ? [fill(words.more!, { n: tx.num(rest) })] : [])];
}

/** Refusals of a whole file come in the page's language (the upload sends lang): their own words say it best. */
const SAID_BY_SERVER = new Set(['unreadable_file']);

/**
 * The server's message if it is in the page's language, else null: it is when the request
 * asked for that language; an "English / Tiếng Việt" message (sign-in refusals) gives the
 * part in the page's language.
 */
export function serverWords(message: string, messageLang: Lang, lang: Lang): string | null {
  const half = halfInLanguage(message, lang);
  if (half !== null) return half;
  const halves = message.split(' / ');
  if (halves.length === 2 && looksVietnamese(halves[0]!)) return lang === 'vi' ? message : null;
  return messageLang === lang ? message : null;
}

/** What the page says for a refusal; `file`: the file refused, when it is an upload (its size for a 413). */
export function describeError(err: unknown, tx: Texts, opts: { file?: { size: number }; maxBytes?: number } = {}): ErrorView {
  const words = MESSAGES[tx.lang];
  if (!(err instanceof ApiError)) return { text: words.other!, items: [], detail: null };
  if (SAID_BY_SERVER.has(err.code) && err.message) return { text: err.message, items: [], detail: null };
  if (err.code === 'upload_too_large' && opts.file && opts.maxBytes && opts.file.size > opts.maxBytes) {
    return { text: tx.t('tooLargeHere', { size: tx.bytes(opts.file.size), max: tx.bytes(opts.maxBytes) }), items: [], detail: null };
  }
  const text = words[err.code] ?? words.other!;
  const items = err.code === 'rollback_conflict' ? conflictItems(err.details, tx) : [];
  const detail = err.code === 'network' ? null : serverWords(err.message, err.messageLang, tx.lang);
  return { text, items, detail: detail === text ? null : detail };
}
