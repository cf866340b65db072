import request from 'supertest';
import { DEMO_PASSWORD } from '@daogang/schema';

/** Logs a demo account in and returns its bearer header value. */
export async function bearer(baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(baseUrl).post('/api/auth/login').send({ login, password });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.accessToken}`;
}

/** Probes until `ok` holds or `ms` pass; returns the last value (the caller's expect says what was wrong). */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 1000): Promise<T> {
  const until = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    value = await probe();
  }
  return value;
}
