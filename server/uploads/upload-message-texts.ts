import type { IssueCode } from './upload-validate.js';

/*
 * The texts of every upload message, Vietnamese and English (data only: rendering, placeholders
 * and formats are in upload-messages.ts, whose header says what a template may contain).
 */

export type Lang = 'vi' | 'en';
export type Texts = Record<Lang, string>;

/*
 * upload-files: what the readers notice about a row or the whole file. These are issue codes like
 * the others, but ISSUE_CODES (upload-validate.ts) takes them from here; their texts join ISSUE_MESSAGES through
 * READER_ISSUE_MESSAGES below.
 */
export const READER_ISSUE_CODES = ['extra_cells', 'rows_above_header', 'hidden_rows', 'read_as_csv', 'total_row'] as const;
export type ReaderIssueCode = (typeof READER_ISSUE_CODES)[number];

const READER_ISSUE_MESSAGES = {
  extra_cells: {
    en: 'this row has {cells} cells but the header only {columns}: decimal commas in a comma-separated file? Quote the numbers ("10,3771") or separate the columns with ;',
    vi: 'Dòng này có {cells} ô nhưng dòng tiêu đề chỉ có {columns} cột: có phải số thập phân viết bằng dấu phẩy trong tệp phân cách bằng dấu phẩy? Hãy đặt số trong ngoặc kép ("10,3771") hoặc phân cách các cột bằng dấu ;',
  },
  'extra_cells.notes': {
    en: 'this row has {cells} cells but the header only {columns}: the cells beyond the header were not read',
    vi: 'Dòng này có {cells} ô nhưng dòng tiêu đề chỉ có {columns} cột: các ô nằm ngoài các cột có tiêu đề không được đọc',
  },
  rows_above_header: { en: 'rows {first}–{last} above the header (row {header}) were not read', vi: 'Các dòng {first}–{last} phía trên dòng tiêu đề (dòng {header}) không được đọc' },
  'rows_above_header.one': { en: 'row {first} above the header (row {header}) was not read', vi: 'Dòng {first} phía trên dòng tiêu đề (dòng {header}) không được đọc' },
  total_row: { en: 'this row is a total line ("{value}"), not a station: it was left out', vi: 'Dòng này là dòng tổng cộng ("{value}"), không phải một trạm: đã được bỏ qua' },
  hidden_rows: { en: 'rows {rows} are hidden in Excel and were imported all the same', vi: 'Các dòng {rows} đang bị ẩn trong Excel nhưng vẫn được nhập' },
  'hidden_rows.one': { en: 'row {rows} is hidden in Excel and was imported all the same', vi: 'Dòng {rows} đang bị ẩn trong Excel nhưng vẫn được nhập' },
  'hidden_rows.many': {
    en: '{count} rows hidden in Excel were imported all the same: {rows} …',
    vi: '{count} dòng đang bị ẩn trong Excel vẫn được nhập: {rows} …',
  },
  read_as_csv: {
    en: 'the file is named .xlsx but holds CSV text: it was read as CSV (name it .CSV next time)',
    vi: 'Tệp có đuôi .xlsx nhưng nội dung là văn bản CSV: tệp đã được đọc như CSV (lần sau hãy đặt đuôi .CSV)',
  },
} satisfies Record<ReaderIssueCode | `${ReaderIssueCode}.${string}`, Texts>;

