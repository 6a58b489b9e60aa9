import { ApiError } from './upload-api.js';
import { el } from './upload-dom.js';
import type { Texts } from './upload-i18n.js';

type SheetEntry = string | { name?: unknown; hidden?: unknown };

const isSheetList = (v: unknown): v is SheetEntry[] => Array.isArray(v);
const nameOf = (s: SheetEntry) => (typeof s === 'string' ? s : typeof s?.name === 'string' ? s.name : null);

/**
 * The visible sheets of a refused workbook other than the one read, from whatever the refusal
 * carries: details.params.sheets / details.sheets as names or as { name, hidden }, hidden names
 * in details.params.hidden, the sheet read (or asked for) in details.params.sheet / details.sheet.
 * Read defensively: an older or newer server may send either shape, or none.
 */
export function sheetChoices(err: unknown): { read: string | null; others: string[] } {
  if (!(err instanceof ApiError) || typeof err.details !== 'object' || err.details === null) return { read: null, others: [] };
  const d = err.details as { sheet?: unknown; sheets?: unknown; params?: { sheet?: unknown; sheets?: unknown; hidden?: unknown } };
  const read = typeof d.params?.sheet === 'string' ? d.params.sheet : typeof d.sheet === 'string' ? d.sheet : null;
  const hidden = new Set<string>(isSheetList(d.params?.hidden) ? d.params.hidden.map(nameOf).filter((n): n is string => n !== null) : []);
  const entries = [...(isSheetList(d.params?.sheets) ? d.params.sheets : []), ...(isSheetList(d.sheets) ? d.sheets : [])];
  for (const s of entries) if (typeof s === 'object' && s !== null && s.hidden === true && typeof s.name === 'string') hidden.add(s.name);
  const others: string[] = [];
  for (const s of entries) {
    const name = nameOf(s);
    if (name === null || name.trim() === '' || hidden.has(name) || name === read || others.includes(name)) continue;
    others.push(name);
  }
  return { read, others };
}

/** "Read this file again with the sheet: [Trạm 4G] [Trạm 5G]": each button sends the same file with that sheet. */
export function sheetButtons(tx: Texts, sheets: string[], choose: (sheet: string) => void): HTMLElement {
  return el('div', { class: 'sheet-choices', role: 'group', 'aria-label': tx.t('chooseSheet'), 'data-testid': 'sheet-choices' },
    el('span', {}, tx.t('chooseSheet')),
    ...sheets.map((name) => el('button', { type: 'button', 'data-sheet': name, 'data-testid': 'sheet-choice', onclick: () => choose(name) }, name)));
}
