// The API the browser tests talk to.
// - DAOGANG_API_URL set (e.g. http://127.0.0.1:3000): use that running API as is (its demo users must be seeded,
//   and its worker app must be running for queued work such as imports).
// - otherwise: boot the real Nest API on a fresh test database with the demo users, through the shared helper
//   `startTestApi()` from test/support/app.ts (owned by the API side); with `{ worker: true }` also boot the queue
//   worker app (apps/worker, without the repeating schedules) on the same configuration, so queued jobs run.
import type { AppConfig } from '@daogang/platform';

export interface RunningApi {
  /** base URL without trailing slash and without /api, e.g. http://127.0.0.1:41001 */
  url: string;
  /** the configuration of the API booted here (undefined for an external API) */
  config?: AppConfig;
  /** whether queued jobs are processed: the worker app was booted here, or the external API is assumed to have one */
  worker: boolean;
  close(): Promise<void>;
}

export async function startApi(options: { worker?: boolean } = {}): Promise<RunningApi> {
  const external = process.env.DAOGANG_API_URL?.trim();
  if (external) return { url: external.replace(/\/+$/, ''), worker: true, close: async () => {} };

  // Loaded only when needed, so the tests can run against an external API without the Nest app in the sandbox.
  const api = await (await import('../../support/app.js')).startTestApi();
  let worker: { close(): Promise<void> } | undefined;
  if (options.worker) {
    try {
      const { createWorkerApp } = await import('../../../apps/worker/src/bootstrap.js');
      const app = await createWorkerApp(api.config, { schedules: false });
      await app.init();
      worker = app;
    } catch (e) {
      await api.close();
      throw e;
    }
  }
  return {
    url: api.url.replace(/\/+$/, ''),
    config: api.config,
    worker: !!worker,
    close: async () => {
      try {
        await worker?.close();
      } finally {
        await api.close();
      }
    },
  };
}

export type ApiCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/** Calls the API directly as a demo user (what another person does meanwhile): JSON answers parsed, others as text. */
export async function apiCaller(baseUrl: string, login: string, password: string): Promise<ApiCall> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  return async (method, path, body) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text && (r.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  };
}