/** `code` is the generic text; `code.kind` a variant chosen by `params.kind` (a field, or a reason). */
export const ISSUE_MESSAGES: Record<IssueCode, Texts> & Partial<Record<`${IssueCode}.${string}`, Texts>> = {
  missing_value: { en: '{field} is empty', vi: '{field} đang để trống' },
  'missing_value.station_code': { en: '{field} is empty: every station needs its code', vi: '{field} đang để trống: mỗi trạm phải có mã trạm' },
  'missing_value.technology': { en: '{field} is empty: write 4G or 5G', vi: '{field} đang để trống: ghi 4G hoặc 5G' },
  'missing_value.latitude': { en: '{field} is empty: every station needs both coordinates', vi: '{field} đang để trống: mỗi trạm phải có đủ vĩ độ và kinh độ' },
  'missing_value.longitude': { en: '{field} is empty: every station needs both coordinates', vi: '{field} đang để trống: mỗi trạm phải có đủ vĩ độ và kinh độ' },
  // A placeholder for no value ("-", "N/A", "#N/A") in a field every station needs.
  'missing_value.decommission_date': {
    en: 'the station is decommissioned with no {field}: unless the planner has that date already, it counts on no date at all, not even when it was on air; give the date it stopped',
    vi: 'Trạm đã ngừng hoạt động nhưng không có {field}: nếu hệ thống chưa có ngày này, trạm sẽ không được tính vào bất kỳ ngày nào, kể cả thời gian còn phát sóng; hãy ghi ngày trạm ngừng',
  },
  'missing_value.placeholder': { en: '{field} is "{value}", which stands for no value: every station needs it filled in', vi: '{field} ghi "{value}", tức là không có giá trị: mỗi trạm phải điền cột này' },
  unknown_technology: { en: 'unknown technology "{value}": use 4G (LTE, eNB) or 5G (NR, gNB)', vi: '{field} "{value}" không hợp lệ: chỉ chấp nhận 4G (LTE, eNB) hoặc 5G (NR, gNB)' },
  // Hints for technologies that are not one of 4G and 5G (QA P15).
  'unknown_technology.both': {
    en: '{field} "{value}" names both 4G and 5G: a row is one station of one technology; write two rows with the same code, one 4G and one 5G',
    vi: '{field} "{value}" ghi cả 4G và 5G: mỗi dòng là một trạm của một công nghệ; hãy tách thành hai dòng cùng mã trạm, một dòng 4G và một dòng 5G',
  },
  'unknown_technology.legacy': { en: '{field} "{value}": the planner keeps only 4G and 5G stations; leave 2G and 3G stations out of the file', vi: '{field} "{value}": hệ thống chỉ quản lý trạm 4G và 5G; hãy bỏ các trạm 2G, 3G ra khỏi tệp' },
  unknown_status: {
    en: 'unknown status "{value}": use planned, on_air or decommissioned (kế hoạch, đang phát sóng, ngừng)',
    vi: '{field} "{value}" không hợp lệ: dùng "kế hoạch", "đang phát sóng" hoặc "ngừng"',
  },
  'unknown_status.suspended': {
    en: 'status "{value}" (suspended) is not one the planner keeps, only planned, on air and decommissioned: write on_air if the station will be back on air (it keeps counting), or decommissioned with the date it stopped (it no longer counts from then)',
    vi: '{field} "{value}" không có trong hệ thống, chỉ có kế hoạch, đang phát sóng và ngừng: nếu trạm sẽ phát sóng lại, hãy ghi "đang phát sóng" (trạm vẫn được tính); nếu không, ghi "ngừng" kèm ngày ngừng (trạm thôi được tính từ ngày đó)',
  },
  bad_number: { en: '{field}: "{value}" is not a number', vi: '{field} "{value}" không phải là số' },
  'bad_number.latitude': { en: '{field}: "{value}" is not a number in decimal degrees (like 10.3712 or 10,3712)', vi: '{field} "{value}" không phải là số độ thập phân (ví dụ 10,3712 hoặc 10.3712)' },
  'bad_number.longitude': { en: '{field}: "{value}" is not a number in decimal degrees (like 105.4345 or 105,4345)', vi: '{field} "{value}" không phải là số độ thập phân (ví dụ 105,4345 hoặc 105.4345)' },
  // Coordinates written in another way than decimal degrees (QA P17).
  'bad_number.dms_spaces': {
    en: '{field}: "{value}" looks like degrees, minutes and seconds separated by spaces: write them with their symbols (10°22\'30") or in decimal degrees (10.375)',
    vi: '{field} "{value}" có vẻ là độ, phút, giây viết cách nhau bằng dấu cách: hãy ghi kèm ký hiệu (10°22\'30") hoặc ghi số độ thập phân (10,375)',
  },
  'bad_number.spaces': { en: '{field}: "{value}" has a space inside the number: write one number in decimal degrees (like 10.3712 or 10,3712)', vi: '{field} "{value}" có dấu cách ở giữa số: hãy ghi một số độ thập phân (ví dụ 10,3712 hoặc 10.3712)' },
  'bad_number.separators': {
    en: '{field}: "{value}" has more than one dot or comma: degrees have no thousands separator; write one decimal separator (like 10.3771 or 10,3771)',
    vi: '{field} "{value}" có nhiều hơn một dấu chấm hoặc dấu phẩy: số độ không dùng dấu phân cách hàng nghìn; chỉ ghi một dấu thập phân (ví dụ 10,3771 hoặc 10.3771)',
  },
  'bad_number.dms': {
    en: '{field}: "{value}" is not valid degrees, minutes and seconds: minutes and seconds are below 60, only the last part has decimals, and a minus sign or a hemisphere letter, not both (like 10°22\'30.5")',
    vi: '{field} "{value}" không phải là độ, phút, giây hợp lệ: phút và giây phải nhỏ hơn 60, chỉ phần cuối được có số thập phân, và chỉ ghi dấu trừ hoặc chữ chỉ hướng, không ghi cả hai (ví dụ 10°22\'30,5")',
  },
  'bad_number.hemisphere': {
    en: '{field}: "{value}" has the letter of the other axis: latitude is north or south, longitude east or west (are the two columns swapped?)',
    vi: '{field} "{value}" ghi chữ chỉ hướng của trục kia: vĩ độ là Bắc/Nam (N, S, B), kinh độ là Đông/Tây (E, W, Đ); có phải hai cột bị đổi chỗ không?',
  },
  out_of_range: { en: '{field} {number} is out of range', vi: '{field} {number} nằm ngoài khoảng cho phép' },
  'out_of_range.latitude': { en: '{field} {number} is out of range (−90 to 90)', vi: '{field} {number} nằm ngoài khoảng cho phép (từ −90 đến 90)' },
  'out_of_range.longitude': { en: '{field} {number} is out of range (−180 to 180)', vi: '{field} {number} nằm ngoài khoảng cho phép (từ −180 đến 180)' },
  swapped_coordinates: {
    en: '{@latitude} {lat} and {@longitude} {lon} look swapped: in Vietnam the latitude is about 8–23 and the longitude about 102–110',
    vi: '{@latitude} {lat} và kinh độ {lon} có vẻ bị đảo ngược: ở Việt Nam vĩ độ khoảng 8–23, kinh độ khoảng 102–110',
  },
  // Possible numbers that are no place in Vietnam (QA P16).
  no_coordinates: {
    en: 'no coordinates: {@latitude} {lat} and {@longitude} {lon} are at or next to 0, 0, which means the cells were left at zero; give the station\'s real coordinates',
    vi: 'Chưa có tọa độ: {@latitude} {lat} và kinh độ {lon} bằng hoặc gần bằng (0; 0), tức là ô tọa độ bị để bằng 0; hãy ghi tọa độ thật của trạm',
  },
  outside_vietnam: {
    en: 'the point ({lat}, {lon}) is outside Vietnam: check the order and the signs of {@latitude} and {@longitude} (in Vietnam the latitude is about 8–23 and the longitude about 102–110)',
    vi: 'Điểm ({lat}; {lon}) nằm ngoài Việt Nam: hãy kiểm tra thứ tự và dấu âm/dương của vĩ độ và kinh độ (ở Việt Nam vĩ độ khoảng 8–23, kinh độ khoảng 102–110)',
  },
  'outside_vietnam.sign': {
    en: 'the point ({lat}, {lon}) is outside Vietnam: is a sign wrong? In Vietnam both are positive (latitude about 8–23, longitude about 102–110)',
    vi: 'Điểm ({lat}; {lon}) nằm ngoài Việt Nam: có phải dấu trừ bị ghi nhầm? Ở Việt Nam cả vĩ độ và kinh độ đều dương (vĩ độ khoảng 8–23, kinh độ khoảng 102–110)',
  },
  bad_date: { en: '{field}: "{value}" is not a date', vi: '{field} "{value}" không phải là ngày' },
  'bad_date.format': { en: '{field}: "{value}" is not a date: write YYYY-MM-DD or DD/MM/YYYY', vi: '{field} "{value}" không phải là ngày: ghi theo dạng ngày/tháng/năm (15/06/2025) hoặc năm-tháng-ngày (2025-06-15)' },
  'bad_date.not_real': { en: '{field}: "{value}" is not a real calendar date', vi: '{field} "{value}" không phải là ngày có thật' },
  'bad_date.not_real_dmy': { en: '{field}: "{value}" is not a real calendar date (day/month/year)', vi: '{field} "{value}" không phải là ngày có thật (đọc theo ngày/tháng/năm)' },
  'bad_date.invalid': { en: '{field}: the cell is not a valid date', vi: '{field}: ô này không chứa ngày hợp lệ' },
  // Dates read but refused, with the likely reason (QA P25).
  'bad_date.year_range': { en: '{field}: "{value}" is outside the accepted years (1900 to 2999)', vi: '{field} "{value}" nằm ngoài khoảng năm được chấp nhận (từ 1900 đến 2999)' },
  'bad_date.us_order': {
    en: '{field}: "{value}" is not a real date read as day/month/year: month and day swapped? Dates are day/month/year (15/03/2024)',
    vi: '{field} "{value}" không phải là ngày có thật khi đọc theo ngày/tháng/năm: có phải tháng và ngày bị đổi chỗ? Ngày ghi theo ngày/tháng/năm (15/03/2024)',
  },
  future_date: {
    en: 'commissioned on {date:date}, after today ({today:date}), but the status is on air: use status planned, or fix the date',
    vi: '{field} {date:date} muộn hơn hôm nay ({today:date}) nhưng trạng thái là đang phát sóng: hãy đổi trạng thái thành kế hoạch hoặc sửa lại ngày',
  },
  'future_date.stored': {
    en: 'the station would be on air, but its stored commissioning date {date:date} is after today ({today:date}): give the status planned, or the right date',
    vi: 'trạm sẽ ở trạng thái đang phát sóng nhưng ngày phát sóng đang lưu ({date:date}) muộn hơn hôm nay ({today:date}): hãy ghi trạng thái kế hoạch hoặc sửa lại ngày',
  },
  'date_order.stored': {
    en: 'decommissioned on {decommissioned:date}, before the commissioning date already stored ({commissioned:date}): give both dates',
    vi: '{field} {decommissioned:date} sớm hơn ngày phát sóng đang lưu ({commissioned:date}): hãy ghi cả hai ngày',
  },
  'date_order.stored_decommissioning': {
    en: 'commissioned on {commissioned:date}, after the decommissioning date already stored ({decommissioned:date}): give both dates',
    vi: '{field} {commissioned:date} muộn hơn ngày ngừng đang lưu ({decommissioned:date}): hãy ghi cả hai ngày',
  },
  date_order: {
    en: 'decommissioned on {decommissioned:date}, before it was commissioned ({commissioned:date})',
    vi: '{field} {decommissioned:date} sớm hơn ngày phát sóng ({commissioned:date}): trạm không thể ngừng trước khi phát sóng',
  },
  // The status the file gives against the decommissioning date it gives (QA P24).
  status_conflict: {
    en: 'the status is on air, but the station was decommissioned on {date:date} (today is {today:date}): give the status decommissioned, or fix the date',
    vi: 'Trạng thái là đang phát sóng nhưng trạm đã ngừng từ ngày {date:date} (hôm nay là {today:date}): hãy đổi trạng thái thành ngừng hoặc sửa lại ngày',
  },
  'status_conflict.planned': {
    en: 'the status is planned, but a decommissioning date is given ({date:date}): a planned station has not been on air yet; fix the status, or remove the date',
    vi: 'Trạng thái là kế hoạch nhưng lại có ngày ngừng ({date:date}): trạm theo kế hoạch chưa từng phát sóng; hãy sửa trạng thái hoặc xóa ngày này',
  },
  bad_text: { en: '{field} is not valid text', vi: '{field} không phải văn bản hợp lệ' },
  'bad_text.too_long': { en: '{field} is {length} characters long; at most {max} are allowed', vi: '{field} dài {length} ký tự, vượt quá mức tối đa {max} ký tự' },
  'bad_text.control_chars': { en: '{field} contains control characters (tab, line break or invisible codes)', vi: '{field} chứa ký tự điều khiển (dấu tab, xuống dòng hoặc ký tự ẩn)' },
  'bad_text.not_utf8': { en: '{field} has characters that are not UTF-8: save the file as UTF-8', vi: '{field} có ký tự không phải UTF-8: hãy lưu tệp ở dạng UTF-8' },
  // Codes and names: look-alikes refused, Alt+Enter kept with a warning (QA P24, P25).
  'bad_text.invisible': {
    en: '{field} contains invisible characters (zero-width spaces or text-direction marks): they make codes and names look alike that are not; type it again',
    vi: '{field} chứa ký tự ẩn (khoảng trắng không độ rộng hoặc dấu đổi chiều văn bản), khiến các mã và tên trông giống nhau nhưng thực ra khác nhau: hãy gõ lại',
  },
  'bad_text.example': {
    en: '{field} {value} is the template\'s example row: delete it and write your own stations',
    vi: '{field} {value} là dòng ví dụ của tệp mẫu: hãy xóa dòng này và ghi các trạm của bạn',
  },
  'bad_text.boolean': {
    en: '{field} is {value}, a yes/no value, not a code: Excel made the cell a TRUE/FALSE one; format the column as Text and type the code again',
    vi: '{field} là {value}, một giá trị đúng/sai chứ không phải mã: Excel đã biến ô thành kiểu TRUE/FALSE; hãy định dạng cột theo kiểu Văn bản rồi gõ lại mã',
  },
  'bad_text.scientific': {
    en: '{field} "{value}" is a number Excel shortened to scientific notation: the code\'s digits are lost; format the column as Text and paste the codes again',
    vi: '{field} "{value}" là một số đã bị Excel rút gọn thành dạng lũy thừa: các chữ số của mã đã mất; hãy định dạng cột theo kiểu Văn bản rồi dán lại các mã',
  },
  'bad_text.line_breaks': {
    en: '{field} had line breaks or tabs (Alt+Enter in Excel): each was replaced by a space and the station is kept',
    vi: '{field} có dấu xuống dòng hoặc dấu tab (Alt+Enter trong Excel): đã được thay bằng dấu cách, trạm vẫn được giữ',
  },
  // Any cell: a formula the file holds without its value (QA P21).
  uncomputed_formula: {
    en: '{field}: the cell holds the formula {value} with no computed value: open the file in Excel and save it again',
    vi: '{field}: ô chứa công thức {value} nhưng chưa có giá trị đã tính: hãy mở tệp bằng Excel rồi lưu lại',
  },
  // Any cell: a formula that failed, its error value cached in the workbook or saved into a CSV.
  formula_error: {
    en: '{field} shows Excel\'s error {value}: the formula in the cell failed (a deleted cell it refers to, a division by zero, a misspelt function); correct it in the sheet and save again',
    vi: '{field} hiện lỗi {value} của Excel: công thức trong ô bị lỗi (tham chiếu tới ô đã bị xoá, chia cho 0, tên hàm viết sai); hãy sửa trong bảng tính rồi lưu lại',
  },
  duplicate: { en: 'station {value} ({technology}) is already on row {first}: each station once per file', vi: 'Trạm {value} ({technology}) đã có ở dòng {first}: mỗi trạm chỉ được ghi một lần trong tệp' },
  'other_operator.code': {
    en: 'station code {value} is already a station of {other}: a code is one operator\'s; upload this row for {other}, or correct the code',
    vi: '{field} {value} đã là mã của một trạm {other}: mỗi mã trạm chỉ thuộc một nhà mạng; hãy tải dòng này lên cho {other} hoặc sửa lại mã',
  },
  'lookalike_code.stored': {
    en: 'station code {value} looks like {other}, a station already stored (only case, dashes, spaces or leading zeros differ): the same station? It is kept as a new one',
    vi: '{field} {value} trông giống mã {other} của một trạm đang có trong hệ thống (chỉ khác chữ hoa, chữ thường, dấu gạch, dấu cách hoặc số 0 ở đầu): có phải cùng một trạm? Mã này vẫn được giữ như một trạm mới',
  },
  lookalike_code: {
    en: 'station code {value} looks like {other} on row {first} (only case, dashes, spaces or leading zeros differ): the same station twice? Both are kept',
    vi: '{field} {value} trông giống mã {other} ở dòng {first} (chỉ khác chữ hoa, chữ thường, dấu gạch, dấu cách hoặc số 0 ở đầu): có phải cùng một trạm ghi hai lần? Cả hai đều được giữ',
  },
  replace_decommissions: {
    en: 'replace mode: {count} of the {active} stations of {operator} in the planner ({percent} %) are not in this file and will be decommissioned on commit',
    vi: 'Chế độ thay toàn bộ danh sách: {count} trong số {active} trạm của {operator} đang có trong hệ thống ({percent} %) không có trong tệp này và sẽ bị chuyển sang ngừng hoạt động khi xác nhận',
  },
  'replace_decommissions.blocked': {
    en: 'replace mode: {count} of the {active} stations of {operator} in the planner ({percent} %) are not in this file; this preview cannot be committed while {rows} rows are in error (a row in error may be a station the list keeps): fix them and upload again, or upload in merge mode',
    vi: 'Chế độ thay toàn bộ danh sách: {count} trong số {active} trạm của {operator} đang có trong hệ thống ({percent} %) không có trong tệp này; không thể xác nhận bản xem trước này khi còn {rows} dòng có lỗi (dòng lỗi có thể là một trạm vẫn còn trong danh sách): hãy sửa rồi tải lên lại, hoặc tải lên ở chế độ gộp',
  },
  other_operator: {
    en: 'this row belongs to operator "{value}", but the file is uploaded for {operator}: upload it for its own operator',
    vi: 'Dòng này thuộc nhà mạng "{value}" nhưng tệp đang được tải lên cho {operator}: hãy tải dòng này lên cho đúng nhà mạng',
  },
  // An operator name the file's operator does not go by, nor any other (QA P7).
  unknown_operator: {
    en: 'unknown operator name "{value}": the file is uploaded for {operator}; write its name, or leave the column empty',
    vi: 'Không nhận ra tên nhà mạng "{value}": tệp đang được tải lên cho {operator}; hãy ghi đúng tên nhà mạng này hoặc để trống cột',
  },
  outside_areas: { en: 'the point ({lat}, {lon}) is outside every area of "{set}": check the coordinates', vi: 'Điểm ({lat}; {lon}) không thuộc địa bàn nào của "{set}": hãy kiểm tra lại tọa độ' },
  bad_geometry: { en: 'the feature has no Point geometry [longitude, latitude]', vi: 'Đối tượng không có hình học dạng Point [kinh độ, vĩ độ]' },
  unknown_column: { en: 'column "{value}" is not one the planner knows: kept aside, not imported', vi: 'Không nhận ra cột "{value}": cột này được để riêng, không nhập vào hệ thống' },
  // upload-files: the readers' notices (see READER_ISSUE_CODES), and the rest of a long list of unknown columns.
  'unknown_column.more': { en: 'and {count} more columns the planner does not know: kept aside, not imported', vi: 'và {count} cột khác không nhận ra: được để riêng, không nhập vào hệ thống' },
  'bad_geometry.multipoint': {
    en: 'the feature is a MultiPoint of {points} points: one station is one Point [longitude, latitude]',
    vi: 'Đối tượng là MultiPoint gồm {points} điểm: mỗi trạm phải là một Point [kinh độ, vĩ độ]',
  },
  'bad_geometry.not_numbers': { en: 'the Point\'s coordinates are not numbers [longitude, latitude]', vi: 'Tọa độ của Point không phải là số [kinh độ, vĩ độ]' },
  ...READER_ISSUE_MESSAGES,
};

