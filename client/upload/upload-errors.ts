import { ApiError } from './upload-api.js';
import type { Lang, Texts } from './upload-i18n.js';

/** What an operator reads for each error code the upload routes give; the server's own message follows as the detail. */
const MESSAGES: Record<Lang, Record<string, string>> = {
  vi: {
    stale_preview: 'Danh sách trạm của nhà mạng đã thay đổi kể từ lần xem trước này; hãy tải tệp lên lại để có bản xem trước mới.',
    not_a_preview: 'Lần tải này không còn là bản xem trước (đã cập nhật hoặc đã hoàn tác); hãy tải tệp lên lại.',
    not_committed: 'Lần tải này chưa được cập nhật hoặc đã hoàn tác: không có gì để hoàn tác.',
    rollback_conflict: 'Không thể hoàn tác: các trạm dưới đây đã thay đổi lại sau lần tải này. Hãy hoàn tác các lần tải sau trước.',
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

/** rollback_conflict lists the stations and the later uploads that changed them (error.details). */
function conflictItems(details: unknown, tx: Texts): string[] {
  const d = (details ?? {}) as { laterUploads?: Conflict[]; changedSince?: Conflict[] };
  const later = (d.laterUploads ?? []).map((c) => `${c.code} (${c.technology}) — ${tx.lang === 'vi' ? 'lần tải' : 'upload'} #${c.uploadId} ${c.fileName ?? ''}`.trim());
  const outside = (d.changedSince ?? []).map((c) => `${c.code} (${c.technology}) — ${tx.lang === 'vi' ? 'đã sửa ngoài các lần tải' : 'changed outside uploads'}`);
  return [...later, ...outside];
}

export function describeError(err: unknown, tx: Texts): ErrorView {
  const words = MESSAGES[tx.lang];
  if (!(err instanceof ApiError)) return { text: words.other!, items: [], detail: err instanceof Error ? err.message : String(err) };
  const text = words[err.code] ?? words.other!;
  const items = err.code === 'rollback_conflict' ? conflictItems(err.details, tx) : [];
  return { text, items, detail: err.code === 'network' ? null : err.message };
}
