/**
 * Column headers as operators write them, English or Vietnamese, any case, with or without
 * diacritics, NFC or NFD: all fold to one key ("Mã trạm" → "ma_tram") and map to a field.
 */

export const FIELDS = [
  'station_code', 'technology', 'latitude', 'longitude', 'status',
  'commissioned_on', 'decommissioned_on', 'name', 'operator',
] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: readonly Field[] = ['station_code', 'technology', 'latitude', 'longitude'];

/** The header each template uses, per language. */
export const TEMPLATE_HEADERS: Record<'en' | 'vi', Record<Field, string>> = {
  en: {
    station_code: 'station_code', technology: 'technology', latitude: 'latitude', longitude: 'longitude',
    status: 'status', commissioned_on: 'commissioned_on', decommissioned_on: 'decommissioned_on', name: 'name', operator: 'operator',
  },
  vi: {
    station_code: 'Mã trạm', technology: 'Công nghệ', latitude: 'Vĩ độ', longitude: 'Kinh độ',
    status: 'Trạng thái', commissioned_on: 'Ngày phát sóng', decommissioned_on: 'Ngày ngừng', name: 'Tên trạm', operator: 'Nhà mạng',
  },
};

const ALIASES: Record<Field, readonly string[]> = {
  station_code: ['station_code', 'code', 'station', 'site_code', 'site_id', 'station_id', 'ma_tram', 'ma', 'ma_site', 'ma_tram_bts'],
  technology: ['technology', 'tech', 'rat', 'cong_nghe', 'loai_tram', 'loai'],
  latitude: ['latitude', 'lat', 'y', 'vi_do'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x', 'kinh_do'],
  status: ['status', 'state', 'trang_thai', 'tinh_trang'],
  commissioned_on: ['commissioned_on', 'commissioned', 'on_air_date', 'on_air_on', 'ngay_phat_song', 'ngay_hoat_dong', 'ngay_dua_vao_hoat_dong'],
  decommissioned_on: ['decommissioned_on', 'decommissioned', 'off_air_date', 'ngay_ngung', 'ngay_ngung_phat_song', 'ngay_ngung_hoat_dong'],
  name: ['name', 'station_name', 'site_name', 'ten_tram', 'ten'],
  operator: ['operator', 'carrier', 'nha_mang', 'nha_khai_thac', 'doanh_nghiep'],
};

const BY_KEY = new Map<string, Field>(
  Object.entries(ALIASES).flatMap(([field, keys]) => keys.map((k) => [k, field as Field] as const)),
);

// Status, technology and operator cells repeat the same few words on every row: remembering
// their folds spares a normalize() and four regexps per cell. Bounded, as cells can be anything.
const folded = new Map<string, string>();
const FOLD_CACHE = 2048;

/** Folds text for matching: no diacritics (đ → d), lower case, runs of anything else → `_`. */
export function foldKey(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    if (folded.size >= FOLD_CACHE) folded.clear();
    key = foldUncached(text);
    folded.set(text, key);
  }
  return key;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// A header with a note in brackets at its end: "Vĩ độ (Lat)", "Latitude (WGS84)", "Ngày phát sóng [dd/mm/yyyy]".
const NOTED = /^(.*?)\s*[([]([^()[\]]*)[)\]]$/;

/** The field a header names: by its words, else by them without a bracketed note, else by the note ("Tọa độ (Lat)"). */
export function fieldOfHeader(header: string): Field | undefined {
  const field = BY_KEY.get(foldKey(header));
  if (field) return field;
  const m = NOTED.exec(header.trim());
  return m ? BY_KEY.get(foldKey(m[1]!)) ?? BY_KEY.get(foldKey(m[2]!)) : undefined;
}

export interface HeaderMap {
  /** Column index → field, for recognised columns. */
  byIndex: (Field | undefined)[];
  /** Field → the header as written. */
  recognised: Partial<Record<Field, string>>;
  unknown: string[];
  /** Two headers meaning the same field: the file is ambiguous. */
  duplicates: { field: Field; headers: string[] }[];
  missing: Field[];
}

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const byIndex: (Field | undefined)[] = [];
  const recognised: Partial<Record<Field, string>> = {};
  const seen = new Map<Field, string[]>();
  const unknown: string[] = [];
  headers.forEach((raw, i) => {
    const header = raw.normalize('NFC').trim();
    const field = fieldOfHeader(header);
    byIndex[i] = field;
    if (field) {
      seen.set(field, [...(seen.get(field) ?? []), header]);
      recognised[field] ??= header;
    } else if (header !== '') {
      unknown.push(header);
    }
  });
  const duplicates = [...seen].filter(([, hs]) => hs.length > 1).map(([field, hs]) => ({ field, headers: hs }));
  const missing = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  return { byIndex, recognised, unknown, duplicates, missing };
}

/** The codes of the templates' example rows (English, Vietnamese): a row with one is the example left in. */
export const TEMPLATE_EXAMPLE_CODES = ['EXAMPLE-0001', 'VIDU-0001'] as const;
