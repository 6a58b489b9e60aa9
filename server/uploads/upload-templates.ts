import ExcelJS from '../xlsx/exceljs.js';
import { csvLine } from '../http/csv.js';
import { FIELDS, TEMPLATE_EXAMPLE_CODES, TEMPLATE_HEADERS } from './upload-headers.js';

// The example rows show every column filled in; their code marks them, so that a template
// uploaded unchanged creates nothing (upload-validate.ts refuses the code).
const [EN_CODE, VI_CODE] = TEMPLATE_EXAMPLE_CODES;
const EXAMPLES = {
  en: [
    [EN_CODE, '4G', '10.3712', '105.4345', 'on_air', '2023-05-01', '', 'Long Xuyên 1', 'VIETTEL'],
    [EN_CODE, '5G', '10.3712', '105.4345', 'planned', '', '', 'Long Xuyên 1', 'VIETTEL'],
  ],
  vi: [
    [VI_CODE, '4G', '10,3712', '105,4345', 'đang phát sóng', '01/05/2023', '', 'Long Xuyên 1', 'VIETTEL'],
    [VI_CODE, '5G', '10,3712', '105,4345', 'kế hoạch', '', '', 'Long Xuyên 1', 'VIETTEL'],
  ],
} as const;

const headersOf = (lang: 'en' | 'vi') => FIELDS.map((f) => TEMPLATE_HEADERS[lang][f]);

/** The CSV template: UTF-8 with a BOM (so Excel shows the diacritics), `;` in Vietnamese (decimal commas). */
export function buildTemplateCsv(lang: 'en' | 'vi'): string {
  const rows = [headersOf(lang), ...EXAMPLES[lang]];
  if (lang === 'en') return '\uFEFF' + rows.map((r) => csvLine(r)).join('');
  return '\uFEFF' + rows.map((r) => r.join(';') + '\r\n').join('');
}

export async function buildTemplateXlsx(lang: 'en' | 'vi'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === 'vi' ? 'Danh sách trạm' : 'Stations');
  ws.addRow(headersOf(lang)).font = { bold: true };
  for (const r of EXAMPLES[lang]) ws.addRow([...r]);
  ws.columns.forEach((c) => { c.width = 18; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
