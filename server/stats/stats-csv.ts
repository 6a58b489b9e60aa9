import type { AreaFigures, Counts, Totals } from '../figures/figures.types.js';
import { csvLine } from '../http/csv.js';

export type CsvLang = 'vi' | 'en';

type Column = 'code' | 'name' | 'n4g' | 'n5g' | 'ratio' | 'required' | 'needed' | 'status' | 'areaKm2' | 'population' | 'neededAllAreas';
const COLUMNS: readonly Column[] = ['code', 'name', 'n4g', 'n5g', 'ratio', 'required', 'needed', 'status', 'areaKm2', 'population', 'neededAllAreas'];

/** Without `lang` the file keeps machine keys (scripts read it); with one, the words of the map's table. */
const HEADINGS: Record<CsvLang | 'keys', Record<Column, string>> = {
  keys: { code: 'area_code', name: 'area_name', n4g: 'n4g', n5g: 'n5g', ratio: 'ratio', required: 'required', needed: 'needed',
    status: 'status', areaKm2: 'area_km2', population: 'population', neededAllAreas: 'needed_all_areas' },
  vi: { code: 'Mã địa bàn', name: 'Địa bàn', n4g: '4G', n5g: '5G', ratio: 'Tỷ lệ', required: 'Cần có', needed: 'Còn thiếu',
    status: 'Trạng thái', areaKm2: 'Diện tích (km²)', population: 'Dân số', neededAllAreas: 'Để mọi địa bàn đều đạt' },
  en: { code: 'Area code', name: 'Area', n4g: '4G', n5g: '5G', ratio: 'Ratio', required: 'Required', needed: 'Needed',
    status: 'Status', areaKm2: 'Area (km²)', population: 'Population', neededAllAreas: 'For every area to meet it' },
};

const WORDS = {
  keys: { unassigned: '(unassigned)', totalSet: '(total)', totalSelection: '(total of the selected areas)', met: 'met', behind: 'behind', no_baseline: 'no_baseline' },
  vi: { unassigned: 'Ngoài các địa bàn', totalSet: 'Toàn bộ (gồm trạm ngoài các địa bàn)', totalSelection: 'Tổng các địa bàn đã chọn',
    met: 'Đạt', behind: 'Chưa đạt', no_baseline: 'Chưa có 4G' },
  en: { unassigned: 'Outside every area', totalSet: 'Whole set (stations outside every area included)', totalSelection: 'Total of the selected areas',
    met: 'Met', behind: 'Behind', no_baseline: 'No 4G' },
} as const;

/** What the file shows: the rows, the unassigned row (none for a selection of areas: those stations are in none) and the total. */
export interface AreaTable { rows: readonly AreaFigures[]; unassigned: Counts | null; totals: Totals }

/**
 * The area table as the map shows it for the same scope. Without an area filter: every area,
 * the unassigned row and the set-wide totals. With one: the chosen areas and their own total,
 * as the map's "selected areas" cards; set-wide rows would contradict the view.
 */
export function writeAreaTableCsv(table: AreaTable, lang: CsvLang | undefined): string {
  const words = WORDS[lang ?? 'keys'];
  const ratio = (r: number | null) => (r === null ? null : Math.round(r * 10000) / 10000);
  let out = '\uFEFF' + csvLine(COLUMNS.map((c) => HEADINGS[lang ?? 'keys'][c]));
  for (const r of table.rows) {
    out += csvLine([r.code, r.name, r.n4g, r.n5g, ratio(r.ratio), r.required, r.needed, words[r.status], Math.round(r.areaKm2 * 100) / 100, r.population, null]);
  }
  if (table.unassigned) out += csvLine([null, words.unassigned, table.unassigned.n4g, table.unassigned.n5g, null, null, null, null, null, null, null]);
  const t = table.totals;
  out += csvLine([null, table.unassigned ? words.totalSet : words.totalSelection, t.n4g, t.n5g, ratio(t.ratio), t.required, t.needed, words[t.status], null, null, t.neededAllAreas]);
  return out;
}
