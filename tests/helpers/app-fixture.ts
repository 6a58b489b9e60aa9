import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe } from 'vitest';
import { createApp } from '../../server/app.js';
import { ensureClientBuilt } from '../../server/client-build.js';
import type { Database } from '../../server/db/database.js';
import { type Account, accountToken, type AccountOptions, ensureAccount, resetAuthTables, type Role } from './test-auth.js';
import { browserAvailability, sharedBrowser, watchPage } from './test-browser.js';
import { getTestDatabase, resetDatabase, resetToDemo, testConfig } from './test-db.js';

export { watchPage } from './test-browser.js';
export { TEST_PASSWORD, type Account, type AccountOptions, type Role } from './test-auth.js';

/**
 * One fixture for "a running app": the real Express app over the test database on an ephemeral
 * port, with the demo data when asked, a Chromium shared by every file of the run (a fresh
 * context per page) and accounts of each role.
 *
 *   const app = await startApp({ demo: true });
 *   const { page, problems, close } = await app.newPage();
 *   await app.signIn(page, 'operator');            // the login page, as a person does
 *   await app.close();                              // in afterAll
 */
export interface AppOptions {
  /**
   * true: the demo data and no upload (loaded again only when something wrote to the data since
   * it was last loaded); false: the data tables emptied; absent: the data left as it is.
   */
  demo?: boolean;
  /** Settings on top of the tests' own (memory database, silent log), as in the environment. */
  env?: Record<string, string>;
  /**
   * 'admin' (default): a request with no credentials of its own (no Authorization header, no
   * session cookie) is sent as the test admin, so a test can read everything without signing
   * in. 'none': requests arrive exactly as sent, as for a visitor.
   */
  auth?: 'admin' | 'none';
  /** 'fresh': the account tables emptied first (sessions, tokens, audit, failures too). */
  accounts?: 'kept' | 'fresh';
  /** Another database than the run's (a wrapped one that fails on purpose, say). */
  database?: Database;
}

export interface PageOptions extends Pick<BrowserContextOptions, 'viewport' | 'locale' | 'acceptDownloads'> {
  /** Count failed requests as problems too (tiles and aborted requests aside). */
  requests?: boolean;
}

export interface OpenPage { page: Page; context: BrowserContext; problems: string[]; close(): Promise<void> }

export interface App {
  url: string;
  database: Database;
  /** Whatever reached the app's 500 handler. */
  errors: unknown[];
  /** The test admin's bearer token sent for requests without credentials (auth: 'admin'). */
  adminToken?: string;
  /** The run's one Chromium (launched on first use). Contexts made here outlive the app: close them. */
  browser(): Promise<Browser>;
  /** A new context (closed by app.close at the latest) with default viewport 1440 × 900. */
  newContext(options?: PageOptions): Promise<BrowserContext>;
  /** A page in a context of its own, watched: what goes wrong on it lands in `problems`. */
  newPage(options?: PageOptions): Promise<OpenPage>;
  /** Finds or makes the account (defaults by role: the operator is VNPT's). */
  account(role: Role, options?: AccountOptions): Promise<Account>;
  /** A new bearer token of the account. */
  token(role: Role, options?: AccountOptions): Promise<string>;
  /**
   * Signs in. A page: through the login page as a person does (the page it is on when that is
   * the login page, else /login.html?next=…), then waits until it lands on `next` exactly
   * (default '/', or the login page's own) and is drawn.
   * A request context (page.context().request): through the API; its cookies are the context's.
   */
  signIn(target: Page | APIRequestContext, role: Role, options?: AccountOptions & { next?: string }): Promise<Account>;
  close(): Promise<void>;
}

const DEFAULT_VIEWPORT = { width: 1440, height: 900 };
let clientBuild: Promise<boolean> | undefined;

export async function startApp(options: AppOptions = {}): Promise<App> {
  const database = options.database ?? await getTestDatabase();
  if (options.demo === true) await resetToDemo(database);
  if (options.demo === false) await resetDatabase(database);
  if (options.accounts === 'fresh') await resetAuthTables(database.db);
  // Built before createApp, which serves dist/client only when it exists. Once a run: the
  // check walks client/ and geo/.
  clientBuild ??= ensureClientBuilt();
  const clientBuilt = await clientBuild;

  const errors: unknown[] = [];
  const express = createApp({ config: testConfig(options.env), database, log: (e) => errors.push(e) });
  const adminToken = options.auth === 'none' ? undefined : await accountToken(database.db, 'admin');
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (adminToken && !req.headers.authorization && !/(^|;\s*)planner_session=/.test(req.headers.cookie ?? '')) {
      req.headers.authorization = `Bearer ${adminToken}`;
    }
    express(req, res);
  };
  const server: Server = await new Promise((resolve) => {
    const s = createServer(handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const contexts = new Set<BrowserContext>();

  const app: App = {
    url, database, errors, ...(adminToken && { adminToken }),
    async browser() {
      if (!clientBuilt) throw new Error('the map client could not be built (see the build errors above)');
      return sharedBrowser();
    },
    async newContext(o = {}) {
      const context = await (await app.browser()).newContext({ viewport: DEFAULT_VIEWPORT, ...o });
      contexts.add(context);
      context.once('close', () => contexts.delete(context));
      return context;
    },
    async newPage(o = {}) {
      const context = await app.newContext(o);
      const page = await context.newPage();
      return { page, context, problems: watchPage(page, { requests: o.requests }), close: () => context.close() };
    },
    account: (role, o) => ensureAccount(database.db, role, o),
    token: (role, o) => accountToken(database.db, role, o),
    async signIn(target, role, o = {}) {
      const account = await app.account(role, o);
      if ('goto' in target) await signInThroughPage(target, url, account, o.next ?? '/');
      else {
        const res = await target.post(`${url}/api/auth/login`, { data: { username: account.username, password: account.password } });
        if (!res.ok()) throw new Error(`signing in as ${account.username} answered ${res.status()}: ${await res.text()}`);
      }
      return account;
    },
    async close() {
      await Promise.all([...contexts].map((c) => c.close()));
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    },
  };
  return app;
}

async function signInThroughPage(page: Page, url: string, account: Account, next: string): Promise<void> {
  const at = page.url().startsWith(url) ? new URL(page.url()) : undefined;
  if (at?.pathname === '/login.html') next = at.searchParams.get('next') ?? next;
  else await page.goto(`${url}/login.html?next=${encodeURIComponent(next)}`);
  await page.waitForSelector('body[data-ready="1"]');
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  const target = new URL(next, url);
  await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
}

/**
 * A describe block that needs Chromium: skipped, saying why, where it is absent, unless
 * REQUIRE_BROWSER=1 (CI), where a missing browser fails the block.
 */
export function describeInBrowser(name: string, ...rest: [() => void] | [{ timeout?: number }, () => void]): void {
  const { run, reason } = browserAvailability();
  if (!run) console.log(`${name}: ${reason}`);
  if (rest.length === 1) describe.skipIf(!run)(name, rest[0]);
  else describe.skipIf(!run)(name, rest[0], rest[1]);
}

/** GET and parse; status and body. */
export async function getJson<T = any>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}
