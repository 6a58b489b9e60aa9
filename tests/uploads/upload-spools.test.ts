import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleSpools } from '../../server/uploads/upload-multipart.js';

/* A process killed mid-upload leaves the operator's whole file in its spool folder: the next start removes it. */

describe('upload spool folders', () => {
  it('removes those of processes that ended and old unnamed ones; keeps running processes\' and others\' folders', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spools-'));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const make = (name: string, ageDays = 0) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'upload.bin'), 'station_code,technology\n');
      const t = Date.now() / 1000 - ageDays * 86_400;
      utimesSync(join(root, name), t, t);
      return join(root, name);
    };
    const dead = make(`planner-upload-${gone}-aB3xY9`);
    const live = make(`planner-upload-${process.pid}-Qw12Er`);
    const oldUnnamed = make('planner-upload-Zx81Pq', 2);
    const newUnnamed = make('planner-upload-Mn45Kl');
    const other = make('something-else', 5);
    expect(await removeStaleSpools(root)).toBe(2);
    expect([dead, live, oldUnnamed, newUnnamed, other].map(existsSync)).toEqual([false, true, false, true, true]);
  });
});
