/** The upload page's words, Vietnamese first. Data from files never passes through here. */
export type Lang = 'vi' | 'en';

const vi = {
  pageTitle: 'Tải danh sách trạm — 5G', title: 'Tải danh sách trạm', subtitle: 'Xem trước mọi thay đổi và mọi lỗi trước khi lưu',
  back: 'Bản đồ', operator: 'Nhà mạng', chooseOperator: '— Chọn nhà mạng —', lockedOperator: 'Cố định theo tài khoản của bạn',
  mode: 'Cách tải', merge: 'Thêm và cập nhật', replace: 'Thay toàn bộ danh sách',
  mergeHint: 'Trạm trong tệp được thêm mới hoặc cập nhật; các trạm khác giữ nguyên.',
  replaceHint: 'Tệp là toàn bộ danh sách: trạm của nhà mạng không có trong tệp sẽ bị chuyển sang ngừng hoạt động.',
  sheet: 'Trang tính (Excel, tùy chọn)', drop: 'Kéo thả tệp CSV, Excel (.xlsx) hoặc GeoJSON vào đây', choose: 'Chọn tệp…',
  dropHint: 'hoặc bấm / nhấn Enter để chọn tệp', templates: 'Tệp mẫu:', cannotUpload: 'Vai trò của bạn chỉ được xem lịch sử tải lên, không được tải tệp.',
  needOperator: 'Hãy chọn nhà mạng trước khi chọn tệp.',
  phaseUpload: 'Đang gửi tệp', phaseReading: 'Máy chủ đang đọc tệp', phaseChecking: 'Máy chủ đang kiểm tra {rows} dòng',
  phaseSaving: 'Đang lưu bản xem trước ({rows} dòng)', rowsRead: '{rows} dòng đã đọc',
  phaseCommit: 'Đang cập nhật dữ liệu trạm (một giao dịch: tất cả hoặc không gì cả)…', phaseRollback: 'Đang hoàn tác…', phaseDiscard: 'Đang hủy bản xem trước…',
  preview: 'Xem trước', rows: 'Số dòng', format: 'Định dạng', uploadedBy: 'Người tải', when: 'Lúc', state: 'Trạng thái', file: 'Tệp',
  create: 'Trạm mới', update: 'Cập nhật', unchanged: 'Không đổi', decommission: 'Ngừng hoạt động', errorRows: 'Dòng lỗi', warnings: 'Cảnh báo',
  replaceLine: 'Thay toàn bộ danh sách: {n} trạm của {operator} ({share}) không có trong tệp này sẽ bị chuyển sang ngừng hoạt động khi xác nhận.',
  replaceBlocked: 'Thay toàn bộ danh sách chỉ áp dụng được với tệp không có lỗi: hãy sửa {n} dòng lỗi rồi tải lên lại, hoặc tải lên ở chế độ Thêm và cập nhật.',
  confirmReplace: 'Thay toàn bộ danh sách của {operator}: {n} trạm ({share}) không có trong tệp sẽ bị chuyển sang ngừng hoạt động. Tiếp tục?',
  confirmReplaceMost: 'CẢNH BÁO: {n} trạm của {operator}, tức {share} số trạm đang có, sẽ bị chuyển sang ngừng hoạt động vì không có trong tệp này. Hãy chắc rằng tệp là danh sách đầy đủ. Vẫn tiếp tục?',
  uploadNo: 'Lần tải',
  unknownColumns: 'Cột không nhận ra (bỏ qua): {columns}', skipped: '{n} dòng có lỗi sẽ bị bỏ qua khi cập nhật.', skippedDone: '{n} dòng có lỗi đã bị bỏ qua.',
  commit: 'Xác nhận cập nhật', committedLine: 'Đã cập nhật dữ liệu (lần tải #{id}): {create} trạm mới, {update} cập nhật, {decommission} ngừng hoạt động.',
  seeMap: 'Xem trên bản đồ', rolledBackLine: 'Đã hoàn tác lần tải #{id}.',
  confirmCommitErrors: '{n} dòng có lỗi sẽ bị bỏ qua. Vẫn cập nhật các dòng còn lại?', confirmRollback: 'Hoàn tác lần tải #{id} ({file})? Mọi trạm nó đã thay đổi sẽ trở lại như trước.',
  ok: 'Đồng ý', cancel: 'Hủy',
  actCreate: 'Thêm mới', actUpdate: 'Cập nhật', actDecommission: 'Ngừng hoạt động',
  changes: 'Những gì sẽ thay đổi', changesDone: 'Những gì đã thay đổi', action: 'Thay đổi', allActions: 'Mọi thay đổi', code: 'Mã trạm', technology: 'Công nghệ', row: 'Dòng',
  name: 'Tên', lat: 'Vĩ độ', lon: 'Kinh độ', status: 'Trạng thái trạm', commissionedOn: 'Ngày phát sóng', decommissionedOn: 'Ngày ngừng',
  noChanges: 'Không có thay đổi nào.', planned: 'Kế hoạch', on_air: 'Đang phát', decommissioned: 'Ngừng hoạt động',
  problems: 'Lỗi và cảnh báo', search: 'Tìm trong lỗi…', searchLabel: 'Tìm theo mã lỗi, cột, lý do hoặc giá trị', severity: 'Mức', all: 'Tất cả',
  error: 'Lỗi', warning: 'Cảnh báo', reason: 'Lý do', field: 'Cột', value: 'Giá trị', issueCode: 'Mã lỗi', wholeFile: 'cả tệp',
  downloadCsv: 'Tải báo cáo CSV', noIssues: 'Không có lỗi hay cảnh báo nào.', issuesTotal: '{n} mục', filteredHere: '(lọc trong trang này)',
  history: 'Lịch sử tải lên', counts: 'Mới / cập nhật / ngừng / lỗi', actions: 'Thao tác', open: 'Mở', rollback: 'Hoàn tác',
  newer: '‹ Mới hơn', older: 'Cũ hơn ›', noHistory: 'Chưa có lần tải nào.', page: 'Trang {page}', prev: 'Trang trước', next: 'Trang sau',
  previewed: 'Chưa xác nhận', committed: 'Đã cập nhật', rolled_back: 'Đã hoàn tác', discarded: 'Đã hủy', by: '{who}, {when}',
  discard: 'Hủy bản xem trước', confirmDiscard: 'Hủy bản xem trước #{id} ({file})? Dữ liệu trạm không thay đổi; báo cáo lỗi vẫn được giữ.',
  discardedLine: 'Đã hủy bản xem trước #{id}. Dữ liệu trạm không thay đổi.', supersededBy: 'dữ liệu trạm đã thay đổi sau đó (lần tải #{id}): tải tệp lên lại để xem trước', supersededShort: 'thay bởi lần tải #{id}',
  otherLang: 'English', detail: 'Chi tiết từ máy chủ: {message}',
  refusedFile: 'Tệp {file}:', chooseSheet: 'Đọc lại tệp này với trang tính:', sheetRead: 'đã đọc',
  sheetHint: 'Nếu sổ làm việc có nhiều trang tính, hãy ghi tên trang cần đọc vào ô "Trang tính" rồi chọn lại tệp.',
  noMatch: 'Không có mục nào khớp bộ lọc.', clearFilter: 'Bỏ lọc', allFields: 'Mọi cột',
  pageOf: 'Trang {page} / {pages}', first: 'Trang đầu', last: 'Trang cuối',
  sizeLimit: 'Tối đa {size} một tệp.', tooLargeHere: 'Dung lượng {size} vượt giới hạn {max} của một lần tải lên; hãy chia thành nhiều tệp nhỏ hơn.',
  nothingToApply: 'Không có dòng hợp lệ nào để cập nhật: hãy sửa lỗi rồi tải lên lại.', nothingChanges: 'Không có gì để cập nhật: mọi trạm trong tệp đã đúng như dữ liệu hiện có.',
  processing: 'Đang xử lý tệp {file}…', busyWithFile: 'Đang xử lý tệp {file}: hãy đợi xong rồi mới gửi tệp {other}.',
  busyWithAction: 'Đang có một thao tác chạy: hãy đợi xong rồi mới gửi tệp {other}.',
  busyCommit: 'Đang cập nhật…', busyRollback: 'Đang hoàn tác…', busyDiscard: 'Đang hủy…',
  labelOpen: 'Mở lần tải #{id} ({file})', labelCommit: 'Xác nhận cập nhật lần tải #{id} ({file})',
  labelRollback: 'Hoàn tác lần tải #{id} ({file})', labelDiscard: 'Hủy bản xem trước #{id} ({file})',
  expandValue: 'Bấm để xem toàn bộ giá trị',
};

