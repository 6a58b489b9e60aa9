import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const OGRINFO = '/usr/bin/ogrinfo';
export const OGR2OGR = '/usr/bin/ogr2ogr';

/**
 * Whether the GDAL tests run here: skipped with a printed reason when Debian's gdal-bin is
 * absent, unless REQUIRE_BROWSER=1 or CI (where .ci/run installs it), where that is a failure.
 */
export function gdalAvailability(): { run: boolean; reason: string } {
  if (existsSync(OGRINFO) && existsSync(OGR2OGR)) return { run: true, reason: '' };
  if (process.env.REQUIRE_BROWSER === '1' || process.env.CI) return { run: true, reason: '' };
  return { run: false, reason: `GDAL tests skipped: ${OGRINFO} is absent (apt-get install gdal-bin; REQUIRE_BROWSER=1 or CI makes this a failure)` };
}

export interface GdalResult { code: number; stdout: string; stderr: string }

/**
 * Runs a GDAL tool without blocking the event loop (the app under test answers in this same
 * process). Never throws for a non-zero exit: a refusal is a result to look at.
 */
export async function gdal(tool: string, args: string[], env: Record<string, string> = {}): Promise<GdalResult> {
  if (!existsSync(tool)) throw new Error(`${tool} is absent: apt-get install gdal-bin`);
  try {
    const { stdout, stderr } = await run(tool, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(err) };
  }
}

/** The layers of a file as GeoJSON features (ogr2ogr to standard output), for comparing values. */
export async function readLayer(file: string, layer: string): Promise<{ properties: Record<string, unknown>; geometry: { type: string } | null }[]> {
  const r = await gdal(OGR2OGR, ['-f', 'GeoJSON', '/vsistdout/', file, layer]);
  if (r.code !== 0) throw new Error(`ogr2ogr could not read ${layer} of ${file}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { features: { properties: Record<string, unknown>; geometry: { type: string } | null }[] }).features;
}

/** `Feature Count: N` of one layer, as ogrinfo reports it. */
export async function featureCount(file: string, layer: string, env: Record<string, string> = {}): Promise<number> {
  const r = await gdal(OGRINFO, ['-ro', '-so', file, layer], env);
  const m = /Feature Count: (\d+)/.exec(r.stdout);
  if (!m) throw new Error(`ogrinfo gave no feature count for ${layer} of ${file}: ${r.stderr}`);
  return Number(m[1]);
}
