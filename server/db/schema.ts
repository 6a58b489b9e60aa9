import type { ColumnType, Generated } from 'kysely';

/** Dates travel as ISO `YYYY-MM-DD` strings: both drivers are set to leave them unparsed. */
type IsoDate = string;
/** Geometry columns are written and read through PostGIS functions only (see postgis.ts). */
type Geometry = ColumnType<never, never, never>;

export interface BoundarySetsTable {
  id: Generated<number>;
  name: string;
  level: ColumnType<string, string | undefined, string>;
  source: string | null;
  licence: string | null;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, never, never>;
  /** The level of its parents (migration 0020); null: the set has no parent level. */
  parent_level: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The parents of a set's areas (migration 0020): an area's parent_code is one of their codes. */
export interface ParentAreasTable {
  id: Generated<number>;
  set_id: number;
  code: string;
  name: string;
  geom: Geometry;
  area_km2: number;
  properties: ColumnType<Record<string, unknown>, string, string>;
}

export interface AreasTable {
  id: Generated<number>;
  set_id: number;
  code: string;
  name: string;
  parent_code: string | null;
  geom: Geometry;
  area_km2: number;
  population: number | null;
  properties: ColumnType<Record<string, unknown>, string, string>;
  /** urban | suburban | rural; null: derived from population density by the planner. */
  environment: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OperatorsTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export type Technology = '4G' | '5G';
export type StationStatus = 'planned' | 'on_air' | 'decommissioned';

export interface StationsTable {
  id: Generated<number>;
  operator_id: number;
  code: string;
  technology: Technology;
  name: string | null;
  geom: Geometry;
  status: StationStatus;
  commissioned_on: IsoDate | null;
  decommissioned_on: IsoDate | null;
  updated_at: ColumnType<Date, never, never>;
}

export interface StationAreasTable {
  set_id: number;
  station_id: number;
  area_id: number | null;
}

/** Co-located stations (migration 0021): a station listed here has a partner of the other technology. */
export interface StationColocatedTable {
  station_id: number;
}

export interface ColocationSettingTable {
  id: number;
  meters: number;
}

export interface TargetsTable {
  id: Generated<number>;
  name: string;
  share_bp: number;
  baseline_on: IsoDate | null;
  due_on: IsoDate | null;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, never, never>;
}

export interface TargetMilestonesTable {
  target_id: number;
  due_on: IsoDate;
  share_bp: number;
}

export interface ScenariosTable {
  id: Generated<number>;
  name: string;
  parameters: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, never, never>;
}

export interface DataVersionTable {
  id: number;
  version: number;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface DB {
  boundary_sets: BoundarySetsTable;
  areas: AreasTable;
  parent_areas: ParentAreasTable;
  operators: OperatorsTable;
  stations: StationsTable;
  station_areas: StationAreasTable;
  station_colocated: StationColocatedTable;
  colocation_setting: ColocationSettingTable;
  targets: TargetsTable;
  target_milestones: TargetMilestonesTable;
  scenarios: ScenariosTable;
  data_version: DataVersionTable;
  schema_migrations: SchemaMigrationsTable;
}
