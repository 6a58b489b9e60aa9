import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/upload/upload-api.js';
import { describeError } from '../../client/upload/upload-errors.js';
import { texts } from '../../client/upload/upload-i18n.js';

describe('upload page error messages', () => {
  it('a rollback conflict says how many stations which later upload changed, then 20 of them, then how many more', () => {
    const laterUploads = Array.from({ length: 1000 }, (_, i) => ({ code: `QA-${i}`, technology: '4G', uploadId: 144, fileName: 'big.csv' }));
    const err = new ApiError(409, 'rollback_conflict', 'Upload 143 cannot be rolled back: 100,000 …',
      { laterUploads, changedSince: [], laterUploadIds: [144], totals: { laterUploads: 100_000, changedSince: 0 } });
    const view = describeError(err, texts('vi'));
    expect(view.items[0]).toBe('100.000 trạm đã được lần tải #144 thay đổi lại: hãy hoàn tác lần tải #144 trước.');
    expect(view.items.slice(1, 3)).toEqual(['QA-0 (4G) — lần tải #144 big.csv', 'QA-1 (4G) — lần tải #144 big.csv']);
    expect(view.items).toHaveLength(22);
    expect(view.items.at(-1)).toBe('… và 99.980 trạm khác');
    expect(describeError(err, texts('en')).items.at(-1)).toBe('… and 99,980 more stations');
  });

  it('a refused file is said in the server\'s own words (sent in the page\'s language), other refusals in the page\'s', () => {
    const refused = describeError(new ApiError(422, 'unreadable_file', 'Tệp không có trạm nào: không có dòng nào bên dưới dòng tiêu đề (dòng 1).'), texts('vi'));
    expect(refused).toEqual({ text: 'Tệp không có trạm nào: không có dòng nào bên dưới dòng tiêu đề (dòng 1).', items: [], detail: null });
    const replace = describeError(new ApiError(409, 'replace_with_errors', 'A replace applies only a file without errors …'), texts('vi'));
    expect(replace.text).toMatch(/^Thay toàn bộ danh sách chỉ áp dụng được với tệp không có lỗi/);
    // The server answered in English (it was not asked in Vietnamese): not shown under the Vietnamese text.
    expect(replace.detail).toBeNull();
    expect(describeError(new ApiError(409, 'replace_with_errors', 'A replace applies only a file without errors …'), texts('en')).detail)
      .toBe('A replace applies only a file without errors …');
  });

  it('the server\'s words only in the page\'s language: asked in it, or the matching half of an "English / Tiếng Việt" message', () => {
    const stale = (lang: 'vi' | 'en') => new ApiError(409, 'stale_preview', lang === 'vi' ? 'Dữ liệu đã thay đổi sau bản xem trước (lần tải 7).' : 'changed after this preview (upload 7)', null, lang);
    expect(describeError(stale('vi'), texts('vi')).detail).toBe('Dữ liệu đã thay đổi sau bản xem trước (lần tải 7).');
    expect(describeError(stale('en'), texts('vi')).detail).toBeNull();
    const signedOut = new ApiError(401, 'unauthenticated', 'Sign in to use this. / Hãy đăng nhập để sử dụng chức năng này.');
    expect(describeError(signedOut, texts('vi')).detail).toBe('Hãy đăng nhập để sử dụng chức năng này.');
    expect(describeError(signedOut, texts('en')).detail).toBe('Sign in to use this.');
    expect(describeError(new ApiError(403, 'forbidden', 'Not yours / not allowed'), texts('vi')).detail).toBeNull();
  });

  it('a file over the limit says its size and the limit in the page\'s numbers', () => {
    const err = new ApiError(413, 'upload_too_large', 'The file is larger than 97.7 kB …', { maxBytes: 100_000 });
    expect(describeError(err, texts('vi'), { file: { size: 7_969_177 }, maxBytes: 100_000 }).text)
      .toBe('Dung lượng 7,6 MB vượt giới hạn 97,7 kB của một lần tải lên; hãy chia thành nhiều tệp nhỏ hơn.');
    expect(describeError(err, texts('en'), { file: { size: 7_969_177 }, maxBytes: 100_000 }).text)
      .toBe('Its size, 7.6 MB, is over the 97.7 kB limit of one upload; split it into smaller files.');
  });
});
