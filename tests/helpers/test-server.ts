import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { testAdminToken } from './test-auth.js';
import { testConfig } from './test-db.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
  errors: unknown[];
  /** The bearer token of the test admin sent by default (absent with `auth: 'none'`). */
  adminToken?: string;
}

export interface TestServerOptions {
  /**
   * 'admin' (default): a request that carries no credentials of its own (no Authorization
   * header, no session cookie) is sent as the test admin, so tests written before accounts
   * existed keep calling the API as they did. 'none': requests arrive exactly as sent.
   */
  auth?: 'admin' | 'none';
}

/** The real app on an ephemeral port; `errors` collects whatever reached the 500 handler. */
export async function startTestServer(database: Database, env: Record<string, string> = {}, opts: TestServerOptions = {}): Promise<TestServer> {
  const errors: unknown[] = [];
  const app = createApp({ config: testConfig(env), database, log: (e) => errors.push(e) });
  const adminToken = opts.auth === 'none' ? undefined : await testAdminToken(database.db);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (adminToken && !req.headers.authorization && !/(^|;\s*)planner_session=/.test(req.headers.cookie ?? '')) {
      req.headers.authorization = `Bearer ${adminToken}`;
    }
    app(req, res);
  };
  const server: Server = await new Promise((resolve) => {
    const s = createServer(handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    errors,
    ...(adminToken && { adminToken }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function getJson<T = any>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}
