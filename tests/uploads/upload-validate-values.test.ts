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

describe('operator column', () => {
  it('the operator\'s own names pass; another operator\'s name is other_operator; no operator\'s is unknown_operator', () => {
    for (const n of ['Viettel An Giang', 'Tập đoàn Viettel', 'Viettel Telecom', 'VTL', 'N/A']) expect(only({ operator: n }).keys, n).toEqual([]);
    expect(only({ operator: 'VinaPhone' }).keys).toEqual(['error other_operator operator']);
    const unknown = only({ operator: 'Công ty ABC' });
    expect(unknown.keys).toEqual(['error unknown_operator operator']);
    expect(unknown.en).toEqual(['unknown operator name "Công ty ABC": the file is uploaded for VIETTEL; write its name, or leave the column empty']);
    expect(unknown.vi[0]).toMatch(/^Không nhận ra tên nhà mạng "Công ty ABC": tệp đang được tải lên cho VIETTEL/);
  });
});

describe('coordinates', () => {
  it('0/0 and near it is no coordinates; a point outside Vietnam says to check the signs or the order', () => {
    expect(only({ latitude: '0', longitude: '0' }).keys).toEqual(['error no_coordinates latitude']);
    expect(only({ latitude: '0.3', longitude: '-0,2' }).keys).toEqual(['error no_coordinates latitude']);
    const south = only({ latitude: '-10.38', longitude: '105.43' });
    expect(south.keys).toEqual(['error outside_vietnam.sign latitude']);
    expect(south.en[0]).toMatch(/^the point \(-10\.38, 105\.43\) is outside Vietnam: is a sign wrong\?/);
    expect(south.vi[0]).toMatch(/^Điểm \(-10,38; 105,43\) nằm ngoài Việt Nam: có phải dấu trừ bị ghi nhầm\?/);
    expect(only({ latitude: '10.3771', longitude: '-105.4271' }).keys).toEqual(['error outside_vietnam.sign latitude']);
    expect(only({ latitude: '10.3771', longitude: '10.3771' }).keys).toEqual(['error outside_vietnam latitude']);
    expect(only({ latitude: '48.8566', longitude: '2.3522' }).en[0]).toMatch(/outside Vietnam: check the order and the signs of latitude and longitude/);
  });

  it('keeps the swap, the impossible values and the points inside Vietnam as they were', () => {
    expect(only({ latitude: '105.4271', longitude: '10.3771' }).keys).toEqual(['error swapped_coordinates latitude']);
    expect(only({ latitude: '91', longitude: '105.4' }).keys).toEqual(['error out_of_range.latitude latitude']);
    expect(only({ latitude: '103771', longitude: '1054271' }).keys).toEqual(['error out_of_range.latitude latitude', 'error out_of_range.longitude longitude']);
    expect(only({ latitude: '10.7769', longitude: '106.7009' }).station).toMatchObject({ lat: 10.7769, lon: 106.7009 });
    // Inside the box around Vietnam: the boundary set's outside_areas warning says the rest.
    expect(only({ latitude: '11.5564', longitude: '104.9282' }).keys).toEqual([]);
  });

  it('degrees, minutes and seconds become decimal degrees; with spaces, a hint', () => {
    expect(only({ latitude: `10°22'30"N`, longitude: `105°26'04"E` }).station).toMatchObject({ lat: 10.375, lon: 105.434444444 } /* 105 + 26/60 + 4/3600, to 9 decimals */);
    const spaced = only({ latitude: '10 22 30', longitude: '105 26 04' });
    expect(spaced.keys).toEqual(['error bad_number.dms_spaces latitude', 'error bad_number.dms_spaces longitude']);
    expect(spaced.en[0]).toBe('latitude: "10 22 30" looks like degrees, minutes and seconds separated by spaces: write them with their symbols (10°22\'30") or in decimal degrees (10.375)');
    expect(only({ latitude: '10.377.1' }).keys).toEqual(['error bad_number.separators latitude']);
    expect(only({ latitude: '1.03777E+01' }).station).toMatchObject({ lat: 10.3777 });
    expect(only({ latitude: 'abc' }).keys).toEqual(['error bad_number.latitude latitude']);
    expect(only({ latitude: `105°26'04"E`, longitude: `10°22'30"N` }).keys).toEqual(['error bad_number.hemisphere latitude', 'error bad_number.hemisphere longitude']);
  });
});

