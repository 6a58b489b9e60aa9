import { POLICY, type Access } from '../auth/policy.js';

const ROLES: readonly Access[] = ['admin', 'planner', 'operator', 'inspector'];

/**
 * The 401 and 403 answers of one route, read from the policy table the access middleware
 * applies (server/auth/policy.ts, access.middleware.ts), merged with what the route adds
 * itself: the document cannot forget a protected route, nor protect one the policy leaves open.
 */
export function accessErrors(method: string, path: string, routeErrors: Readonly<Record<number, string>>): Record<number, string> {
  const rule = POLICY.find((p) => p.method === method.toUpperCase() && p.path === path);
  if (!rule) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} has no row in server/auth/policy.ts`);
  const unauthenticated: string[] = [];
  const forbidden: string[] = [];
  if (rule.allow !== 'everyone') {
    unauthenticated.push(rule.allow.includes('anonymous')
      ? 'Not signed in while PUBLIC_READ=false, or an API token that is unknown, revoked or of a disabled account'
      : 'Not signed in, or the session or API token is expired, revoked or of a disabled account');
    const refused = ROLES.filter((r) => !(rule.allow as readonly Access[]).includes(r));
    if (refused.length) forbidden.push(`Your role may not call this (allowed: ${rule.allow.filter((a) => a !== 'anonymous').join(', ')})`);
    if (rule.stations === 'unscoped') forbidden.push('An account limited to some areas: this answer cannot be limited to them');
  }
  // access.middleware.ts checks the CSRF token on every write made with the session cookie.
  if (rule.method !== 'GET') forbidden.push('Signed in by session cookie without the right X-CSRF-Token header');
  const merge = (status: number, own: string[]) => [...own, ...(routeErrors[status] ? [routeErrors[status]] : [])].join('; ');
  const out: Record<number, string> = { ...routeErrors };
  if (unauthenticated.length || routeErrors[401]) out[401] = merge(401, unauthenticated);
  if (forbidden.length || routeErrors[403]) out[403] = merge(403, forbidden);
  return out;
}