const en: typeof vi = {
  pageTitle: 'Upload a station list — 5G', title: 'Upload a station list', subtitle: 'See every change and every problem before anything is saved',
  back: 'Map', operator: 'Operator', chooseOperator: '— Choose an operator —', lockedOperator: 'Fixed by your account',
  mode: 'Mode', merge: 'Add and update', replace: 'Replace the whole list',
  mergeHint: 'Stations in the file are added or updated; all others stay as they are.',
  replaceHint: 'The file is the whole list: the operator\'s stations not in the file are decommissioned.',
  sheet: 'Sheet (Excel, optional)', drop: 'Drop a CSV, Excel (.xlsx) or GeoJSON file here', choose: 'Choose a file…',
  dropHint: 'or click / press Enter to choose one', templates: 'Templates:', cannotUpload: 'Your role can read the upload history but not upload files.',
  needOperator: 'Choose the operator before the file.',
  phaseUpload: 'Sending the file', phaseReading: 'The server is reading the file', phaseChecking: 'The server is checking {rows} rows',
  phaseSaving: 'Saving the preview ({rows} rows)', rowsRead: '{rows} rows read',
  phaseCommit: 'Committing (one transaction: all of it or nothing)…', phaseRollback: 'Rolling back…', phaseDiscard: 'Discarding the preview…',
  preview: 'Preview', rows: 'Rows', format: 'Format', uploadedBy: 'Uploaded by', when: 'When', state: 'State', file: 'File',
  create: 'New stations', update: 'Updated', unchanged: 'Unchanged', decommission: 'Decommissioned', errorRows: 'Rows in error', warnings: 'Warnings',
  replaceLine: 'Replace the whole list: {n} stations of {operator} ({share}) that are not in this file will be decommissioned on commit.',
  replaceBlocked: 'A replace applies only a file without errors: fix the {n} rows in error and upload again, or upload in the Add and update mode.',
  confirmReplace: 'Replace the whole list of {operator}: {n} stations ({share}) not in the file will be decommissioned. Go on?',
  confirmReplaceMost: 'WARNING: {n} stations of {operator}, {share} of those it has, will be decommissioned because this file does not list them. Make sure the file is the whole list. Go on anyway?',
  uploadNo: 'Upload',
  unknownColumns: 'Columns not recognised (ignored): {columns}', skipped: '{n} rows with errors will be skipped by the commit.', skippedDone: '{n} rows with errors were skipped.',
  commit: 'Commit', committedLine: 'The data is updated (upload #{id}): {create} new, {update} updated, {decommission} decommissioned.',
  seeMap: 'See it on the map', rolledBackLine: 'Upload #{id} is rolled back.',
  confirmCommitErrors: '{n} rows in error will be skipped. Commit the other rows anyway?', confirmRollback: 'Roll back upload #{id} ({file})? Every station it changed goes back to how it was.',
  ok: 'OK', cancel: 'Cancel',
  actCreate: 'New', actUpdate: 'Update', actDecommission: 'Decommission',
  changes: 'What would change', changesDone: 'What changed', action: 'Change', allActions: 'All changes', code: 'Station code', technology: 'Technology', row: 'Row',
  name: 'Name', lat: 'Latitude', lon: 'Longitude', status: 'Station status', commissionedOn: 'On air since', decommissionedOn: 'Decommissioned on',
  noChanges: 'Nothing would change.', planned: 'Planned', on_air: 'On air', decommissioned: 'Decommissioned',
  problems: 'Errors and warnings', search: 'Search the problems…', searchLabel: 'Search by code, column, reason or value', severity: 'Level', all: 'All',
  error: 'Error', warning: 'Warning', reason: 'Reason', field: 'Column', value: 'Value', issueCode: 'Code', wholeFile: 'whole file',
  downloadCsv: 'Download the CSV report', noIssues: 'No errors or warnings.', issuesTotal: '{n} items', filteredHere: '(filtered on this page)',
  history: 'Upload history', counts: 'New / updated / decommissioned / errors', actions: 'Actions', open: 'Open', rollback: 'Roll back',
  newer: '‹ Newer', older: 'Older ›', noHistory: 'No uploads yet.', page: 'Page {page}', prev: 'Previous page', next: 'Next page',
  previewed: 'Not committed', committed: 'Committed', rolled_back: 'Rolled back', discarded: 'Discarded', by: '{who}, {when}',
  discard: 'Discard the preview', confirmDiscard: 'Discard preview #{id} ({file})? No station changes; the error report is kept.',
  discardedLine: 'Preview #{id} discarded. No station changed.', supersededBy: 'the stations changed after it (upload #{id}): upload the file again for a new preview', supersededShort: 'superseded by upload #{id}',
  otherLang: 'Tiếng Việt', detail: 'Server detail: {message}',
  refusedFile: 'File {file}:', chooseSheet: 'Read this file again with the sheet:', sheetRead: 'read',
  sheetHint: 'If the workbook has several sheets, write the one to read in the "Sheet" field and choose the file again.',
  noMatch: 'Nothing matches the filter.', clearFilter: 'Clear the filter', allFields: 'All columns',
  pageOf: 'Page {page} / {pages}', first: 'First page', last: 'Last page',
  sizeLimit: 'Up to {size} a file.', tooLargeHere: 'Its size, {size}, is over the {max} limit of one upload; split it into smaller files.',
  nothingToApply: 'Nothing to apply: fix the errors and upload again.', nothingChanges: 'Nothing to apply: every station in the file is already as stored.',
  processing: 'Processing {file}…', busyWithFile: 'Still processing {file}: wait until it is done before sending {other}.',
  busyWithAction: 'An action is running: wait until it is done before sending {other}.',
  busyCommit: 'Committing…', busyRollback: 'Rolling back…', busyDiscard: 'Discarding…',
  labelOpen: 'Open upload #{id} ({file})', labelCommit: 'Commit upload #{id} ({file})',
  labelRollback: 'Roll back upload #{id} ({file})', labelDiscard: 'Discard preview #{id} ({file})',
  expandValue: 'Click to see the whole value',
};

