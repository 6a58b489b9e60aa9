import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '../process-running.js';

const LOCK_FILE = 'planner.lock';

interface LockOwner { pid: number; host: string; since: string; command: string }

/**
 * Takes the embedded database's folder for this process. PGlite is one process's database:
 * a second process opening the same folder (the CLI while the server runs) recovers it as
 * after a crash, and whichever closes last overwrites the other's writes. So a second opener
 * is refused, naming the holder. A lock left by a process that no longer runs is taken over.
 * Returns the release function (called when the database closes).
 */
export function lockDataFolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      if (owner && isRunning(owner)) {
        throw new Error(
          `The embedded database in ${dir} is open in another process (pid ${owner.pid} on ${owner.host}, since ${owner.since}: ${owner.command || 'unknown'}). ` +
            'PGlite serves one process at a time: stop that process first (for the CLI: stop the server), or do this through the running server\'s API, ' +
            `or use a PostgreSQL server (DATABASE_URL). If no such process runs, delete ${path}.`,
        );
      }
      rmSync(path, { force: true }); // left by a process that ended without closing
    }
  }
  throw new Error(`Cannot take the embedded database folder ${dir}: ${path} keeps coming back`);
}

function readOwner(path: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' ? { pid: o.pid, host: String(o.host ?? ''), since: String(o.since ?? ''), command: String(o.command ?? '') } : null;
  } catch {
    return null; // half-written or not ours: treated as stale
  }
}

function isRunning(owner: LockOwner): boolean {
  // Another machine's process cannot be checked from here.
  return owner.host !== hostname() || isProcessRunning(owner.pid);
}
