import request from 'supertest';
import { DEMO_PASSWORD } from '@daogang/schema';

/** Logs a demo account in and returns its bearer header value. */
export async function bearer(baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(baseUrl).post('/api/auth/login').send({ login, password });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.accessToken}`;
}
