import { describe, expect, it } from 'vitest';
import type { Field } from '../../server/uploads/upload-headers.js';
import { renderIssue } from '../../server/uploads/upload-messages.js';
import { Uncomputed, type Cell } from '../../server/uploads/upload-source.js';
import { validateRow, type RowIssue } from '../../server/uploads/upload-validate.js';

/* One row at a time: what each single cell value gives (QA P7, P15–P17, P21, P24, P25). */

const ctx = { operator: { code: 'VIETTEL', name: 'Viettel' }, today: '2025-06-15' };
const GOOD = { station_code: 'VT-1', technology: '4G', latitude: '10.4', longitude: '105.4' };
const check = (values: Partial<Record<Field, Cell>>) => validateRow({ rowNumber: 7, values: { ...GOOD, ...values } }, ctx);
const keys = (issues: RowIssue[]) => issues.map((i) => `${i.severity} ${i.code}${typeof i.params.kind === 'string' ? `.${i.params.kind}` : ''} ${i.field}`);
const only = (values: Partial<Record<Field, Cell>>) => {
  const { station, issues } = check(values);
  return { station, keys: keys(issues), vi: issues.map((i) => renderIssue(i, 'vi')), en: issues.map((i) => renderIssue(i, 'en')) };
};

describe('a formula without a computed value (Uncomputed)', () => {
  it('in any field it is that error, naming the formula, never "empty"', () => {
    const f = new Uncomputed('10+0.382');
    const fields: Field[] = ['station_code', 'technology', 'latitude', 'longitude', 'status', 'commissioned_on', 'decommissioned_on', 'name', 'operator'];
    for (const field of fields) {
      const r = check({ [field]: f });
      expect(keys(r.issues), field).toEqual([`error uncomputed_formula ${field}`]);
      expect(r.issues[0]!.value).toBe('=10+0.382');
      expect(r.station).toBeNull();
    }
    const [issue] = check({ latitude: f }).issues;
    expect(renderIssue(issue!, 'en')).toBe('latitude: the cell holds the formula =10+0.382 with no computed value: open the file in Excel and save it again');
    expect(renderIssue(issue!, 'vi')).toBe('Vĩ độ: ô chứa công thức =10+0.382 nhưng chưa có giá trị đã tính: hãy mở tệp bằng Excel rồi lưu lại');
  });
});
