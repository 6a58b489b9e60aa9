import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dbKind } from '../helpers/test-db.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

// The real `npm run cli -- stations …` wiring: streams and exit codes. Each call starts tsx and opens a
// PGlite folder (~15 s), so there are three; what the commands print is tested in process (stations-cli.test.ts).
describe.skipIf(dbKind() !== 'pglite')('stations CLI as a process', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-stations-cli-'));
  const env = { ...process.env, PGLITE_DATA_DIR: join(dir, 'db'), DATABASE_URL: '', LOG_LEVEL: 'silent', LANG: 'vi_VN.UTF-8' };
  const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    run('npx', ['tsx', 'server/cli.ts', 'stations', ...args], { cwd: root, env }).then((r) => ({ ...r, code: 0 }), (e) => e);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('import --dry-run --report then commit: the report on stdout in Vietnamese, the bar and notices on stderr, exit 0', async () => {
    const file = join(dir, 'trạm.csv'), report = join(dir, 'lỗi.csv');
    writeFileSync(file, 'Mã trạm;Công nghệ;Vĩ độ;Kinh độ\r\nA1;4G;10,4;105,4\r\nA2;4G;105,4;10,4\r\n');
    const dry = await cli(['import', file, '--operator', 'VIETTEL', '--dry-run', '--report', report]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Lần tải 1: trạm\.csv \(csv, \d+ byte, sha256 [0-9a-f]{12}…\) của VIETTEL/);
    expect(dry.stdout).toContain('  LỖI      dòng 3: Vĩ độ 105,4 và kinh độ 10,4 có vẻ bị đảo ngược');
    expect(dry.stdout).not.toMatch(/migrations applied|\[#/);
    expect(dry.stderr).toMatch(/migrations applied: 0001_core.*0007_upload_issue_params/);
    expect(dry.stderr).toMatch(/\[#+\] đang lưu 2 dòng/);
    expect(readFileSync(report, 'utf8')).toMatch(/^\uFEFFDòng,Mức,Mã lỗi,Cột,Lý do,Giá trị,Mã trạm\r\n3,Lỗi,swapped_coordinates,Vĩ độ,"Vĩ độ 105,4/);

    const commit = await cli(['commit', '1', '--lang', 'en']);
    expect(commit.stdout).toContain('committed upload 1; undo with: npm run cli -- stations rollback 1');
    expect(commit.code).toBe(0);
  });

  it('a usage mistake exits with 2 and the usage on stderr', async () => {
    const bad = await cli(['rollback', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^stations rollback needs an upload id \(digits\), not "abc"\n\nUsage: npm run cli -- <command>\n {2}stations import/);
  });
});
