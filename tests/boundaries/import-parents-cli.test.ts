import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

const box = (x0: number, x1: number) => ({ type: 'Polygon', coordinates: [[[x0, 10], [x1, 10], [x1, 10.1], [x0, 10.1], [x0, 10]]] });
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

// `boundaries import` with a parents file, as a user runs it: one command, both levels, in an
// embedded data folder of its own (the test's database is not involved).
describe('npm run cli -- boundaries import --parents', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-parents-cli-'));
  const data = join(dir, 'data');
  const env = { ...process.env, PGLITE_DATA_DIR: data, DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'silent' };
  const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    run('npx', ['tsx', 'server/cli.ts', ...args], { cwd: root, env }).then((r) => ({ ...r, code: 0 }), (e) => e);
  const communes = join(dir, 'communes.geojson');
  const provinces = join(dir, 'provinces.geojson');
  writeFileSync(communes, fc([0, 1, 2].map((i) => ({ type: 'Feature', properties: { code: `00${i + 1}`, name: `Xã ${i + 1}`, provinceCode: i < 2 ? '01' : '02' }, geometry: box(105 + i * 0.1, 105.1 + i * 0.1) }))));
  writeFileSync(provinces, fc([['01', 'Hà Nội', 105, 105.2], ['02', 'Huế', 105.2, 105.3], ['03', 'Đà Nẵng', 105.3, 105.4]].map(([code, name, x0, x1]) =>
    ({ type: 'Feature', properties: { code, name }, geometry: box(x0 as number, x1 as number) }))));
  const parentArgs = ['--parent-field', 'provinceCode', '--parents', provinces, '--parent-level', 'province', '--parent-code-field', 'code', '--parent-name-field', 'name'];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['--parents', provinces, '--parent-code-field', 'code', '--parent-name-field', 'name'], /^--parents needs --parent-field/],
    [['--parent-field', 'provinceCode', '--parents', provinces], /^--parents needs --parent-code-field, --parent-name-field/],
    [['--parent-field', 'p', '--parents', join(dir, 'missing.geojson'), '--parent-code-field', 'c', '--parent-name-field', 'n'], /^no such file: .*missing\.geojson/],
  ])('usage mistake %j: exit code 2 before any database is opened', async (extra, stderr) => {
    const r = await cli(['boundaries', 'import', communes, '--set', 'x', '--code-field', 'code', '--name-field', 'name', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(existsSync(data)).toBe(false);
  });

  it('imports both levels in one command, and says which parent was left out', async () => {
    const r = await cli(['boundaries', 'import', communes, '--set', 'Xã 2025', '--code-field', 'code', '--name-field', 'name', '--level', 'commune', ...parentArgs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported boundary set "Xã 2025" \(id \d+\): 3 areas in 2 province parents; stations re-assigned/);
    expect(r.stdout).toMatch(/warning: 1 parents of the parents file have no area and were not imported: 03/);
    const list = await cli(['boundaries', 'list']);
    expect(list.stdout).toMatch(/Xã 2025\tcommune\t3 areas/);
  });

  it('refuses a parents file missing a code the areas use, naming it, and imports nothing', async () => {
    writeFileSync(provinces, fc([{ type: 'Feature', properties: { code: '01', name: 'Hà Nội' }, geometry: box(105, 105.2) }]));
    const r = await cli(['boundaries', 'import', communes, '--set', 'Xã lỗi', '--code-field', 'code', '--name-field', 'name', '--level', 'commune', ...parentArgs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was imported: parent codes used by areas but not in the parents file: 02 \(areas 003\)/);
    expect((await cli(['boundaries', 'list'])).stdout).not.toMatch(/Xã lỗi/);
  });
});
