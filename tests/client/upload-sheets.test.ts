import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/upload/upload-api.js';
import { learnUploadLimit, uploadMaxBytes } from '../../client/upload/upload-limit.js';
import { sheetChoices } from '../../client/upload/upload-sheets.js';

const refusal = (details: unknown) => new ApiError(422, 'unreadable_file', '…', details);

describe('the sheets a refused workbook offers', () => {
  it('xlsx_sheet_missing today: visible names in params.sheets, hidden ones left out, the { name, hidden } list too', () => {
    const err = refusal({ reason: 'xlsx_sheet_missing', params: { sheet: 'nope', sheets: ['Hướng dẫn', 'Trạm 4G', 'Trạm 5G'], hidden: ['Cũ'] },
      sheets: [{ name: 'Hướng dẫn', hidden: false }, { name: 'Trạm 4G', hidden: false }, { name: 'Trạm 5G', hidden: false }, { name: 'Cũ', hidden: true }] });
    expect(sheetChoices(err)).toEqual({ read: 'nope', others: ['Hướng dẫn', 'Trạm 4G', 'Trạm 5G'] });
  });

  it('missing_columns of a workbook: the sheet read is not offered again, in either shape of the list', () => {
    const objects = refusal({ reason: 'missing_columns', params: { sheet: 'Hướng dẫn', sheets: [{ name: 'Hướng dẫn', hidden: false }, { name: 'Ẩn', hidden: true }, { name: 'Trạm 5G', hidden: false }] } });
    expect(sheetChoices(objects)).toEqual({ read: 'Hướng dẫn', others: ['Trạm 5G'] });
    const names = refusal({ reason: 'missing_columns', params: { sheet: 'Hướng dẫn', sheets: ['Hướng dẫn', 'Trạm 5G'] } });
    expect(sheetChoices(names).others).toEqual(['Trạm 5G']);
  });

  it('nothing to offer from a refusal without sheets, a malformed list, or another error', () => {
    expect(sheetChoices(refusal({ reason: 'missing_columns', params: { missing: ['latitude'] } })).others).toEqual([]);
    expect(sheetChoices(refusal({ params: { sheets: 'Trạm 5G' }, sheets: [42, null, { name: 7 }, ''] })).others).toEqual([]);
    expect(sheetChoices(new Error('x')).others).toEqual([]);
  });
});

describe('the upload size limit', () => {
  it('starts at the documented 50 MB and takes the figure a 413 gives', () => {
    expect(uploadMaxBytes()).toBe(50 * 1024 * 1024);
    expect(learnUploadLimit(new ApiError(422, 'unreadable_file', '…', { maxBytes: 1 }))).toBe(false);
    expect(learnUploadLimit(new ApiError(413, 'upload_too_large', '…', { reason: 'too_many_rows', params: { max: 10 } }))).toBe(false);
    expect(learnUploadLimit(new ApiError(413, 'upload_too_large', '…', { reason: 'too_many_bytes', params: { max: 100_000 } }))).toBe(true);
    expect(uploadMaxBytes()).toBe(100_000);
    expect(learnUploadLimit(new ApiError(413, 'upload_too_large', '…', { maxBytes: 52_428_800 }))).toBe(true);
    expect(uploadMaxBytes()).toBe(52_428_800);
  });
});
