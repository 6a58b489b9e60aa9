import { sql } from 'kysely';
import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { runStationsCli, type CliDatabase } from '../../server/uploads/uploads.cli.js';
import type { UploadDeps } from '../../server/uploads/uploads.service.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, snapshotStations, uploadDeps, writeTemp } from '../uploads/upload-fixtures.js';

/* `stations import|uploads|commit|rollback` run in process on the test database: what they print, write and return. */

const HEAD = 'station_code,technology,latitude,longitude,name';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe(`stations CLI commands (${dbKind()})`, () => {
  let database: Database;
  let opened = 0;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
  });

  async function cli(argv: string[], env: Record<string, string> = { LANG: 'vi_VN.UTF-8' }, config: Partial<UploadDeps['config']> = {}) {
    const out: string[] = [], err: string[] = [], progress: string[] = [];
    const openDb = async (): Promise<CliDatabase> => { opened++; return { db: database.db, config: uploadDeps(database, config).config, close: async () => {} }; };
    const code = await runStationsCli(argv, openDb, { out: (l) => out.push(l), err: (l) => err.push(l), progress: { write: (t) => progress.push(t), isTTY: false }, env: { USER: 'lan', ...env } });
    return { code, out: out.join('\n'), err: err.join('\n'), progress: progress.join('') };
  }
  const idOf = (out: string) => Number(/(?:Lần tải|upload) (\d+)/.exec(out)![1]);

  it('import --dry-run --report: the report in Vietnamese (LANG=vi…) on stdout, the bar on stderr, the whole CSV in a file, nothing changed', async () => {
    const before = await snapshotStations(database);
    const file = writeTemp('tram.csv', csv([HEAD, 'A1,4G,10.4,105.4,Mỹ Hòa', 'SWAP,4G,105.4,10.4,', 'F,=HYPERLINK("x"),10.4,105.4,', 'FAR,4G,21,105.8,']));
    const report = writeTemp('loi.csv', '');
    const r = await cli(['import', file, '--operator', 'viettel', '--dry-run', '--report', report]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const id = idOf(r.out);
    expect(r.out).toMatch(new RegExp(`^Lần tải ${id}: \\d+-tram\\.csv \\(csv, 142 byte, sha256 [0-9a-f]{12}…\\) `));
    expect(r.out).toContain('của VIETTEL, cách tải: thêm và cập nhật; chưa xác nhận');
    expect(r.out).toContain('  Trạm mới 2, cập nhật 0, không đổi 0\n  Dòng lỗi (bỏ qua): 2, cảnh báo: 1');
    expect(r.out).toContain('  LỖI      dòng 3: Vĩ độ 105,4 và kinh độ 10,4 có vẻ bị đảo ngược: ở Việt Nam vĩ độ khoảng 8–23, kinh độ khoảng 102–110');
    expect(r.out).toContain('  cảnh báo dòng 5: Điểm (21; 105,8) không thuộc địa bàn nào của "Test square"');
    expect(r.out).toContain(`Báo cáo: đã ghi 3 mục vào ${report}`);
    expect(r.out).toContain(`Chạy thử: đã lưu bản xem trước ${id} (chưa xác nhận), chưa trạm nào thay đổi; xác nhận bằng: npm run cli -- stations commit ${id}`);
    expect(r.out).not.toContain('[');
    expect(r.progress).toMatch(/\[#+\] đang lưu 4 dòng/);
    const text = readFileSync(report, 'utf8');
    expect(text.startsWith('\uFEFFDòng,Mức,Mã lỗi,Cột,Lý do,Giá trị,Mã trạm\r\n')).toBe(true);
    expect(text).toContain(`4,Lỗi,unknown_technology,Công nghệ,"Công nghệ ""=HYPERLINK(""x"")"" không hợp lệ`);
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(text.trimEnd().split('\r\n')).toHaveLength(4);
    expect(await snapshotStations(database)).toEqual(before);

    const en = await cli(['import', file, '--operator', 'VIETTEL', '--dry-run', '--lang', 'en'], { LANG: 'vi_VN.UTF-8' });
    expect(en.out).toContain('  ERROR row 3: latitude 105.4 and longitude 10.4 look swapped');
    expect(en.out).toContain(`dry run: preview ${idOf(en.out)} saved (not committed), no station changed; commit it with: npm run cli -- stations commit ${idOf(en.out)}`);
    expect((await cli(['import', file, '--operator', 'VIETTEL', '--dry-run'], { LANG: 'C.UTF-8' })).out).toContain('  warn  row 5: the point (21, 105.8)');
  });

  it('commit a dry run, list the history, roll back; a conflict says what the API says and lists the stations', async () => {
    const first = await cli(['import', writeTemp('a.csv', csv([HEAD, 'K1,4G,10.4,105.4,Một', 'K2,4G,10.41,105.41,Hai'])), '--operator', 'VIETTEL', '--dry-run', '--by', 'Chị Lan']);
    const a = idOf(first.out);
    const commit = await cli(['commit', String(a)]);
    expect(commit).toMatchObject({ code: 0, err: '' });
    expect(commit.out).toContain(`Đã cập nhật lần tải ${a}; hoàn tác bằng: npm run cli -- stations rollback ${a}`);
    expect((await cli(['commit', String(a)], {})).err).toBe(`Upload ${a} is already committed; upload the file again for a new preview.`);

    const second = await cli(['import', writeTemp('b.csv', csv([HEAD, 'K1,4G,10.4,105.4,Đổi tên'])), '--operator', 'VIETTEL', '--lang', 'en']);
    expect(second.code).toBe(0);
    const b = idOf(second.out);
    expect(second.out).toContain(`committed upload ${b}; undo with: npm run cli -- stations rollback ${b}`);

    const list = await cli(['uploads', '--operator', 'viettel', '--limit', '2']);
    const lines = list.out.split('\n');
    expect(lines[0]).toMatch(/^ *Số +Lúc +Nhà mạng +Trạng thái +Cách tải +Dòng +Mới +Cập nhật +Không đổi +Ngừng +Dòng lỗi +Cảnh báo +Người tải +Tệp$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^ *${b} +\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d +VIETTEL +đã cập nhật +thêm và cập nhật +1 +0 +1 +0 +0 +0 +0 +cli:lan@${esc(hostname())} +\\d+-b\\.csv$`));
    expect(lines[2]).toMatch(new RegExp(`^ *${a} .* đã cập nhật .* 2 +2 +0 +0 +0 +0 +0 +cli:lan@${esc(hostname())} \\(Chị Lan\\) +\\d+-a\\.csv$`));
    expect((await cli(['uploads', '--operator', 'VNPT'])).out).toBe('Chưa có lần tải nào.');

    const conflict = await cli(['rollback', String(a)]);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toBe(`Không thể hoàn tác lần tải lên ${a}: 1 trạm của lần này đã bị thay đổi tiếp sau đó (1 trạm do lần tải lên ${b}: hãy hoàn tác lần đó trước).\n  K1 4G: đã bị lần tải ${b} (${second.out.match(/\d+-b\.csv/)![0]}) thay đổi tiếp`);
    expect(await cli(['rollback', String(b)], { LANG: 'en_US.UTF-8' })).toMatchObject({ code: 0, out: `rolled back upload ${b}: its stations are as they were before it` });
    expect((await cli(['rollback', String(a)])).out).toBe(`Đã hoàn tác lần tải ${a}: các trạm đã trở lại như trước lần tải này`);
    expect((await cli(['rollback', '999999'])).err).toBe('Không tìm thấy lần tải lên 999999');
  });

  it('discard a dry run: it will not be committed, its state says so', async () => {
    const before = await snapshotStations(database);
    const d = idOf((await cli(['import', writeTemp('d.csv', csv([HEAD, 'D1,4G,10.4,105.4,Bỏ'])), '--operator', 'VIETTEL', '--dry-run'])).out);
    expect(await cli(['discard', String(d)])).toMatchObject({ code: 0, out: `Đã hủy bản xem trước ${d}: bản này sẽ không được xác nhận; không trạm nào thay đổi, báo cáo lỗi vẫn được giữ` });
    expect((await cli(['uploads', '--operator', 'VIETTEL', '--limit', '1'])).out.split('\n')[1]).toMatch(new RegExp(`^ *${d} .* đã hủy `));
    expect(await cli(['commit', String(d)], {})).toMatchObject({ code: 1, err: `Upload ${d} is discarded; upload the file again for a new preview.` });
    // In the audit trail as the machine's user, through the CLI: the preview, the discard, the refused commit.
    const { rows } = await sql<{ action: string; outcome: string; actor: string; via: string }>`
      select action, outcome, actor, details->>'via' as via from audit_events where details->>'uploadId' = ${String(d)} order by id`.execute(database.db);
    expect(rows).toEqual([
      { action: 'upload_preview', outcome: 'success', actor: `cli:lan@${hostname()}`, via: 'cli' },
      { action: 'upload_discard', outcome: 'success', actor: `cli:lan@${hostname()}`, via: 'cli' },
      { action: 'upload_commit', outcome: 'failure', actor: `cli:lan@${hostname()}`, via: 'cli' },
    ]);
    expect(await snapshotStations(database)).toEqual(before);
  });

  it('a file refused whole is explained in the CLI language, exit code 1', async () => {
    const missing = await cli(['import', writeTemp('x.csv', csv(['foo,bar', '1,2'])), '--operator', 'VIETTEL']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Thiếu cột bắt buộc: Mã trạm, Công nghệ, Vĩ độ, Kinh độ\. Dòng tiêu đề \(dòng 1\) có: "foo", "bar"/);
    const big = await cli(['import', writeTemp('y.csv', csv([HEAD, 'A,4G,10.4,105.4,x'])), '--operator', 'VIETTEL'], undefined, { uploadMaxBytes: 10 });
    expect(big).toMatchObject({ code: 1, err: 'Tệp lớn hơn 10 byte, vượt quá dung lượng tối đa của một lần tải lên (UPLOAD_MAX_BYTES). Hãy chia thành nhiều tệp nhỏ hơn.' });
    expect(await cli(['import', writeTemp('z.csv', 'x'), '--operator', 'NOPE'], {})).toMatchObject({ code: 1, err: expect.stringMatching(/unknown operator "NOPE"/) });
  });

  it('usage mistakes: exit code 2 and the usage, before any database is opened', async () => {
    const before = opened;
    for (const argv of [
      ['frobnicate'], ['import', 'f.csv'], ['import', '--operator', 'VIETTEL'], ['import', 'f.csv', '--operator', 'V', '--mode', 'wipe'],
      ['import', 'f.csv', '--operator', 'V', '--lang', 'fr'], ['import', 'f.csv', '--operator', 'V', '--frobnicate'], ['uploads', '--report', 'r.csv'],
      ['uploads', '--limit', '0'], ['uploads', 'extra'], ['commit'], ['rollback', 'abc'], ['commit', '1', '2'],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(/\n\nUsage: npm run cli -- <command>\n {2}stations import/);
    }
    expect(opened).toBe(before);
    expect(await cli(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('stations rollback <upload id>') });
  });
});
