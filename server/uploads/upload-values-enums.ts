import { normalizeTechnology, type Technology } from '../../geo/normalize-technology.js';
import type { StationStatus } from '../db/schema.js';
import { foldKey } from './upload-headers.js';
import { Uncomputed, type Cell } from './upload-source.js';
import { cellText, fail, ok, uncomputed, type Read } from './upload-values.js';

/* The two closed vocabularies of a row, status and technology, as operators write them. */

// A Map, not an object: a cell reading "constructor" must not find Object.prototype's.
const STATUSES = new Map<string, StationStatus>(Object.entries({
  planned: 'planned', plan: 'planned', ke_hoach: 'planned', du_kien: 'planned', quy_hoach: 'planned', chua_phat_song: 'planned',
  on_air: 'on_air', onair: 'on_air', active: 'on_air', live: 'on_air', in_service: 'on_air',
  dang_phat_song: 'on_air', phat_song: 'on_air', hoat_dong: 'on_air', dang_hoat_dong: 'on_air',
  decommissioned: 'decommissioned', inactive: 'decommissioned', off_air: 'decommissioned', removed: 'decommissioned',
  ngung: 'decommissioned', da_ngung: 'decommissioned', ngung_phat_song: 'decommissioned', ngung_hoat_dong: 'decommissioned', da_go: 'decommissioned',
}));

/** planned, on_air or decommissioned, in English or Vietnamese with or without diacritics. */
export function readStatus(cell: Cell | undefined): Read<StationStatus> {
  if (cell instanceof Uncomputed) return uncomputed();
  const status = STATUSES.get(foldKey(cellText(cell)));
  return status ? ok(status) : fail('unknown');
}

/** 4G or 5G (normalizeTechnology). */
export function readTechnology(cell: Cell | undefined): Read<Technology> {
  if (cell instanceof Uncomputed) return uncomputed();
  const technology = normalizeTechnology(cellText(cell));
  return technology ? ok(technology) : fail('unknown');
}
