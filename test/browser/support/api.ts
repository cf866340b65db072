// The API the browser tests talk to.
// - DAOGANG_API_URL set (e.g. http://127.0.0.1:3000): use that running API as is (its demo users must be seeded).
// - otherwise: boot the real Nest API on a fresh test database with the demo users, through the shared helper
//   `startTestApi()` from test/support/app.ts (owned by the API side).
export interface RunningApi {
  /** base URL without trailing slash and without /api, e.g. http://127.0.0.1:41001 */
  url: string;
  close(): Promise<void>;
}

export async function startApi(): Promise<RunningApi> {
  const external = process.env.DAOGANG_API_URL?.trim();
  if (external) return { url: external.replace(/\/+$/, ''), close: async () => {} };

  // Loaded only when needed, so the tests can run against an external API without the Nest app in the sandbox.
  const { startTestApi } = await import('../../support/app.js');
  const api = await startTestApi();
  return { url: api.url.replace(/\/+$/, ''), close: () => api.close() };
}
