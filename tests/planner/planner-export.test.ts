import ExcelJS from '../../server/xlsx/exceljs.js';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { sendPicksCsv, sendPicksXlsx } from '../../server/planner/planner-export.js';
import { explainPick, type RecommendedPick } from '../../server/planner/planner.service.js';

/** A Response that only records what the export writes. */
function fakeResponse() {
  const headers: Record<string, string> = {};
  let body: unknown;
  const res = { setHeader: (k: string, v: string) => { headers[k.toLowerCase()] = v; }, send: (b: unknown) => { body = b; } };
  return { res: res as unknown as Response, headers, body: () => body };
}

const pick = (over: Partial<RecommendedPick>): RecommendedPick => ({
  rank: 1, operator: 'VNPT', code: 'VNP-1', name: 'Trạm Chợ Mới 1', lon: 105.4, lat: 10.5, area: '893', areaName: 'Chợ Mới',
  gainKm2: 2.4, gainPeople: 5000, nearest5gKm: 3.1, reason: explainPick({ gainKm2: 2.4, gainPeople: 5000, nearest5gKm: 3.1 }), ...over,
});

describe('work list exports', () => {
  it('explains a pick in both languages', () => {
    expect(explainPick({ gainKm2: 2.4, gainPeople: null, nearest5gKm: 3.1 })).toEqual({
      en: 'Covers 2.4 km² not yet covered by 5G, nearest 5G 3.1 km away (modelled)',
      vi: 'Phủ thêm 2,4 km² chưa có sóng 5G, trạm 5G gần nhất cách 3,1 km (mô hình)',
    });
    expect(explainPick({ gainKm2: 0.04, gainPeople: 12345.6, nearest5gKm: null }).vi).toBe(
      'Phủ thêm 0,0 km² chưa có sóng 5G (≈ 12.346 người), không có trạm 5G nào trong vòng 10 km (mô hình)');
  });

  it('neutralises formulas in CSV cells and keeps numbers as numbers', () => {
    const { res, headers, body } = fakeResponse();
    sendPicksCsv(res, [pick({ name: '=HYPERLINK("http://x")', code: '+1', lon: -105.4 })], 'w.csv');
    const lines = String(body()).replace(/^\uFEFF/, '').split('\r\n');
    expect(headers['content-type']).toMatch(/^text\/csv/);
    expect(lines[1]).toContain(`,'+1,"'=HYPERLINK(""http://x"")",-105.4,10.5,2.4,5000,3.1,`);
  });

  it('writes strings as strings in XLSX, never formulas', async () => {
    const { res, body } = fakeResponse();
    await sendPicksXlsx(res, [pick({ name: '=1+1' })], 'w.xlsx', [['As of', '2026-11-26']]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body() as never);
    const cell = book.getWorksheet('Work list')!.getRow(2).getCell(6);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });
});
