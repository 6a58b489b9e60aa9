import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { testConfig } from './test-db.js';

export interface TestServer { url: string; close(): Promise<void>; errors: unknown[] }

/** The real app on an ephemeral port; `errors` collects whatever reached the 500 handler. */
export async function startTestServer(database: Database, env: Record<string, string> = {}): Promise<TestServer> {
  const errors: unknown[] = [];
  const app = createApp({ config: testConfig(env), database, log: (e) => errors.push(e) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function getJson<T = any>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}
