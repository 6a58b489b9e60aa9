import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../server/db/data-folder-lock.js';

/* One process per embedded data folder: a second opener is refused, a dead holder's lock is taken over. */

const folder = () => mkdtempSync(join(tmpdir(), 'planner-lock-'));
const writeLock = (dir: string, pid: number, host = hostname()) =>
  writeFileSync(join(dir, 'planner.lock'), JSON.stringify({ pid, host, since: '2026-01-01T00:00:00Z', command: 'server/main.ts' }));

describe('embedded data folder lock', () => {
  it('refuses a second opener while the first holds it, naming the holder; free again after release', () => {
    const dir = folder();
    const release = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, 'planner.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataFolder(dir)).toThrow(new RegExp(`open in another process \\(pid ${process.pid} .*stop the server`));
    release();
    expect(existsSync(join(dir, 'planner.lock'))).toBe(false);
    lockDataFolder(dir)();
  });

  it('takes over the lock of a process that no longer runs, and an unreadable lock file', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeLock(dir, gone);
    const release = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, 'planner.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    writeFileSync(join(dir, 'planner.lock'), '{"pi');
    lockDataFolder(dir)();
  });

  it('a lock taken on another machine is never taken over from here', () => {
    const dir = folder();
    writeLock(dir, 1, 'some-other-host');
    expect(() => lockDataFolder(dir)).toThrow(/pid 1 on some-other-host/);
  });
});
