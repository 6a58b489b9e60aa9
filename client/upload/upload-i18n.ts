/** The upload page's words, Vietnamese first. Data from files never passes through here. */
export type Lang = 'vi' | 'en';

export const WORDS = {
  vi: {
    back: '← Bản đồ', title: 'Tải danh sách trạm', operator: 'Nhà mạng', mode: 'Cách tải', merge: 'Thêm và cập nhật', replace: 'Thay toàn bộ danh sách',
    sheet: 'Trang tính (Excel)', by: 'Người tải', drop: 'Kéo thả tệp CSV, Excel hoặc GeoJSON vào đây, hoặc bấm để chọn', templates: 'Mẫu:',
    preview: 'Xem trước', commit: 'Xác nhận cập nhật', problems: 'Lỗi và cảnh báo', filter: 'Lọc…', all: 'Tất cả', errors: 'Lỗi', warnings: 'Cảnh báo',
    download: 'Tải báo cáo CSV', row: 'Dòng', severityCol: 'Mức', field: 'Cột', message: 'Lý do', value: 'Giá trị', history: 'Lịch sử tải lên',
    file: 'Tệp', state: 'Trạng thái', when: 'Lúc', rollback: 'Hoàn tác', uploading: 'Đang tải lên…', checking: 'Máy chủ đang kiểm tra tệp…',
    create: 'Trạm mới', update: 'Cập nhật', unchanged: 'Không đổi', decommission: 'Ngừng hoạt động', errorRows: 'Dòng lỗi (bỏ qua)',
    warningsCount: 'Cảnh báo', committed: 'Đã cập nhật', rolled_back: 'Đã hoàn tác', previewed: 'Chưa xác nhận', done: 'Đã cập nhật dữ liệu.',
    rolledBack: 'Đã hoàn tác.', confirmRollback: 'Hoàn tác lần tải này?', other: 'English', file_level: 'cả tệp',
  },
  en: {
    back: '← Map', title: 'Upload a station list', operator: 'Operator', mode: 'Mode', merge: 'Add and update', replace: 'Replace the whole list',
    sheet: 'Sheet (Excel)', by: 'Uploaded by', drop: 'Drop a CSV, Excel or GeoJSON file here, or click to choose', templates: 'Templates:',
    preview: 'Preview', commit: 'Commit', problems: 'Errors and warnings', filter: 'Filter…', all: 'All', errors: 'Errors', warnings: 'Warnings',
    download: 'Download the CSV report', row: 'Row', severityCol: 'Level', field: 'Column', message: 'Reason', value: 'Value', history: 'Upload history',
    file: 'File', state: 'State', when: 'When', rollback: 'Roll back', uploading: 'Uploading…', checking: 'The server is checking the file…',
    create: 'New stations', update: 'Updated', unchanged: 'Unchanged', decommission: 'Decommissioned', errorRows: 'Rows in error (skipped)',
    warningsCount: 'Warnings', committed: 'Committed', rolled_back: 'Rolled back', previewed: 'Not committed', done: 'The data is updated.',
    rolledBack: 'Rolled back.', confirmRollback: 'Roll this upload back?', other: 'Tiếng Việt', file_level: 'whole file',
  },
} as const;

export type Word = keyof (typeof WORDS)['vi'];
