export type Lang = 'vi' | 'en';

const STRINGS = {
  title: { vi: 'Báo cáo triển khai 5G', en: '5G rollout report' },
  setWide: { vi: 'Toàn bộ địa bàn', en: 'Whole boundary set' },
  assumptions: { vi: 'Giả định', en: 'Assumptions' },
  set: { vi: 'Bộ ranh giới', en: 'Boundary set' },
  area: { vi: 'Địa bàn', en: 'Area' },
  asOf: { vi: 'Tính đến ngày', en: 'As of' },
  target: { vi: 'Mục tiêu (số trạm 5G / 4G)', en: 'Target (5G / 4G stations)' },
  dueOn: { vi: 'Hạn hoàn thành', en: 'Due date' },
  baseline: { vi: 'Mốc đếm trạm 4G', en: '4G counted on' },
  operator: { vi: 'Nhà mạng', en: 'Operator' },
  allOperators: { vi: 'Tất cả', en: 'All' },
  radii: { vi: 'Bán kính phủ sóng mô hình (km) đô thị / ven đô / nông thôn', en: 'Modelled coverage radius (km) urban / suburban / rural' },
  demo: { vi: 'Dữ liệu minh họa: ranh giới gần đúng, trạm giả lập.', en: 'Demo data: approximate boundaries, synthetic stations.' },
  figures: { vi: 'Số liệu chính', en: 'Key figures' },
  n4g: { vi: 'Trạm 4G', en: '4G stations' },
  n5g: { vi: 'Trạm 5G', en: '5G stations' },
  ratio: { vi: 'Tỷ lệ 5G/4G', en: '5G/4G ratio' },
  required: { vi: 'Cần có', en: 'Required' },
  needed: { vi: 'Còn thiếu', en: 'Still needed' },
  coverage5g: { vi: 'Phủ sóng 5G (mô hình)', en: '5G coverage (modelled)' },
  pace: { vi: 'Tốc độ 90 ngày qua', en: 'Pace, last 90 days' },
  perDay: { vi: 'trạm 5G/ngày', en: '5G per day' },
  projected: { vi: 'Dự kiến đạt mục tiêu', en: 'Target met on' },
  never: { vi: 'không đạt với tốc độ hiện tại', en: 'not at the current pace' },
  status: { vi: 'Đánh giá', en: 'Status' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  behind: { vi: 'Chậm tiến độ', en: 'Behind' },
  no_baseline: { vi: 'Chưa có 4G', en: 'No 4G' },
  map: { vi: 'Bản đồ: tỷ lệ 5G/4G, vùng phủ 5G mô hình và trạm đề xuất nâng cấp (đánh số)', en: 'Map: 5G/4G ratio, modelled 5G coverage and numbered upgrade picks' },
  table: { vi: 'Theo địa bàn', en: 'By area' },
  timeline: { vi: 'Tiến độ so với lộ trình', en: 'Progress against the milestones' },
  milestone: { vi: 'Mốc lộ trình', en: 'Milestone' },
  worklist: { vi: 'Danh sách trạm đề xuất nâng cấp lên 5G', en: 'Work list: 4G sites to upgrade to 5G' },
  newSites: { vi: 'Trạm cần xây mới (không đủ trạm 4G để nâng cấp)', en: 'New sites to build (too few 4G sites to upgrade)' },
  rank: { vi: 'TT', en: '#' },
  code: { vi: 'Mã trạm', en: 'Code' },
  name: { vi: 'Tên trạm', en: 'Name' },
  coords: { vi: 'Tọa độ', en: 'Coordinates' },
  why: { vi: 'Lý do', en: 'Why' },
  nothing: { vi: 'Không cần nâng cấp thêm trạm nào.', en: 'No upgrade is needed.' },
  print: { vi: 'In / Lưu PDF', en: 'Print / Save as PDF' },
  back: { vi: '← Bản đồ', en: '← Map' },
  other: { vi: 'English', en: 'Tiếng Việt' },
  generated: { vi: 'Lập lúc', en: 'Generated' },
} as const;

export type Key = keyof typeof STRINGS;
export const t = (lang: Lang, key: Key): string => STRINGS[key][lang];

export function formatNumber(lang: Lang, x: number, digits = 0): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

export function formatPercent(lang: Lang, ratio: number | null, digits = 1): string {
  return ratio === null ? '—' : `${formatNumber(lang, ratio * 100, digits)} %`;
}

export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : iso;
}
