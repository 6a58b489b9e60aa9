import { z } from 'zod';

const radiiKm = (byDefault: string) => z.string().default(byDefault).transform((s, ctx) => {
  const v = s.split(',').map((x) => Number(x.trim()));
  if (v.length !== 3 || v.some((x) => !(x > 0 && x <= 100))) {
    ctx.addIssue({ code: 'custom', message: 'must be three radii in km, urban,suburban,rural, e.g. 0.45,1.2,2.2' });
    return z.NEVER;
  }
  return { urban: v[0]!, suburban: v[1]!, rural: v[2]! };
});

/** Every setting, its default and its meaning, in one block (the README's table mirrors it). */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().min(1).default('./data/pglite'),
  DEFAULT_TARGET: z.string().default('50%'),
  COLOCATION_METERS: z.coerce.number().positive().max(10_000).default(50),
  // Modelled coverage radii, km, urban,suburban,rural (engineering references' defaults).
  PLANNER_RADII_4G_KM: radiiKm('0.75,2,6'),
  PLANNER_RADII_5G_KM: radiiKm('0.45,1.2,2.2'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  UPLOAD_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
  UPLOAD_OUTSIDE_AREA: z.enum(['warn', 'error']).default('warn'),
  UPLOAD_OTHER_OPERATOR_CODE: z.enum(['warn', 'error']).default('error'),
  // Accounts (server/auth): anonymous visitors see area-level figures unless PUBLIC_READ=false.
  PUBLIC_READ: z.enum(['true', 'false']).default('true'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(12),
  // Express "trust proxy": false, true, a hop count, or addresses/subnets (comma-separated).
  TRUST_PROXY: z.string().default('false').transform((s) => (s === 'true' ? true : s === 'false' ? false : /^\d+$/.test(s) ? Number(s) : s)),
});

export type EnvironmentRadii = { readonly urban: number; readonly suburban: number; readonly rural: number };

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset: the embedded PGlite + PostGIS database in `pgliteDataDir`. */
  readonly databaseUrl: string | undefined;
  /** `memory://` keeps the embedded database in memory (tests). */
  readonly pgliteDataDir: string;
  readonly defaultTarget: string;
  readonly colocationMeters: number;
  /** Modelled coverage disc radii per environment class, km. */
  readonly plannerRadiiKm: { readonly '4G': EnvironmentRadii; readonly '5G': EnvironmentRadii };
  readonly seedDemo: boolean;
  readonly tileUrl: string;
  readonly tileAttribution: string;
  readonly logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Largest upload accepted, in bytes (default 50 MB). */
  readonly uploadMaxBytes: number;
  /** Most data rows one upload may hold (default 500,000). */
  readonly uploadMaxRows: number;
  /** A station outside every area of the default boundary set: a warning, or an error that skips the row. */
  readonly uploadOutsideArea: 'warn' | 'error';
  /** A row whose station code is another operator's station: an error (the row is skipped) or a warning. */
  readonly uploadOtherOperatorCode: 'warn' | 'error';
  /** Anonymous visitors may read the public map and area-level figures. */
  readonly publicRead: boolean;
  readonly sessionTtlHours: number;
  /** Passed to Express's `trust proxy`: decides req.ip (login rate limit) and req.secure (Secure cookie). */
  readonly trustProxy: boolean | number | string;
}

/** Reads the environment once; a bad value stops the start naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    defaultTarget: e.DEFAULT_TARGET,
    colocationMeters: e.COLOCATION_METERS,
    plannerRadiiKm: Object.freeze({ '4G': Object.freeze(e.PLANNER_RADII_4G_KM), '5G': Object.freeze(e.PLANNER_RADII_5G_KM) }),
    seedDemo: e.SEED_DEMO === 'true',
    tileUrl: e.TILE_URL,
    tileAttribution: e.TILE_ATTRIBUTION,
    logLevel: e.LOG_LEVEL,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadMaxRows: e.UPLOAD_MAX_ROWS,
    uploadOutsideArea: e.UPLOAD_OUTSIDE_AREA,
    uploadOtherOperatorCode: e.UPLOAD_OTHER_OPERATOR_CODE,
    publicRead: e.PUBLIC_READ === 'true',
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
  });
}
