import { normalizeTechnology, type Technology } from '../../geo/normalize-technology.js';
import type { StationStatus } from '../db/schema.js';
import { foldKey } from './upload-headers.js';
import { Uncomputed, type Cell } from './upload-source.js';
import { cellText, fail, ok, uncomputed, type Read } from './upload-values.js';

/* The two closed vocabularies of a row, status and technology, as operators write them. */

// Keys are foldKey()s: no diacritics, lower case, `_` between words ("Đã phát sóng" → da_phat_song).
const STATUSES = new Map<string, StationStatus>(Object.entries({
  planned: 'planned', plan: 'planned', ke_hoach: 'planned', du_kien: 'planned', quy_hoach: 'planned', chua_phat_song: 'planned',
  dang_xay_dung: 'planned', cho_phat_song: 'planned', under_construction: 'planned',
  on_air: 'on_air', onair: 'on_air', active: 'on_air', live: 'on_air', in_service: 'on_air',
  dang_phat_song: 'on_air', phat_song: 'on_air', da_phat_song: 'on_air', hoat_dong: 'on_air', dang_hoat_dong: 'on_air',
  decommissioned: 'decommissioned', inactive: 'decommissioned', off_air: 'decommissioned', removed: 'decommissioned',
  ngung: 'decommissioned', da_ngung: 'decommissioned', ngung_phat_song: 'decommissioned', ngung_hoat_dong: 'decommissioned',
  // Taken down, or cancelled: in both the station is gone.
  da_go: 'decommissioned', thao_do: 'decommissioned', da_thao_do: 'decommissioned', huy: 'decommissioned', da_huy: 'decommissioned',
}));

// Off air for now, back later: neither on air (it would count) nor decommissioned (it is not gone).
// The planner has no such status, so the row is refused with what each choice would mean.
const SUSPENDED = new Set(['tam_dung', 'tam_ngung', 'da_tam_dung', 'tam_ngung_phat_song', 'suspended', 'on_hold']);

/** planned, on_air or decommissioned, in English or Vietnamese with or without diacritics. */
export function readStatus(cell: Cell | undefined): Read<StationStatus> {
  if (cell instanceof Uncomputed) return uncomputed();
  const key = foldKey(cellText(cell));
  const status = STATUSES.get(key);
  if (status) return ok(status);
  return fail(SUSPENDED.has(key) ? 'suspended' : 'unknown');
}

// Networks the planner does not follow: a row of them is a row to leave out, said plainly.
const LEGACY = /^(2g|3g|gsm|umts|wcdma|hspa|nodeb)$/;

/** 4G or 5G (normalizeTechnology); refused with a hint when the text names both, or an older network. */
export function readTechnology(cell: Cell | undefined): Read<Technology> {
  if (cell instanceof Uncomputed) return uncomputed();
  const text = cellText(cell);
  const technology = normalizeTechnology(text);
  if (technology) return ok(technology);
  const parts = text.split(/[+&,;/]|\s+(?:and|và)\s+/i).map((p) => normalizeTechnology(p));
  if (parts.includes('4G') && parts.includes('5G')) return fail('both');
  const words = text.normalize('NFKC').toLowerCase().split(/[\s\-_/+,()]+/).filter(Boolean);
  if (words.length > 0 && words.every((w) => LEGACY.test(w))) return fail('legacy');
  return fail('unknown');
}
