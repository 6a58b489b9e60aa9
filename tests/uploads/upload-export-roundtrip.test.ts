import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { uploadResponse } from '../../server/uploads/uploads.schemas.js';
import { type App, startApp } from '../helpers/app-fixture.js';
import { dbKind, getTestDatabase } from '../helpers/test-db.js';
import { csv, resetWithOneArea } from './upload-fixtures.js';

/*
 * The planner's own station export, uploaded again as it is (an operator's usual round trip:
 * export, fix a few rows in Excel, upload), changes nothing: the apostrophe the export puts
 * before = + - @ is not read as part of a code or a name, and the coordinates are exported at
 * the precision they are stored.
 */

describe(`the station export uploaded again (${dbKind()})`, () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await getTestDatabase();
    await resetWithOneArea(database);
    app = await startApp();
  });
  afterAll(async () => app.close());

  const upload = async (body: string, name: string, mode = 'merge') => {
    const form = new FormData();
    form.append('operator', 'VIETTEL');
    form.append('mode', mode);
    form.append('file', new Blob([body]), name);
    const res = await fetch(`${app.url}/api/uploads`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    return uploadResponse.parse(await res.json());
  };

  it('changes nothing, in merge and in replace mode: guarded codes and names, DMS and 9-decimal coordinates', async () => {
    const first = await upload(csv([
      'station_code,technology,latitude,longitude,name',
      '+1,4G,10.4,105.4,plus code',
      '-2,4G,10.41,105.41,minus code',
      '@SUM(A1),5G,10.42,105.42,at code',
      'AG-1,4G,"10°22\'30""N","105°26\'04""E","=HYPERLINK(""http://x.example"",""click"")"',
      'AG-2,5G,10.123456789,105.400000001,Trạm Mỹ Hòa',
    ]), 'first.csv');
    expect(first.counts).toMatchObject({ create: 5, errorRows: 0 });
    expect((await fetch(`${app.url}/api/uploads/${first.id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);

    const exported = (await (await fetch(`${app.url}/api/stations?operator=VIETTEL&format=csv`)).text());
    // Formula-safe as it leaves (a spreadsheet shows the text), and at the stored precision.
    expect(exported).toContain("'+1,4G");
    expect(exported).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
    expect(exported).toContain('105.434444444,10.375');
    expect(exported).toContain('105.400000001,10.123456789');

    for (const mode of ['merge', 'replace']) {
      const again = await upload(exported, 'stations.csv', mode);
      expect(again.counts, mode).toMatchObject({ create: 0, update: 0, unchanged: 5, decommission: 0, errorRows: 0 });
    }
  });
});