/** Whole-file problems (422/413): `details.reason` and `details.params` of the AppError. */
export const FILE_MESSAGES = {
  xls_file: { en: 'Old Excel .xls files are not read: save the sheet as .xlsx or as CSV UTF-8.', vi: 'Không đọc được tệp Excel cũ dạng .xls: hãy lưu trang tính thành .xlsx hoặc CSV UTF-8.' },
  not_xlsx: { en: 'This is not an Excel .xlsx file (old .xls files are not read: save it as .xlsx or CSV UTF-8).', vi: 'Đây không phải tệp Excel .xlsx (không đọc tệp .xls cũ: hãy lưu thành .xlsx hoặc CSV UTF-8).' },
  xlsx_unreadable: { en: 'The Excel file cannot be read: {detail}', vi: 'Không đọc được tệp Excel: {detail}' },
  xlsx_sheet_empty: { en: 'The Excel file lists the sheet "{sheet}" but has no data for it: save it again from Excel.', vi: 'Tệp Excel có trang tính "{sheet}" nhưng không có dữ liệu của trang này: hãy lưu lại tệp từ Excel.' },
  // For upload-xlsx-layout.ts, whose refusals do not carry a reason yet.
  xlsx_incomplete: { en: 'The Excel file cannot be read (not a complete .xlsx): {detail}', vi: 'Không đọc được tệp Excel (tệp .xlsx không đầy đủ): {detail}' },
  xlsx_not_workbook: { en: 'The file is a zip but not an Excel workbook (no xl/workbook.xml): save it as .xlsx from Excel.', vi: 'Tệp là một tệp nén zip nhưng không phải sổ làm việc Excel (không có xl/workbook.xml): hãy lưu thành .xlsx từ Excel.' },
  xlsx_unpacks_too_big: {
    en: 'The Excel file unpacks to {size:bytes}, more than a station list can be ({max:bytes}). Save only the station sheet, or as CSV.',
    vi: 'Tệp Excel khi giải nén lên tới {size:bytes}, quá lớn đối với một danh sách trạm (tối đa {max:bytes}). Hãy chỉ lưu trang tính danh sách trạm, hoặc lưu thành CSV.',
  },
  xlsx_no_visible_sheet: { en: 'The Excel file has no visible sheet; its sheets: {sheets:list}.', vi: 'Tệp Excel không có trang tính nào đang hiện; các trang tính: {sheets:list}.' },
  xlsx_sheet_missing: {
    en: 'The Excel file has no sheet named "{sheet}"; its sheets: {sheets:list}; hidden sheets: {hidden:list}.',
    vi: 'Tệp Excel không có trang tính tên "{sheet}"; các trang tính hiện có: {sheets:list}; các trang tính bị ẩn: {hidden:list}.',
  },
  csv_unreadable: { en: 'The CSV file cannot be read after line {line}: {detail}. Check the quotes on that line.', vi: 'Không đọc được tệp CSV sau dòng {line}: {detail}. Hãy kiểm tra dấu ngoặc kép ở dòng đó.' },
  geojson_not_json: {
    en: 'The GeoJSON file is not valid JSON: line {line}, near "{near}". Check that line (a missing comma or quote, NaN or a trailing comma), or export the file again.',
    vi: 'Tệp GeoJSON không phải JSON hợp lệ: dòng {line}, gần "{near}". Hãy kiểm tra dòng đó (thiếu dấu phẩy hoặc dấu ngoặc kép, một giá trị không phải số, hoặc dấu phẩy thừa), hoặc xuất lại tệp.',
  },
  'geojson_not_json.token': {
    en: 'The GeoJSON file is not valid JSON: an unexpected "{near}" where a value should be (a value missing, or a comma too many). Check the file, or export it again.',
    vi: 'Tệp GeoJSON không phải JSON hợp lệ: gặp "{near}" ở chỗ cần một giá trị (thiếu giá trị, hoặc thừa dấu phẩy). Hãy kiểm tra tệp, hoặc xuất lại tệp.',
  },
  'geojson_not_json.plain': { en: 'The GeoJSON file is not valid JSON: export it again.', vi: 'Tệp GeoJSON không phải JSON hợp lệ: hãy xuất lại tệp.' },
  geojson_truncated: {
    en: 'The GeoJSON file is not valid JSON (it ends too early): it was cut short, by an interrupted download or copy; upload it again, or export it again.',
    vi: 'Tệp GeoJSON không phải JSON hợp lệ (tệp kết thúc quá sớm): tệp bị cắt ngắn do tải xuống hoặc sao chép bị gián đoạn; hãy tải lên lại, hoặc xuất lại tệp.',
  },
  geojson_sequence: {
    en: 'The file holds several GeoJSON objects one after another (the first a {type}): a GeoJSON sequence, one feature a line (GeoJSONSeq). Save it as one FeatureCollection: ogr2ogr -f GeoJSON, or in QGIS the GeoJSON format.',
    vi: 'Tệp chứa nhiều đối tượng GeoJSON nối tiếp nhau (đối tượng đầu tiên là {type}): đây là chuỗi GeoJSON, mỗi dòng một đối tượng. Hãy lưu thành một FeatureCollection: xuất lại bằng ogr2ogr hoặc QGIS với định dạng GeoJSON.',
  },
  geojson_not_collection: {
    en: 'The GeoJSON file must be a FeatureCollection of Point features; this one is a GeoJSON {type}.',
    vi: 'Tệp GeoJSON phải là một FeatureCollection gồm các đối tượng Point; tệp này lại là kiểu {type}.',
  },
  geojson_not_geojson: {
    en: 'The GeoJSON file must be a FeatureCollection of Point features; this one is not a GeoJSON object.',
    vi: 'Tệp GeoJSON phải là một FeatureCollection gồm các đối tượng Point; tệp này không phải là đối tượng GeoJSON.',
  },
  empty_file: { en: 'The file is empty: it needs a header row and at least one station.', vi: 'Tệp trống: cần có một dòng tiêu đề và ít nhất một trạm.' },
  not_utf8_header: {
    en: 'The file is not UTF-8 text (the headers have unreadable characters). In Excel use "Save as: CSV UTF-8".',
    vi: 'Tệp không phải văn bản UTF-8 (dòng tiêu đề có ký tự không đọc được). Trong Excel hãy chọn "Lưu dưới dạng: CSV UTF-8".',
  },
  ambiguous_columns: {
    en: 'Ambiguous columns: {headers:quoted} name the same field more than once ({fields:fields}). Keep one column per field.',
    vi: 'Cột bị trùng: {headers:quoted} cùng chỉ một trường ({fields:fields}). Mỗi trường chỉ giữ một cột.',
  },
  missing_columns: {
    en: 'Required columns missing: {missing:fields}. The header row (row {row}) has: {headers:quoted}. Use the template headers, in English (station_code, technology, latitude, longitude) or Vietnamese (Mã trạm, Công nghệ, Vĩ độ, Kinh độ).',
    vi: 'Thiếu cột bắt buộc: {missing:fields}. Dòng tiêu đề (dòng {row}) có: {headers:quoted}. Hãy dùng tiêu đề của mẫu, tiếng Việt (Mã trạm, Công nghệ, Vĩ độ, Kinh độ) hoặc tiếng Anh (station_code, technology, latitude, longitude).',
  },
  'missing_columns.sheet': {
    en: 'Required columns missing in the sheet "{sheet}": {missing:fields}. Its header row (row {row}) has: {headers:quoted}. The workbook\'s other sheets: {sheets:list}: choose the one with the stations (the sheet field of the upload, --sheet in the CLI), or use the template headers.',
    vi: 'Thiếu cột bắt buộc trong trang tính "{sheet}": {missing:fields}. Dòng tiêu đề (dòng {row}) có: {headers:quoted}. Sổ làm việc còn các trang tính: {sheets:list}: hãy chọn trang có danh sách trạm (ô Trang tính khi tải lên, hoặc tùy chọn trang tính của dòng lệnh), hoặc dùng tiêu đề của mẫu.',
  },
  too_many_rows: {
    en: 'The file has more than {max:count} rows, the most one upload takes (UPLOAD_MAX_ROWS). Split it into several files.',
    vi: 'Tệp có hơn {max:count} dòng, vượt quá số dòng tối đa của một lần tải lên (UPLOAD_MAX_ROWS). Hãy chia thành nhiều tệp nhỏ hơn.',
  },
  too_many_bytes: {
    en: 'The file is larger than {max:bytes}, the most one upload takes (UPLOAD_MAX_BYTES). Split it into several files.',
    vi: 'Tệp lớn hơn {max:bytes}, vượt quá dung lượng tối đa của một lần tải lên (UPLOAD_MAX_BYTES). Hãy chia thành nhiều tệp nhỏ hơn.',
  },
  // upload-files: how whole files are read.
  xlsx_truncated: { en: 'The Excel file is cut short (an interrupted download or copy): upload it again, or save it again from Excel.', vi: 'Tệp Excel bị cắt ngắn (tải xuống hoặc sao chép bị gián đoạn): hãy tải lên lại, hoặc lưu lại tệp từ Excel.' },
  xlsx_text_too_long: {
    en: 'The Excel file holds a text longer than {max:bytes} in one cell or between two cells: no station list has that. Save only the station sheet, or as CSV.',
    vi: 'Tệp Excel có một đoạn văn bản dài hơn {max:bytes} trong một ô hoặc giữa hai ô: danh sách trạm không thể như vậy. Hãy chỉ lưu trang tính danh sách trạm, hoặc lưu thành CSV.',
  },
  xlsx_part_too_big: {
    en: 'The Excel file unpacks to more than {max:bytes} in {part}, more than a station list can be. Save only the station sheet, or as CSV.',
    vi: 'Tệp Excel khi giải nén có phần {part} lớn hơn {max:bytes}, quá lớn đối với một danh sách trạm. Hãy chỉ lưu trang tính danh sách trạm, hoặc lưu thành CSV.',
  },
  ods_file: {
    en: 'This is an OpenDocument spreadsheet (.ods), not an Excel .xlsx file: save it as .xlsx or as CSV UTF-8.',
    vi: 'Đây là bảng tính OpenDocument (.ods), không phải tệp Excel .xlsx: hãy lưu thành .xlsx hoặc CSV UTF-8.',
  },
  shapefile_zip: {
    en: 'This is a zipped shapefile, not an Excel workbook: export the stations as GeoJSON points in EPSG:4326, or as CSV.',
    vi: 'Đây là tệp shapefile nén zip, không phải sổ làm việc Excel: hãy xuất danh sách trạm thành điểm GeoJSON theo EPSG:4326, hoặc thành CSV.',
  },
  geojson_crs: {
    en: 'The GeoJSON coordinates are in {crs}, not WGS84 longitude/latitude: re-export the file with ogr2ogr -t_srs EPSG:4326 (in QGIS: save it with the CRS EPSG:4326).',
    vi: 'Tọa độ trong tệp GeoJSON thuộc hệ {crs}, không phải kinh độ/vĩ độ WGS84: hãy xuất lại tệp bằng ogr2ogr -t_srs EPSG:4326 (trong QGIS: lưu lại với hệ tọa độ EPSG:4326).',
  },
  geojson_projected: {
    en: 'The GeoJSON coordinates are not longitude/latitude: {count:count} of {total:count} points lie beyond ±180/±90 (the first: {x}, {y}). They look projected (VN-2000, UTM): re-export the file with ogr2ogr -t_srs EPSG:4326.',
    vi: 'Tọa độ trong tệp GeoJSON không phải kinh độ/vĩ độ: {count:count} trên {total:count} điểm nằm ngoài ±180/±90 (điểm đầu tiên: {x}; {y}). Có vẻ đây là tọa độ phẳng (VN-2000, UTM): hãy xuất lại tệp bằng ogr2ogr -t_srs EPSG:4326.',
  },
  geojson_no_features: { en: 'The GeoJSON file has no features: there is no station in it.', vi: 'Tệp GeoJSON không có đối tượng nào: trong tệp không có trạm nào.' },
  no_stations: { en: 'The file has no stations: there is no row below the header (row {row}).', vi: 'Tệp không có trạm nào: không có dòng nào bên dưới dòng tiêu đề (dòng {row}).' },
  upload_not_found: { en: 'Upload {id} was not found', vi: 'Không tìm thấy lần tải lên {id}' },
  // Commit, discard and rollback refusals (upload-commit.service.ts); `kind` picks the variant.
  stale_preview: {
    en: 'The stations of {operator} changed after this preview was made (another upload, a rollback or an edit). Upload the file again to see a fresh preview, then commit that one.',
    vi: 'Dữ liệu trạm của {operator} đã thay đổi sau khi bản xem trước này được tạo (một lần tải lên khác, một lần hoàn tác hoặc một chỉnh sửa). Hãy tải tệp lên lại để có bản xem trước mới, rồi xác nhận bản đó.',
  },
  'stale_preview.superseded': {
    en: 'The stations of {operator} changed after this preview was made (upload {by}): it was set aside. Upload the file again to see a fresh preview, then commit that one.',
    vi: 'Dữ liệu trạm của {operator} đã thay đổi sau khi bản xem trước này được tạo (lần tải lên {by}) nên bản xem trước đã bị gác lại. Hãy tải tệp lên lại để có bản xem trước mới, rồi xác nhận bản đó.',
  },
  replace_with_errors: {
    en: 'A replace applies only a file without errors, as it decommissions every station the file leaves out: rows in error: {rows:count}. Fix them and upload the file again, or upload it in merge mode (add and update only).',
    vi: 'Chế độ thay toàn bộ danh sách chỉ áp dụng cho tệp không có lỗi, vì mọi trạm không có trong tệp sẽ bị chuyển sang ngừng hoạt động: số dòng có lỗi: {rows:count}. Hãy sửa rồi tải tệp lên lại, hoặc tải lên ở chế độ gộp (chỉ thêm và cập nhật).',
  },
  'not_a_preview.committed': { en: 'Upload {id} is already committed; upload the file again for a new preview.', vi: 'Lần tải lên {id} đã được xác nhận rồi; hãy tải tệp lên lại để có bản xem trước mới.' },
  'not_a_preview.rolled_back': { en: 'Upload {id} is already rolled back; upload the file again for a new preview.', vi: 'Lần tải lên {id} đã được hoàn tác rồi; hãy tải tệp lên lại để có bản xem trước mới.' },
  'not_a_preview.discarded': { en: 'Upload {id} is discarded; upload the file again for a new preview.', vi: 'Lần tải lên {id} đã bị hủy; hãy tải tệp lên lại để có bản xem trước mới.' },
  'not_a_preview.discard_committed': {
    en: 'Upload {id} is already committed; only an open preview can be discarded (a rollback undoes a commit).',
    vi: 'Lần tải lên {id} đã được xác nhận rồi; chỉ hủy được bản xem trước chưa xác nhận (muốn bỏ một lần đã xác nhận thì hãy hoàn tác).',
  },
  'not_committed.previewed': { en: 'Upload {id} is only a preview (never committed): there is nothing to roll back.', vi: 'Lần tải lên {id} mới chỉ là bản xem trước (chưa từng được xác nhận): không có gì để hoàn tác.' },
  'not_committed.discarded': { en: 'Upload {id} is a discarded preview (never committed): there is nothing to roll back.', vi: 'Lần tải lên {id} là bản xem trước đã bị hủy (chưa từng được xác nhận): không có gì để hoàn tác.' },
  'not_committed.rolled_back': { en: 'Upload {id} is already rolled back: there is nothing to roll back.', vi: 'Lần tải lên {id} đã được hoàn tác rồi: không còn gì để hoàn tác.' },
  'rollback_conflict.later': {
    en: 'Upload {id} cannot be rolled back: {total:count} of its stations changed again since ({later:count} by upload {uploads:list}: roll that one back first).',
    vi: 'Không thể hoàn tác lần tải lên {id}: {total:count} trạm của lần này đã bị thay đổi tiếp sau đó ({later:count} trạm do lần tải lên {uploads:list}: hãy hoàn tác lần đó trước).',
  },
  'rollback_conflict.later_many': {
    en: 'Upload {id} cannot be rolled back: {total:count} of its stations changed again since ({later:count} by uploads {uploads:list}: roll those back first, the newest first).',
    vi: 'Không thể hoàn tác lần tải lên {id}: {total:count} trạm của lần này đã bị thay đổi tiếp sau đó ({later:count} trạm do các lần tải lên {uploads:list}: hãy hoàn tác các lần đó trước, lần mới nhất trước).',
  },
  'rollback_conflict.outside': {
    en: 'Upload {id} cannot be rolled back: {total:count} of its stations changed again since ({outside:count} outside uploads).',
    vi: 'Không thể hoàn tác lần tải lên {id}: {total:count} trạm của lần này đã bị thay đổi tiếp sau đó ({outside:count} trạm bị thay đổi ngoài các lần tải lên).',
  },
  rollback_conflict: {
    en: 'Upload {id} cannot be rolled back: {total:count} of its stations changed again since ({later:count} by uploads {uploads:list}: roll those back first; {outside:count} outside uploads).',
    vi: 'Không thể hoàn tác lần tải lên {id}: {total:count} trạm của lần này đã bị thay đổi tiếp sau đó ({later:count} trạm do các lần tải lên {uploads:list}: hãy hoàn tác các lần đó trước; {outside:count} trạm bị thay đổi ngoài các lần tải lên).',
  },
} satisfies Record<string, Texts>;
export type FileReason = keyof typeof FILE_MESSAGES;
