/** The words of the KML descriptions, in the language asked (Vietnamese by default). */
export type ExportLang = 'vi' | 'en';

export const EXPORT_WORDS = {
  vi: {
    code: 'Mã địa bàn', ratio: 'Tỷ lệ 5G/4G', required: 'Cần có', needed: 'Còn thiếu', status: 'Trạng thái', target: 'Mục tiêu', asOf: 'Số liệu đến',
    met: 'Đạt', behind: 'Chưa đạt', no_baseline: 'Chưa có 4G',
    operator: 'Nhà mạng', stationCode: 'Mã trạm', technology: 'Công nghệ', stationName: 'Tên trạm', stationStatus: 'Trạng thái',
    planned: 'Kế hoạch', on_air: 'Đang phát sóng', decommissioned: 'Đã tháo dỡ',
    commissionedOn: 'Ngày phát sóng', decommissionedOn: 'Ngày ngừng', area: 'Địa bàn', colocated: 'Cùng vị trí 4G/5G', yes: 'Có', no: 'Không',
    areasTitle: 'Tiến độ 5G', stationsTitle: 'Trạm',
  },
  en: {
    code: 'Area code', ratio: '5G/4G ratio', required: 'Required', needed: 'Needed', status: 'Status', target: 'Target', asOf: 'Figures as of',
    met: 'Met', behind: 'Behind', no_baseline: 'No 4G',
    operator: 'Operator', stationCode: 'Station code', technology: 'Technology', stationName: 'Name', stationStatus: 'Status',
    planned: 'Planned', on_air: 'On air', decommissioned: 'Decommissioned',
    commissionedOn: 'Commissioned on', decommissionedOn: 'Decommissioned on', area: 'Area', colocated: '4G/5G co-located', yes: 'Yes', no: 'No',
    areasTitle: '5G progress', stationsTitle: 'Stations',
  },
} as const;
