import type { Browser } from 'playwright-core';
import pg from 'pg';
import { launchChromium } from './browser.js';
import { startApi, type RunningApi } from './api.js';
import { startWeb, type WebServer } from './web.js';

/** The API, the built web app served against it, Chromium, and a SQL connection to the API's database. */
export interface BrowserStack {
  api: RunningApi;
  webServer: WebServer;
  browser: Browser;
  db: pg.Client;
}

/**
 * Starts everything a journey needs when it also arranges data with SQL (history, follow-ups, snapshots): with an
 * external API (DAOGANG_API_URL), DATABASE_URL must name that API's database.
 */
export async function startStackWithDatabase(spec: string): Promise<BrowserStack> {
  const api = await startApi();
  const url = api.config?.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error(`${spec} arranges data with SQL: set DATABASE_URL to the external API database`);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const webServer = await startWeb({ apiUrl: api.url });
  const browser = await launchChromium();
  return { api, webServer, browser, db };
}

/** Closes what started, in reverse order (any part may be missing when the start failed). */
export async function closeStack(stack: Partial<BrowserStack>): Promise<void> {
  await stack.browser?.close();
  await stack.webServer?.close();
  await stack.db?.end();
  await stack.api?.close();
}