describe('technology and status', () => {
  it('hints for two technologies in one row and for 2G/3G; the variants of 4G and 5G pass', () => {
    expect(only({ technology: '4G+5G' }).keys).toEqual(['error unknown_technology.both technology']);
    expect(only({ technology: '4G+5G' }).en[0]).toMatch(/write two rows with the same code, one 4G and one 5G$/);
    expect(only({ technology: '3G' }).keys).toEqual(['error unknown_technology.legacy technology']);
    expect(only({ technology: 'XG' }).keys).toEqual(['error unknown_technology technology']);
    expect(only({ technology: 'NR-SA' }).station?.technology).toBe('5G');
    expect(only({ technology: 'ＬＴＥ' }).station?.technology).toBe('4G');
  });

  it('a suspended station is an error with a hint, the other new words are statuses', () => {
    expect(only({ status: 'Tạm dừng' }).keys).toEqual(['error unknown_status.suspended status']);
    expect(only({ status: 'Tạm dừng' }).vi[0]).toMatch(/^Trạng thái "Tạm dừng" không có trong hệ thống/);
    expect(only({ status: 'Đã phát sóng' }).station?.status).toBe('on_air');
    expect(only({ status: 'Đã tháo dỡ' }).station?.status).toBe('decommissioned');
    expect(only({ status: 'Đang xây dựng' }).station?.status).toBe('planned');
  });

  it('the status against the decommissioning date the row gives', () => {
    expect(only({ status: 'on_air', decommissioned_on: '2021-01-01' }).keys).toEqual(['error status_conflict decommissioned_on']);
    expect(only({ status: 'on_air', decommissioned_on: '2025-06-15' }).en)
      .toEqual(['the status is on air, but the station was decommissioned on 2025-06-15 (today is 2025-06-15): give the status decommissioned, or fix the date']);
    // Its end still to come: an on-air station with its decommissioning planned.
    expect(only({ status: 'on_air', decommissioned_on: '2025-06-16' }).station).toMatchObject({ status: 'on_air', decommissionedOn: '2025-06-16' });
    expect(only({ status: 'planned', decommissioned_on: '2027-06-01' }).keys).toEqual(['error status_conflict.planned decommissioned_on']);
    expect(only({ status: 'decommissioned', decommissioned_on: '2021-01-01' }).keys).toEqual([]);
    expect(only({ decommissioned_on: '2021-01-01' }).keys).toEqual([]);
  });
});

describe('placeholders, invisible characters, line breaks', () => {
  it('a placeholder is missing in a required field, a blank in an optional one (the status too)', () => {
    for (const p of ['-', '—', 'N/A', 'n/a', 'null', '#N/A', 'none', 'x']) {
      expect(only({ station_code: p }).keys, p).toEqual(['error missing_value.placeholder station_code']);
    }
    expect(only({ station_code: 'N/A' }).en).toEqual(['station_code is "N/A", which stands for no value: every station needs it filled in']);
    expect(only({ latitude: '#N/A', technology: '-' }).keys).toEqual(['error missing_value.placeholder technology', 'error missing_value.placeholder latitude']);
    const blank = only({ name: 'N/A', commissioned_on: '-', decommissioned_on: 'n/a', operator: '#N/A' });
    expect(blank.keys).toEqual([]);
    expect(blank.station).toMatchObject({ name: null, commissionedOn: null, decommissionedOn: null });
    expect(only({ status: 'N/A' }).keys).toEqual([]);
    expect(only({ status: 'N/A' }).station).toMatchObject({ status: null });
  });

  it('invisible characters in codes and names are refused with their reason', () => {
    expect(only({ station_code: 'QA\u200B1' }).keys).toEqual(['error bad_text.invisible station_code']);
    expect(only({ name: 'bidi \u202Eevil\u202C' }).keys).toEqual(['error bad_text.invisible name']);
    expect(only({ name: 'bidi \u202Eevil\u202C' }).vi[0]).toMatch(/^Tên trạm chứa ký tự ẩn/);
  });

  it('Alt+Enter in a name: one space instead, a warning, and the station is kept', () => {
    const r = only({ name: 'Dòng 1\r\nDòng 2' });
    expect(r.keys).toEqual(['warning bad_text.line_breaks name']);
    expect(r.station).toMatchObject({ code: 'VT-1', name: 'Dòng 1 Dòng 2' });
    expect(r.en[0]).toBe('name had line breaks or tabs (Alt+Enter in Excel): each was replaced by a space and the station is kept');
    // Not in a code, and not for other control characters.
    expect(only({ station_code: 'VT\n1' }).keys).toEqual(['error bad_text.control_chars station_code']);
    expect(only({ name: 'esc\u001b[31m' }).keys).toEqual(['error bad_text.control_chars name']);
  });
});

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

