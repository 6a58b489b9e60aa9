import type { Technology } from '../../geo/normalize-technology.js';
import { stationKey } from './upload-stations.repository.js';
import type { StationState, ValidStation } from './upload-validate.js';
import type { PlannedChange } from './uploads.repository.js';

export function sameState(a: StationState | null | undefined, b: StationState | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.name === b.name && a.lon === b.lon && a.lat === b.lat && a.status === b.status &&
    a.commissionedOn === b.commissionedOn && a.decommissionedOn === b.decommissionedOn;
}

const stateOf = (s: StationState): StationState => ({
  name: s.name, lon: s.lon, lat: s.lat, status: s.status, commissionedOn: s.commissionedOn, decommissionedOn: s.decommissionedOn,
});

export interface DiffOptions {
  mode: 'merge' | 'replace';
  /** Replace mode never decommissions a station whose row is in the file, even in error. */
  keysInFile: Set<string>;
  codesInFile: Set<string>;
  today: string;
}

/**
 * What a file changes against the operator's current stations: create, update, leave alone, and
 * in replace mode (the file is the full list) decommission the stations it no longer lists.
 */
export function planChanges(
  valid: readonly ValidStation[],
  current: ReadonlyMap<string, StationState & { code: string; technology: Technology }>,
  opts: DiffOptions,
) {
  const changes: PlannedChange[] = [];
  const counts = { create: 0, update: 0, unchanged: 0, decommission: 0 };
  for (const s of valid) {
    const before = current.get(stationKey(s.code, s.technology));
    const after = stateOf(s);
    if (!before) {
      counts.create++;
      changes.push({ code: s.code, technology: s.technology, action: 'create', rowNumber: s.rowNumber, before: null, after });
    } else if (sameState(before, after)) {
      counts.unchanged++;
    } else {
      counts.update++;
      changes.push({ code: s.code, technology: s.technology, action: 'update', rowNumber: s.rowNumber, before: stateOf(before), after });
    }
  }
  if (opts.mode === 'replace') {
    for (const [key, before] of current) {
      if (opts.keysInFile.has(key) || opts.codesInFile.has(before.code) || before.status === 'decommissioned') continue;
      // The check constraint wants decommissioned_on ≥ commissioned_on, also for a planned station dated later.
      const on = before.commissionedOn && before.commissionedOn > opts.today ? before.commissionedOn : opts.today;
      const after = { ...stateOf(before), status: 'decommissioned' as const, decommissionedOn: before.decommissionedOn ?? on };
      counts.decommission++;
      changes.push({ code: before.code, technology: before.technology, action: 'decommission', rowNumber: null, before: stateOf(before), after });
    }
  }
  return { changes, counts };
}
