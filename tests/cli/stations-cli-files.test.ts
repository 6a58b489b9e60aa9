import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { runStationsCli, type CliDatabase } from '../../server/uploads/uploads.cli.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea, uploadDeps, writeTemp } from '../uploads/upload-fixtures.js';

/* `stations import` and the files it is given: named plainly when they are not there, summarised when they are wide. */

describe(`stations import and its files (${dbKind()})`, () => {
  let database: Database;
  let opened = 0;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
  });

  async function cli(argv: string[], lang = 'vi_VN.UTF-8') {
    const out: string[] = [], err: string[] = [];
    const openDb = async (): Promise<CliDatabase> => { opened++; return { db: database.db, config: uploadDeps(database).config, close: async () => {} }; };
    const code = await runStationsCli(argv, openDb, { out: (l) => out.push(l), err: (l) => err.push(l), progress: { write: () => true, isTTY: false }, env: { USER: 'lan', LANG: lang } });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('a station file that is not there, or is a folder, or a report folder that is not there: said plainly, exit 2, no database opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-files-'));
    const file = writeTemp('ok.csv', csv(['station_code,technology,latitude,longitude', 'A,4G,10.4,105.4']));
    const before = opened;
    expect(await cli(['import', join(dir, 'nope.csv'), '--operator', 'VIETTEL'])).toEqual({ code: 2, out: '', err: `Không có tệp: ${join(dir, 'nope.csv')}` });
    expect(await cli(['import', join(dir, 'nope.csv'), '--operator', 'VIETTEL'], 'C')).toMatchObject({ code: 2, err: `no such file: ${join(dir, 'nope.csv')}` });
    expect(await cli(['import', dir, '--operator', 'VIETTEL'], 'C')).toMatchObject({ code: 2, err: `${dir} is a folder, not a file: name the station file in it` });
    expect(await cli(['import', file, '--operator', 'VIETTEL', '--report', join(dir, 'no', 'r.csv')], 'C')).toMatchObject({ code: 2, err: `no such folder: ${join(dir, 'no')}` });
    expect(opened).toBe(before);
  });

  it('a file with many unknown columns: the line names the first 50 and counts the rest', async () => {
    const extra = Array.from({ length: 120 }, (_, i) => `Cột ${i}`);
    const file = writeTemp('wide.csv', csv([['station_code', 'technology', 'latitude', 'longitude', ...extra].join(','), 'W,4G,10.4,105.4']));
    const vi = await cli(['import', file, '--operator', 'VIETTEL', '--dry-run']);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain(`  Cột không nhận ra (để riêng, không nhập): ${extra.slice(0, 50).join(', ')} và 70 cột khác\n`);
    const en = await cli(['import', file, '--operator', 'VIETTEL', '--dry-run'], 'C');
    expect(en.out).toContain(`  unknown columns kept aside: ${extra.slice(0, 50).join(', ')} and 70 more\n`);
    // 50 issues listed, the 51st (the count of the rest) in the report.
    expect(en.out).toContain('  warn  file: column "Cột 49" is not one the planner knows: kept aside, not imported\n  … 1 more: --report <file.csv> writes them all');
  });
});
