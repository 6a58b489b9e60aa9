import ExcelJS from '../xlsx/exceljs.js';
import type { Response } from 'express';
import { csvLine, safeFileName } from '../http/csv.js';
import type { RecommendedPick } from './planner.service.js';

/** The work list's columns, in both languages so one file serves the field team and the department. */
const COLUMNS = [
  ['area', 'Area / Địa bàn'], ['area_name', 'Area name / Tên địa bàn'], ['rank', 'Rank / Thứ tự'], ['operator', 'Operator / Nhà mạng'],
  ['station_code', 'Station code / Mã trạm'], ['station_name', 'Station name / Tên trạm'], ['longitude', 'Longitude / Kinh độ'],
  ['latitude', 'Latitude / Vĩ độ'], ['new_5g_km2_modelled', 'New 5G km² (modelled) / km² 5G mới (mô hình)'],
  ['people_modelled', 'People (modelled) / Số dân (mô hình)'], ['nearest_5g_km', 'Nearest 5G km / 5G gần nhất km'],
  ['reason_en', 'Why'], ['reason_vi', 'Lý do'],
] as const;

const rowOf = (p: RecommendedPick) => [
  p.area, p.areaName, p.rank, p.operator, p.code, p.name, p.lon, p.lat, p.gainKm2, p.gainPeople, p.nearest5gKm, p.reason.en, p.reason.vi,
];

export function fileNameFor(parts: (string | null | undefined)[], ext: 'csv' | 'xlsx') {
  return safeFileName(['5g-upgrades', ...parts], ext);
}

/** CSV through server/http/csv.ts, so a cell starting with = + - @ is never a formula. */
export function sendPicksCsv(res: Response, picks: readonly RecommendedPick[], name: string) {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  let body = '\uFEFF' + csvLine(COLUMNS.map((c) => c[0]));
  for (const p of picks) body += csvLine(rowOf(p));
  res.send(body);
}

/** XLSX: strings are written as strings (never formulas); the assumptions sheet says what "modelled" means. */
export async function sendPicksXlsx(res: Response, picks: readonly RecommendedPick[], name: string, assumptions: [string, string][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Work list');
  sheet.columns = COLUMNS.map(([key, header]) => ({ key, header, width: key.startsWith('reason') ? 60 : 16 }));
  for (const p of picks) sheet.addRow(rowOf(p).map((v) => v ?? null));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = book.addWorksheet('Assumptions');
  about.columns = [{ header: 'Item / Mục', key: 'k', width: 40 }, { header: 'Value / Giá trị', key: 'v', width: 80 }];
  for (const [k, v] of assumptions) about.addRow({ k, v });
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.send(Buffer.from(await book.xlsx.writeBuffer()));
}
