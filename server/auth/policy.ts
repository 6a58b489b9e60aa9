import type { Role } from './auth.tables.js';

/**
 * The one table of who may call what. A request whose (method, path) matches no row is refused
 * (deny by default), and a test checks that every route of the OpenAPI document has a row.
 *
 * `allow`: the roles, plus 'anonymous' for callers who are not signed in, allowed only while
 * PUBLIC_READ=true. 'everyone': also anonymous when PUBLIC_READ=false (health, signing in).
 * `stations: 'unscoped'`: the answer holds station-level data the handler does not limit to an
 * inspector's jurisdiction, so an inspector limited to areas is refused it.
 */
export type Access = Role | 'anonymous';
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface PolicyRule {
  method: Method;
  path: string;
  allow: readonly Access[] | 'everyone';
  stations?: 'unscoped';
}

const ROLES: readonly Role[] = ['admin', 'planner', 'operator', 'inspector'];
/** Area-level figures and the public map. */
const PUBLIC: readonly Access[] = [...ROLES, 'anonymous'];
/** Station-level data: operators see their own operator's stations only (stations.service.ts). */
const STATION_READERS: readonly Access[] = ['admin', 'planner', 'inspector', 'operator'];
const READ_ALL: readonly Access[] = ['admin', 'planner', 'inspector'];
const PLANNERS: readonly Access[] = ['admin', 'planner'];
/** Operators act on their own operator's uploads only (uploads.service.ts checks the upload's operator). */
const UPLOADERS: readonly Access[] = ['admin', 'operator'];
const UPLOAD_READERS: readonly Access[] = ['admin', 'planner', 'inspector', 'operator'];

export const POLICY: readonly PolicyRule[] = [
  { method: 'GET', path: '/api/health', allow: 'everyone' },
  { method: 'GET', path: '/api/openapi.json', allow: PUBLIC },
  { method: 'GET', path: '/api/config', allow: PUBLIC },
  { method: 'GET', path: '/api/boundary-sets', allow: PUBLIC },
  { method: 'GET', path: '/api/areas', allow: PUBLIC },
  { method: 'GET', path: '/api/areas/{code}', allow: PUBLIC },
  { method: 'PATCH', path: '/api/areas/{code}/environment', allow: ['admin'] },
  { method: 'GET', path: '/api/stats', allow: PUBLIC },
  { method: 'GET', path: '/api/stations/facets', allow: PUBLIC },
  // Grid cells shrink to single stations at high zoom: station-level.
  { method: 'GET', path: '/api/stations/grid', allow: STATION_READERS },
  { method: 'GET', path: '/api/stations', allow: STATION_READERS },

  { method: 'GET', path: '/api/planner/recommendations', allow: READ_ALL, stations: 'unscoped' },
  { method: 'GET', path: '/api/planner/coverage', allow: READ_ALL, stations: 'unscoped' },
  { method: 'GET', path: '/api/planner/timeline', allow: PUBLIC },
  { method: 'POST', path: '/api/planner/what-if', allow: PLANNERS },
  { method: 'GET', path: '/api/planner/scenarios', allow: READ_ALL },
  { method: 'POST', path: '/api/planner/scenarios', allow: PLANNERS },
  { method: 'GET', path: '/api/planner/scenarios/{id}', allow: READ_ALL },

  { method: 'GET', path: '/api/uploads/templates/{lang}.{ext}', allow: PUBLIC },
  { method: 'GET', path: '/api/uploads/limits', allow: PUBLIC },
  { method: 'POST', path: '/api/uploads', allow: UPLOADERS },
  { method: 'GET', path: '/api/uploads', allow: UPLOAD_READERS },
  { method: 'GET', path: '/api/uploads/{id}', allow: UPLOAD_READERS },
  { method: 'GET', path: '/api/uploads/{id}/errors', allow: UPLOAD_READERS, stations: 'unscoped' },
  { method: 'GET', path: '/api/uploads/{id}/changes', allow: UPLOAD_READERS, stations: 'unscoped' },
  { method: 'POST', path: '/api/uploads/{id}/commit', allow: UPLOADERS },
  { method: 'POST', path: '/api/uploads/{id}/discard', allow: UPLOADERS },
  { method: 'POST', path: '/api/uploads/{id}/rollback', allow: UPLOADERS },

  { method: 'POST', path: '/api/auth/login', allow: 'everyone' },
  { method: 'POST', path: '/api/auth/logout', allow: 'everyone' },
  { method: 'GET', path: '/api/auth/me', allow: 'everyone' },
  { method: 'POST', path: '/api/auth/password', allow: ROLES },
  { method: 'GET', path: '/api/auth/tokens', allow: ROLES },
  { method: 'POST', path: '/api/auth/tokens', allow: ROLES },
  { method: 'DELETE', path: '/api/auth/tokens/{id}', allow: ROLES },
  { method: 'GET', path: '/api/admin/users', allow: ['admin'] },
  { method: 'POST', path: '/api/admin/users', allow: ['admin'] },
  { method: 'PATCH', path: '/api/admin/users/{id}', allow: ['admin'] },
  { method: 'GET', path: '/api/audit', allow: ['admin', 'inspector'] },

  // OGC API – Features (server/ogc): area collections as /api/areas, station features as /api/stations.
  // The stations' rows come before the {collectionId} rows: the first matching row decides.
  { method: 'GET', path: '/ogc', allow: PUBLIC },
  { method: 'GET', path: '/ogc/api', allow: PUBLIC },
  { method: 'GET', path: '/ogc/conformance', allow: PUBLIC },
  { method: 'GET', path: '/ogc/collections', allow: PUBLIC },
  { method: 'GET', path: '/ogc/collections/stations/items', allow: STATION_READERS },
  { method: 'GET', path: '/ogc/collections/stations/items/{featureId}', allow: STATION_READERS },
  { method: 'GET', path: '/ogc/collections/{collectionId}', allow: PUBLIC },
  { method: 'GET', path: '/ogc/collections/{collectionId}/items', allow: PUBLIC },
  { method: 'GET', path: '/ogc/collections/{collectionId}/items/{featureId}', allow: PUBLIC },
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/api/areas/{code}` → a regex; a parameter is one non-empty path segment (or part of one). */
function compile(path: string): RegExp {
  const source = path.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '[^/]+?' : escapeRegex(part))).join('');
  // Express matches paths case-insensitively and with an optional trailing slash: so does the policy.
  return new RegExp(`^${source}/?$`, 'i');
}

const COMPILED = POLICY.map((rule) => ({ rule, re: compile(rule.path) }));

/** The rule for a request; HEAD is a GET. Undefined: no rule, so the request is refused. */
export function findRule(method: string, path: string): PolicyRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return COMPILED.find((c) => c.rule.method === m && c.re.test(path))?.rule;
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/** What the table says for one caller: a role, or anonymous (null). */
export function decide(rule: PolicyRule, role: Role | null, publicRead: boolean): Decision {
  if (rule.allow === 'everyone') return 'allow';
  if (role === null) return publicRead && rule.allow.includes('anonymous') ? 'allow' : 'unauthenticated';
  return rule.allow.includes(role) ? 'allow' : 'forbidden';
}
