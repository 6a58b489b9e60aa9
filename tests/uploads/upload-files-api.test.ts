import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { uploadResponse } from '../../server/uploads/uploads.schemas.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

/* Files through the API: the whole-file refusals carry their reason, the report's header speaks the language asked. */

describe(`uploads API, whole files (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp({ env: { UPLOAD_MAX_BYTES: '2000' } });
  });
  afterAll(async () => app.close());

  const upload = (body: string | Uint8Array, name: string) => {
    const form = new FormData();
    form.append('operator', 'VIETTEL');
    form.append('file', new Blob([body as BlobPart]), name);
    return fetch(`${app.url}/api/uploads`, { method: 'POST', body: form });
  };

  it('a file larger than UPLOAD_MAX_BYTES while it arrives: 413 with reason too_many_bytes and the limit', async () => {
    const res = await upload('x'.repeat(5000), 'big.csv');
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({
      code: 'upload_too_large', message: 'The file is larger than 2.0 kB, the most one upload takes (UPLOAD_MAX_BYTES). Split it into several files.',
      details: { reason: 'too_many_bytes', params: { max: 2000 }, maxBytes: 2000 },
    });
  });

  it('GET /api/uploads/limits says the limits the server runs with', async () => {
    const res = await fetch(`${app.url}/api/uploads/limits`);
    expect([res.status, await res.json()]).toEqual([200, { maxBytes: 2000, maxRows: 500_000 }]);
    expect((await fetch(`${app.url}/api/uploads/limits?x=1`)).status).toBe(400);
  });

  it('too large, in Vietnamese when asked: by ?lang=vi, or by the form\'s lang sent before the file', async () => {
    const vi = 'Tệp lớn hơn 2,0 kB, vượt quá dung lượng tối đa của một lần tải lên (UPLOAD_MAX_BYTES). Hãy chia thành nhiều tệp nhỏ hơn.';
    const send = async (query: string, fields: [string, string][]) => {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      form.append('file', new Blob(['x'.repeat(5000)]), 'big.csv');
      const res = await fetch(`${app.url}/api/uploads${query}`, { method: 'POST', body: form });
      return [res.status, (await res.json()).error.message];
    };
    expect(await send('?lang=vi', [['operator', 'VIETTEL']])).toEqual([413, vi]);
    expect(await send('', [['lang', 'vi'], ['operator', 'VIETTEL']])).toEqual([413, vi]);
    expect((await send('?lang=en', [['lang', 'vi'], ['operator', 'VIETTEL']]))[1]).toMatch(/^The file is larger than 2.0 kB/);
    expect((await fetch(`${app.url}/api/uploads?lang=fr`, { method: 'POST' })).status).toBe(400);
  });

  it('a commit or rollback refused says so in the language asked (?lang=vi)', async () => {
    const res = await upload(csv(['station_code,technology,latitude,longitude', 'L1,4G,10.4,105.4']), 'l.csv');
    const { id } = uploadResponse.parse(await res.json());
    const act = async (what: string, lang = 'vi') => {
      const r = await fetch(`${app.url}/api/uploads/${id}/${what}?lang=${lang}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return [r.status, (await r.json()).error?.message];
    };
    expect(await act('rollback')).toEqual([409, `Lần tải lên ${id} mới chỉ là bản xem trước (chưa từng được xác nhận): không có gì để hoàn tác.`]);
    expect((await act('commit'))[0]).toBe(200);
    expect(await act('commit')).toEqual([409, `Lần tải lên ${id} đã được xác nhận rồi; hãy tải tệp lên lại để có bản xem trước mới.`]);
    expect(await act('discard', 'en')).toEqual([409, `Upload ${id} is already committed; only an open preview can be discarded (a rollback undoes a commit).`]);
    const missing = await fetch(`${app.url}/api/uploads/999999/commit?lang=vi`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([missing.status, (await missing.json()).error.message]).toEqual([404, 'Không tìm thấy lần tải lên 999999']);
  });

  it('a refused file: 422 with its reason; a header-only file is one of them', async () => {
    const res = await upload(csv(['station_code,technology,latitude,longitude']), 'empty.csv');
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toEqual({ reason: 'no_stations', params: { row: 1 } });
  });

  it('the CSV error report has its header row in the language asked, like its messages', async () => {
    const res = await upload(csv(['station_code,technology,latitude,longitude,Ghi chú', 'A,4G,abc,105.4,', 'B,4G,10.4,105.4,']), 'r.csv');
    const preview = uploadResponse.parse(await res.json());
    // text() drops the BOM the report starts with
    const report = async (lang: string) => (await (await fetch(`${app.url}/api/uploads/${preview.id}/errors?format=csv&lang=${lang}`)).text()).split('\r\n');
    const [vi, en] = [await report('vi'), await report('en')];
    expect(vi.slice(0, 2)).toEqual(['Dòng,Mức,Mã lỗi,Cột,Lý do,Giá trị,Mã trạm', ',Cảnh báo,unknown_column,,"Không nhận ra cột ""Ghi chú"": cột này được để riêng, không nhập vào hệ thống",Ghi chú,']);
    expect(en[0]).toBe('row,severity,code,field,message,value,station_code');
    expect(en[2]).toMatch(/^2,error,bad_number,latitude,/);
    // The level and the column in the page's words in Vietnamese; the code stays a code.
    expect(vi[2]).toMatch(/^2,Lỗi,bad_number,Vĩ độ,.*,abc,A$/); // and the row's station, to find it in a master list
    expect(app.errors).toEqual([]);
  });
});