export type Word = keyof typeof vi;
const DICTS: Record<Lang, typeof vi> = { vi, en };

export interface Texts {
  lang: Lang;
  t(word: Word, vars?: Record<string, string | number>): string;
  /** Integers and decimals in the language's digit grouping: 1.234 (vi), 1,234 (en). */
  num(n: number, maxDecimals?: number): string;
  /** A file size: "7,6 MB", "97,7 kB" (vi); "50 MB" (en). */
  bytes(n: number): string;
  dateTime(iso: string): string;
  date(isoDay: string): string;
}

export function texts(lang: Lang): Texts {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const nums = new Map<number, Intl.NumberFormat>();
  const num = (n: number, maxDecimals = 0) => {
    if (!nums.has(maxDecimals)) nums.set(maxDecimals, new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }));
    return nums.get(maxDecimals)!.format(n);
  };
  const dayParts = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  const dateTime = new Intl.DateTimeFormat(locale, { ...dayParts, hour: '2-digit', minute: '2-digit' });
  // A calendar day has no time zone: format it as the UTC day it names, so it never shifts.
  const day = new Intl.DateTimeFormat(locale, { ...dayParts, timeZone: 'UTC' });
  const bytes = (n: number) => (n >= 1024 * 1024 ? `${num(n / 1024 / 1024, 1)} MB` : n >= 1024 ? `${num(n / 1024, 1)} kB` : `${num(n)} B`);
  return {
    lang, num, bytes,
    t: (word, vars = {}) => DICTS[lang][word].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? (typeof vars[k] === 'number' ? num(vars[k]) : String(vars[k])) : m)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (isoDay) => day.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`)),
  };
}