describe('a cell showing a failed formula (#REF!, #DIV/0!)', () => {
  it('in any field it is that one error, naming the value; #N/A stays a placeholder for no value', () => {
    const fields: Field[] = ['station_code', 'technology', 'latitude', 'longitude', 'status', 'commissioned_on', 'decommissioned_on', 'name', 'operator'];
    for (const [field, shown] of fields.map((f, i) => [f, ['#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', ' #ref! '][i]!] as const)) {
      const r = check({ [field]: shown });
      expect(keys(r.issues), field).toEqual([`error formula_error ${field}`]);
      expect(r.issues[0]!.value).toBe(shown.trim());
      expect(r.station).toBeNull();
    }
    const [issue] = check({ latitude: '#DIV/0!' }).issues;
    expect(renderIssue(issue!, 'en')).toBe('latitude shows Excel\'s error #DIV/0!: the formula in the cell failed (a deleted cell it refers to, a division by zero, a misspelt function); correct it in the sheet and save again');
    expect(renderIssue(issue!, 'vi')).toBe('Vĩ độ hiện lỗi #DIV/0! của Excel: công thức trong ô bị lỗi (tham chiếu tới ô đã bị xoá, chia cho 0, tên hàm viết sai); hãy sửa trong bảng tính rồi lưu lại');
    // Other fields keep their own checks; #N/A and text that merely starts with # are not formula errors.
    expect(keys(check({ latitude: '#REF!', technology: '3G' }).issues)).toEqual(['error formula_error latitude', 'error unknown_technology.legacy technology']);
    expect(keys(check({ name: '#N/A' }).issues)).toEqual([]);
    expect(keys(check({ name: '#REF! tram' }).issues)).toEqual([]);
  });
});

describe('codes Excel mangled', () => {
  it('a TRUE/FALSE cell or a number shortened to scientific notation is no code; a long number in full is', () => {
    expect(keys(check({ station_code: true }).issues)).toEqual(['error bad_text.boolean station_code']);
    expect(keys(check({ station_code: false }).issues)).toEqual(['error bad_text.boolean station_code']);
    for (const t of ['1.23457E+11', '1,23457E+11', ' 8.9E+15 ', '1E+05']) expect(keys(check({ station_code: t }).issues), t).toEqual(['error bad_text.scientific station_code']);
    expect(renderIssue(check({ station_code: '1.23457E+11' }).issues[0]!, 'vi')).toBe('Mã trạm "1.23457E+11" là một số đã bị Excel rút gọn thành dạng lũy thừa: các chữ số của mã đã mất; hãy định dạng cột theo kiểu Văn bản rồi dán lại các mã');
    expect(check({ station_code: 123456789012 }).station).toMatchObject({ code: '123456789012' });
    expect(check({ station_code: 'AG-1E5' }).station).toMatchObject({ code: 'AG-1E5' });
  });
});

describe('decommissioned without a date', () => {
  it('is kept with a warning: with no date it would count on no date, not even while it was on air', () => {
    const r = check({ status: 'decommissioned', commissioned_on: '2020-01-01' });
    expect(keys(r.issues)).toEqual(['warning missing_value.decommission_date decommissioned_on']);
    expect(r.station).toMatchObject({ status: 'decommissioned', commissionedOn: '2020-01-01', decommissionedOn: null });
    expect(renderIssue(r.issues[0]!, 'vi')).toMatch(/^Trạm đã ngừng hoạt động nhưng không có Ngày ngừng: /);
    expect(keys(check({ status: 'đã tháo dỡ', decommissioned_on: '2024-01-01' }).issues)).toEqual([]);
    expect(keys(check({ status: 'on_air' }).issues)).toEqual([]);
  });
});

describe('full-width codes', () => {
  it('are the ASCII code they read as (NFKC): typed with an IME, the same station', () => {
    expect(check({ station_code: 'ＱＡ－ＦＬ－００２' }).station).toMatchObject({ code: 'QA-FL-002' });
    expect(check({ station_code: 'Trạm-１' }).station).toMatchObject({ code: 'Trạm-1' });
  });
});
