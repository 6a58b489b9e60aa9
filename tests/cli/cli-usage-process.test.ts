import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

// Usage mistakes in every command group: exit code 2 and the usage, like `stations …`, found before
// any database is opened (the data folder named below is never created). Each call starts tsx.
describe('npm run cli: usage mistakes', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-cli-usage-'));
  const data = join(dir, 'never-opened');
  const env = { ...process.env, PGLITE_DATA_DIR: data, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    run('npx', ['tsx', 'server/cli.ts', ...args], { cwd: root, env }).then((r) => ({ ...r, code: 0 }), (e) => e);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['frobnicate', 'now'], /^unknown command "frobnicate now"\n\nUsage: npm run cli -- <command>/],
    [['boundaries', 'import', 'd.geojson', '--set', 'x'], /^boundaries import needs --code-field, --name-field\n\nUsage:/],
    [['users', 'add', 'lan', '--role', 'king'], /^--role must be admin, planner, operator, inspector, not "king"\n\nUsage:/],
    [['tokens', 'revoke', '12', '--frobnicate'], /^Unknown option '--frobnicate'/],
    [['boundaries', 'import', join(dir, 'missing.geojson'), '--set', 'x', '--code-field', 'c', '--name-field', 'n'], /^no such file: .*missing\.geojson\n$/],
  ])('%j: exit code 2, the reason first, nothing on stdout', async (args, stderr) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(existsSync(data)).toBe(false);
  });
});
