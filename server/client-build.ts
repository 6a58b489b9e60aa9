import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLIENT_SRC = join(ROOT, 'client');
const GEO_SRC = join(ROOT, 'geo');
const VITE_CONFIG = join(ROOT, 'vite.config.ts');
const BUILT_INDEX = join(ROOT, 'dist', 'client', 'index.html');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/client is missing or older than any client source (geo/ is bundled too). */
export function isClientBuildStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return Math.max(newestMtime(CLIENT_SRC), newestMtime(GEO_SRC), newestMtime(VITE_CONFIG)) > built;
}

let building: Promise<boolean> | undefined;

/**
 * Builds the map client with Vite when the build is missing or stale, so `npm start` always
 * serves the current client. A failed build is reported and the API still starts.
 * Returns true when a usable build exists afterwards.
 */
export function ensureClientBuilt(say: (msg: string) => void = () => {}): Promise<boolean> {
  if (process.env.SKIP_CLIENT_BUILD === '1') return Promise.resolve(existsSync(BUILT_INDEX));
  building ??= (async () => {
    if (!existsSync(join(CLIENT_SRC, 'index.html'))) return false;
    if (!isClientBuildStale()) return true;
    say('building the map client (dist/client is missing or older than client/)…');
    const started = Date.now();
    try {
      const { build } = await import('vite');
      await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
      say(`map client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return true;
    } catch (err) {
      say(`the map client could not be built, serving the API only: ${err instanceof Error ? err.message : String(err)}`);
      return existsSync(BUILT_INDEX);
    } finally {
      building = undefined;
    }
  })();
  return building;
}
