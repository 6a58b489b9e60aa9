/**
 * Facts about An Giang that the demo data is built from, each with its source.
 *
 * The eleven district-level units are those before the July 2025 reform, which merged
 * An Giang with Kiên Giang and abolished the district level. Populations and areas were
 * typed in by hand from /work/shared/data/an-giang/district-stats.csv (that file is not
 * shipped; tests/seeds compare these numbers with it when it is present).
 */

export type UnitType = 'Thành phố' | 'Thị xã' | 'Huyện';

/** Longitude, latitude in WGS 84 degrees (GeoJSON order). */
export type LonLat = readonly [number, number];

export interface DistrictFact {
  /** GSO district code (3 digits). */
  readonly gsoCode: string;
  /** Name in NFC with Vietnamese diacritics. */
  readonly name: string;
  readonly unitType: UnitType;
  /** The town or ward that seats the district government. */
  readonly seatName: string;
  /** Approximate seat location; a demo anchor, not a surveyed point. */
  readonly seat: LonLat;
  /** Published area in km², or null when no published figure was found. */
  readonly publishedAreaKm2: number | null;
  /** Area in km² of the dvhcvn GIS polygon (gis.chinhphu.vn), known for every unit. */
  readonly polygonAreaKm2: number;
  /** Population at the 1 April 2009 census, on 2018 boundaries. */
  readonly population2009: number;
}

/** Source of every population2009 figure below. */
export const POPULATION_2009_SOURCE =
  'citypopulation.de/en/vietnam/admin/ (2009 census, 2018 boundaries), via district-stats.csv';

/** Source of every polygonAreaKm2 figure below. */
export const POLYGON_AREA_SOURCE =
  'daohoangson/dvhcvn data/gis/89.json (gis.chinhphu.vn), area computed in district-stats.csv';

/** Source of every seat coordinate: none is surveyed, hence the 3 km tolerance in tests. */
export const SEAT_SOURCE =
  'approximate town centres from general geographic knowledge; tests check each lies in or within 3 km of its dvhcvn district';

/**
 * The 11 districts, ordered by GSO code. Codes, names and unit types: GSO list of
 * 01/03/2025 (daohoangson/dvhcvn data/dvhcvn.json). Tịnh Biên was a Huyện until it became
 * a Thị xã in 2021; the type kept here is the one in force before July 2025.
 */
export const AN_GIANG_DISTRICTS: readonly DistrictFact[] = [
  // area: no published figure found
  { gsoCode: '883', name: 'Long Xuyên', unitType: 'Thành phố', seatName: 'Long Xuyên',
    seat: [105.435, 10.387], publishedAreaKm2: null, polygonAreaKm2: 114.71, population2009: 278658 },
  // area: no published figure found
  { gsoCode: '884', name: 'Châu Đốc', unitType: 'Thành phố', seatName: 'Châu Đốc',
    seat: [105.117, 10.701], publishedAreaKm2: null, polygonAreaKm2: 108.9, population2009: 111620 },
  // area: vi.wikipedia 'An Phú' (the district site anphu.angiang.gov.vn says 226.298)
  { gsoCode: '886', name: 'An Phú', unitType: 'Huyện', seatName: 'An Phú',
    seat: [105.089, 10.812], publishedAreaKm2: 226.17, polygonAreaKm2: 231.53, population2009: 177710 },
  // area: plo.vn, 17,568 ha when the town was created in 2009
  { gsoCode: '887', name: 'Tân Châu', unitType: 'Thị xã', seatName: 'Tân Châu',
    seat: [105.235, 10.801], publishedAreaKm2: 175.68, polygonAreaKm2: 175.62, population2009: 165584 },
  // area: no published figure found
  { gsoCode: '888', name: 'Phú Tân', unitType: 'Huyện', seatName: 'Phú Mỹ',
    seat: [105.345, 10.594], publishedAreaKm2: null, polygonAreaKm2: 313.41, population2009: 214671 },
  // area: en.wikipedia 'Châu Phú district' (Statoids)
  { gsoCode: '889', name: 'Châu Phú', unitType: 'Huyện', seatName: 'Cái Dầu',
    seat: [105.24, 10.578], publishedAreaKm2: 426, polygonAreaKm2: 452.83, population2009: 245102 },
  // area: vigotrip.com (secondary source)
  { gsoCode: '890', name: 'Tịnh Biên', unitType: 'Thị xã', seatName: 'Nhà Bàng',
    seat: [105.003, 10.63], publishedAreaKm2: 354.59, polygonAreaKm2: 357.37, population2009: 120781 },
  // area: vi.wikipedia 'Tri Tôn'
  { gsoCode: '891', name: 'Tri Tôn', unitType: 'Huyện', seatName: 'Tri Tôn',
    seat: [104.999, 10.417], publishedAreaKm2: 600.23, polygonAreaKm2: 603.66, population2009: 133109 },
  // area: en.wikipedia 'Chau Thanh District, An Giang' (Statoids)
  { gsoCode: '892', name: 'Châu Thành', unitType: 'Huyện', seatName: 'An Châu',
    seat: [105.39, 10.44], publishedAreaKm2: 347.2, polygonAreaKm2: 356.56, population2009: 169723 },
  // area: en.wikipedia 'Chợ Mới District, An Giang' (Statoids, 2003; likely outdated)
  { gsoCode: '893', name: 'Chợ Mới', unitType: 'Huyện', seatName: 'Chợ Mới',
    seat: [105.405, 10.548], publishedAreaKm2: 355, polygonAreaKm2: 370.65, population2009: 345200 },
  // area: no published figure found
  { gsoCode: '894', name: 'Thoại Sơn', unitType: 'Huyện', seatName: 'Núi Sập',
    seat: [105.265, 10.258], publishedAreaKm2: null, polygonAreaKm2: 471.36, population2009: 180551 },
];

/**
 * A coarse outline of the province (lon/lat degrees, closed ring, 24 vertices), drawn by
 * hand: it follows the Cambodian border from the northern tip down the west side, then the
 * Kiên Giang line to the south, and the Hậu/Tiền river side back north. It is off by up to
 * ~2 km from the real border, which is fine for demo cells and wrong for anything else.
 */
export const AN_GIANG_OUTLINE: readonly LonLat[] = [
  [105.12, 10.96], // northern tip on the Cambodian border
  [105.03, 10.89],
  [105.095, 10.72], // Châu Đốc border gate area
  [104.935, 10.615],
  [104.87, 10.522],
  [104.78, 10.5], // western corner (Tri Tôn)
  [104.865, 10.355],
  [105.02, 10.315], // Kiên Giang line starts
  [105.205, 10.185], // southern corner (Thoại Sơn)
  [105.34, 10.235],
  [105.43, 10.3],
  [105.49, 10.34], // Hậu river, south of Long Xuyên
  [105.53, 10.4],
  [105.575, 10.445], // Chợ Mới, eastern corner on the Tiền river
  [105.545, 10.525],
  [105.48, 10.535],
  [105.415, 10.558],
  [105.37, 10.575],
  [105.34, 10.66],
  [105.35, 10.715],
  [105.3, 10.76],
  [105.26, 10.79],
  [105.225, 10.82], // Tân Châu on the Tiền river
  [105.19, 10.89],
  [105.12, 10.96],
];

/** Province total population at the 2009 census (same source as the districts). */
export const AN_GIANG_POPULATION_2009 = 2142709;
