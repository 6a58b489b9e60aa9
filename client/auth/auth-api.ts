/**
 * The account calls of the client (the auth pages' only fetch). Writes made with the session
 * cookie carry the CSRF token the server returned, in X-CSRF-Token.
 */
export type Role = 'admin' | 'planner' | 'operator' | 'inspector';
export interface AccountUser { id: number; username: string; displayName: string; role: Role; operator: string | null; jurisdiction: { setId: number; areas: string[] } | null }
export interface Me { user: AccountUser | null; csrfToken: string | null; publicRead: boolean; via: string }

export class AuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfter: number | null = null) { super(message); }
}

let csrf: string | null = null;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new AuthError(res.status, json?.error?.code ?? 'http_error', json?.error?.message ?? `HTTP ${res.status}`, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return json as T;
}

export const authApi = {
  async me(): Promise<Me> {
    const me = await request<Me>('GET', '/api/auth/me');
    csrf = me.csrfToken;
    return me;
  },
  async login(username: string, password: string): Promise<Me> {
    const me = await request<Me>('POST', '/api/auth/login', { username, password });
    csrf = me.csrfToken;
    return me;
  },
  async logout(): Promise<void> {
    await request('POST', '/api/auth/logout');
    csrf = null;
  },
  changePassword: (current: string, password: string) => request('POST', '/api/auth/password', { current, password }),
};

/** Which pages a role can use; the server enforces the same in server/auth/policy.ts. */
export const canUpload = (role: Role | undefined) => role === 'admin' || role === 'operator';
