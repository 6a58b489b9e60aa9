/** The running app (app-fixture's App, or anything with its address). */
type TestServer = { url: string };

export interface Credentials { token?: string; cookie?: string; csrf?: string }

/** One API call as a given caller; the body is sent as JSON when present. */
export async function call(server: TestServer, method: string, path: string, who: Credentials = {}, body?: unknown) {
  const headers: Record<string, string> = {};
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
  const text = await res.text();
  let json: any = null;
  try { json = JSON.parse(text); } catch { /* CSV, XLSX */ }
  return { status: res.status, json, text, headers: res.headers };
}

/** Signs in through the API; returns the session cookie (name=value) and the CSRF token. */
export async function signIn(server: TestServer, username: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }),
  });
  const json = (await res.json()) as any;
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { status: res.status, json, setCookie, headers: res.headers, cookie: setCookie.split(';')[0]!, csrf: json.csrfToken as string };
}
