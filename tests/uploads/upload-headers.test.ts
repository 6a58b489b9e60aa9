import { describe, expect, it } from 'vitest';
import { fieldOfHeader, mapHeaders } from '../../server/uploads/upload-headers.js';

/* Headers as operators' sheets write them (QA3 A19). */

describe('headers', () => {
  it('a note in brackets after the header does not hide it; the note alone names it when the words do not', () => {
    const cases: [string, string | undefined][] = [
      ['Vĩ độ (Lat)', 'latitude'], ['Kinh độ (Long)', 'longitude'], ['Latitude (WGS84)', 'latitude'], ['Vĩ độ (N)', 'latitude'],
      ['Kinh độ (E)', 'longitude'], ['Ngày phát sóng (dd/mm/yyyy)', 'commissioned_on'], ['Mã trạm [BTS]', 'station_code'],
      ['Tọa độ (lat)', 'latitude'], ['VI DO', 'latitude'], ['Ghi chú (nội bộ)', undefined],
    ];
    for (const [header, field] of cases) expect(fieldOfHeader(header), header).toBe(field);
  });

  it('a sheet with such headers maps every required column', () => {
    const map = mapHeaders(['Mã trạm BTS', 'Loại trạm', 'Vĩ độ (Lat)', 'Kinh độ (Long)', 'Ghi chú']);
    expect(map.missing).toEqual([]);
    expect(map.recognised).toEqual({ station_code: 'Mã trạm BTS', technology: 'Loại trạm', latitude: 'Vĩ độ (Lat)', longitude: 'Kinh độ (Long)' });
    expect(map.unknown).toEqual(['Ghi chú']);
  });
});
