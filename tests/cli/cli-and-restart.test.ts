import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { dbKind } from '../helpers/test-db.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const official = join(root, '../shared/data/an-giang/districts-2019.geojson');
const fixture = join(root, 'tests/fixtures/area-geojson/in/clockwise-ring-with-hole.geojson');

// The embedded mode only: a data folder that outlives the process, as `npm start` uses it.
// Each CLI call starts tsx and opens the data folder (~15 s): more time than the default.
describe.skipIf(dbKind() !== 'pglite')('embedded data folder and the CLI', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-pglite-'));
  const env = { ...process.env, PGLITE_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, migrates and seeds on first start; a restart keeps the data and seeds nothing twice', async () => {
    const config = loadConfig({ PGLITE_DATA_DIR: dir });
    const said: string[] = [];
    const first = await bootstrapDatabase(config, (m) => said.push(m));
    const count = async (db: typeof first.db) => Number((await db.selectFrom('stations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const stations = await count(first.db);
    await first.close();
    expect(said.join('\n')).toMatch(/migrations applied: 0001_core/);
    expect(said.join('\n')).toMatch(/demo data loaded: 11 areas/);
    expect(stations).toBeGreaterThan(2000);

    const again: string[] = [];
    const second = await bootstrapDatabase(config, (m) => again.push(m));
    expect(await count(second.db)).toBe(stations);
    await second.close();
    expect(again).toEqual([]);
  });

  it('imports a boundary file from the command line and lists it', async () => {
    const file = existsSync(official) ? official : fixture;
    if (file === fixture) console.warn('[partial] ../shared/data absent: the CLI test imports a small fixture instead of the official districts');
    const codeField = file === official ? 'gso_code' : 'code';
    const { stdout } = await run('npx', ['tsx', 'server/cli.ts', 'boundaries', 'import', file, '--set', 'Huyện An Giang 2019', '--code-field', codeField, '--name-field', 'name'], { cwd: root, env });
    expect(stdout).toMatch(new RegExp(`imported boundary set "Huyện An Giang 2019" \\(id \\d+\\): ${file === official ? 11 : 1} areas`));
    const list = await run('npx', ['tsx', 'server/cli.ts', 'boundaries', 'list'], { cwd: root, env });
    expect(list.stdout).toMatch(/Huyện An Giang 2019\tdistrict\t\d+ areas/);
    expect(list.stdout).toMatch(/\(demo\)/);
  });

  it('refuses to open the data folder while another process has it open (the server), exit code 1', async () => {
    const held = await bootstrapDatabase(loadConfig({ PGLITE_DATA_DIR: dir }), () => {});
    try {
      const refused = await run('npx', ['tsx', 'server/cli.ts', 'boundaries', 'list'], { cwd: root, env }).catch((e) => e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`open in another process \\(pid ${process.pid}\\b[\\s\\S]*stop the server`));
    } finally {
      await held.close();
    }
  });

  it('says what is wrong with a bad command or file, exit code 1, and writes nothing', async () => {
    const bad = await run('npx', ['tsx', 'server/cli.ts', 'boundaries', 'import', fixture, '--set', 'x', '--code-field', 'nope', '--name-field', 'name'], { cwd: root, env }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/problem\(s\) in the boundary file; nothing was imported[\s\S]*no code in property "nope"/);
    const list = await run('npx', ['tsx', 'server/cli.ts', 'boundaries', 'list'], { cwd: root, env });
    expect(list.stdout).not.toMatch(/\tx\t/);
  });
});
