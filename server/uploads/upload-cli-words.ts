import type { Lang } from './upload-messages.js';
import type { UploadView } from './uploads.service.js';

/** The words of `npm run cli -- stations …`, Vietnamese and English (issue and file messages come from upload-messages.ts). */

const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
const rowLabel = (row: number | null, lang: Lang) => (row === null ? (lang === 'vi' ? 'cả tệp' : 'file') : `${lang === 'vi' ? 'dòng' : 'row'} ${row}`);
const CMD = 'npm run cli -- stations';

export interface Conflict { code: string; technology: string; uploadId?: number; fileName?: string }

export const CLI_WORDS = {
  en: {
    summary: (u: UploadView, sha: string, bytes: string) => `upload ${u.id}: ${u.fileName} (${u.format}, ${bytes}, sha256 ${sha}…) for ${u.operator}, mode ${u.mode}: ${u.state}`,
    rowsRead: (n: number) => `  rows read: ${count(n, 'en')}`,
    counts: (c: UploadView['counts'], replace: boolean) =>
      `  create ${count(c.create, 'en')}, update ${count(c.update, 'en')}, unchanged ${count(c.unchanged, 'en')}${replace ? `, decommission ${count(c.decommission, 'en')}` : ''}`,
    problems: (c: UploadView['counts']) => `  rows in error (skipped): ${count(c.errorRows, 'en')}, warnings: ${count(c.warnings, 'en')}`,
    unknownColumns: (cols: string[], more: number) => `  unknown columns kept aside: ${cols.join(', ')}${more > 0 ? ` and ${count(more, 'en')} more` : ''}`,
    issue: (severity: string, row: number | null, message: string) => `  ${severity === 'error' ? 'ERROR' : 'warn '} ${rowLabel(row, 'en')}: ${message}`,
    more: (n: number) => `  … ${count(n, 'en')} more: --report <file.csv> writes them all`,
    moreInReport: (n: number, path: string) => `  … ${count(n, 'en')} more in ${path}`,
    reportWritten: (n: number, path: string) => `report: ${count(n, 'en')} issues written to ${path}`,
    dryRun: (id: number) => `dry run: preview ${id} saved (not committed), no station changed; commit it with: ${CMD} commit ${id}`,
    committed: (id: number) => `committed upload ${id}; undo with: ${CMD} rollback ${id}`,
    rolledBack: (id: number) => `rolled back upload ${id}: its stations are as they were before it`,
    discarded: (id: number) => `discarded preview ${id}: it will not be committed; no station changed, its report stays`,
    laterUpload: (c: Conflict) => `  ${c.code} ${c.technology}: changed again by upload ${c.uploadId} (${c.fileName})`,
    changedOutside: (c: Conflict) => `  ${c.code} ${c.technology}: changed outside uploads since`,
    andMore: (n: number) => `  … and ${count(n, 'en')} more`,
    noUploads: 'no uploads',
    noSuchFile: (path: string) => `no such file: ${path}`,
    noSuchFolder: (path: string) => `no such folder: ${path}`,
    isFolder: (path: string) => `${path} is a folder, not a file: name the station file in it`,
    noPermission: (path: string) => `${path} cannot be read or written: no permission`,
    columns: ['id', 'created', 'operator', 'state', 'mode', 'rows', 'create', 'update', 'unchanged', 'decomm.', 'errors', 'warnings', 'by', 'file'],
    mode: { merge: 'merge', replace: 'replace' },
    state: { previewed: 'previewed', committed: 'committed', rolled_back: 'rolled back', discarded: 'discarded' },
    progress: { reading: 'reading', checking: 'checking', saving: 'saving', writing: 'writing', rows: 'rows' },
  },
  vi: {
    summary: (u: UploadView, sha: string, bytes: string) =>
      `Lần tải ${u.id}: ${u.fileName} (${u.format}, ${bytes}, sha256 ${sha}…) của ${u.operator}, cách tải: ${CLI_WORDS.vi.mode[u.mode]}; ${CLI_WORDS.vi.state[u.state]}`,
    rowsRead: (n: number) => `  Số dòng đã đọc: ${count(n, 'vi')}`,
    counts: (c: UploadView['counts'], replace: boolean) =>
      `  Trạm mới ${count(c.create, 'vi')}, cập nhật ${count(c.update, 'vi')}, không đổi ${count(c.unchanged, 'vi')}${replace ? `, ngừng hoạt động ${count(c.decommission, 'vi')}` : ''}`,
    problems: (c: UploadView['counts']) => `  Dòng lỗi (bỏ qua): ${count(c.errorRows, 'vi')}, cảnh báo: ${count(c.warnings, 'vi')}`,
    unknownColumns: (cols: string[], more: number) => `  Cột không nhận ra (để riêng, không nhập): ${cols.join(', ')}${more > 0 ? ` và ${count(more, 'vi')} cột khác` : ''}`,
    issue: (severity: string, row: number | null, message: string) => `  ${severity === 'error' ? 'LỖI     ' : 'cảnh báo'} ${rowLabel(row, 'vi')}: ${message}`,
    more: (n: number) => `  … còn ${count(n, 'vi')} mục nữa: dùng --report <tệp.csv> để ghi toàn bộ`,
    moreInReport: (n: number, path: string) => `  … còn ${count(n, 'vi')} mục nữa trong ${path}`,
    reportWritten: (n: number, path: string) => `Báo cáo: đã ghi ${count(n, 'vi')} mục vào ${path}`,
    dryRun: (id: number) => `Chạy thử: đã lưu bản xem trước ${id} (chưa xác nhận), chưa trạm nào thay đổi; xác nhận bằng: ${CMD} commit ${id}`,
    committed: (id: number) => `Đã cập nhật lần tải ${id}; hoàn tác bằng: ${CMD} rollback ${id}`,
    rolledBack: (id: number) => `Đã hoàn tác lần tải ${id}: các trạm đã trở lại như trước lần tải này`,
    discarded: (id: number) => `Đã hủy bản xem trước ${id}: bản này sẽ không được xác nhận; không trạm nào thay đổi, báo cáo lỗi vẫn được giữ`,
    laterUpload: (c: Conflict) => `  ${c.code} ${c.technology}: đã bị lần tải ${c.uploadId} (${c.fileName}) thay đổi tiếp`,
    changedOutside: (c: Conflict) => `  ${c.code} ${c.technology}: đã bị thay đổi ngoài các lần tải`,
    andMore: (n: number) => `  … và ${count(n, 'vi')} trạm nữa`,
    noUploads: 'Chưa có lần tải nào.',
    noSuchFile: (path: string) => `Không có tệp: ${path}`,
    noSuchFolder: (path: string) => `Không có thư mục: ${path}`,
    isFolder: (path: string) => `${path} là một thư mục, không phải tệp: hãy ghi tên tệp danh sách trạm trong thư mục đó`,
    noPermission: (path: string) => `Không có quyền đọc hoặc ghi ${path}`,
    columns: ['Số', 'Lúc', 'Nhà mạng', 'Trạng thái', 'Cách tải', 'Dòng', 'Mới', 'Cập nhật', 'Không đổi', 'Ngừng', 'Dòng lỗi', 'Cảnh báo', 'Người tải', 'Tệp'],
    mode: { merge: 'thêm và cập nhật', replace: 'thay toàn bộ danh sách' },
    state: { previewed: 'chưa xác nhận', committed: 'đã cập nhật', rolled_back: 'đã hoàn tác', discarded: 'đã hủy' },
    progress: { reading: 'đang đọc', checking: 'đang kiểm tra', saving: 'đang lưu', writing: 'đang ghi', rows: 'dòng' },
  },
} satisfies Record<Lang, unknown>;

export type CliWords = (typeof CLI_WORDS)['en'];

/** Upload times as people in Vietnam read them: local time (UTC+7), day first in Vietnamese. */
export function formatTime(iso: string, lang: Lang): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return lang === 'vi' ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export { count as formatCount };
