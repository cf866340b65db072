import { jest } from '@jest/globals';
import type { AppConfig } from '../config/app-config.js';
import { PublicCache } from './public-cache.js';

const cache = (settings: Partial<AppConfig> = {}) =>
  new PublicCache({ searchIndexer: 'process', PUBLIC_CACHE_SECONDS: 60, PUBLIC_CACHE_MB: 1, ...settings } as AppConfig);

describe('PublicCache', () => {
  it('serves a stored answer until one of its tags is invalidated', () => {
    const c = cache();
    const tags = ['jobs:a', 'jobs:*'];
    c.set('/api/job-orders/a', tags, c.begin(), '{"title":"普工"}');
    expect(c.get('/api/job-orders/a')?.body.toString()).toBe('{"title":"普工"}');
    c.invalidate(['jobs:b']);
    expect(c.get('/api/job-orders/a')).toBeDefined();
    c.invalidate(['jobs:*']);
    expect(c.get('/api/job-orders/a')).toBeUndefined();
    expect(c.stats()).toMatchObject({ entries: 0, bytes: 0, hits: 2, stale: 1 });
  });

  it('does not store an answer computed across a change (the clock read before, the change after)', () => {
    const c = cache();
    const before = c.begin();
    c.invalidate(['jobs']);
    expect(c.set('/api/jobs/search?q=1', ['jobs'], before, '{}')).toBeUndefined();
    expect(c.get('/api/jobs/search?q=1')).toBeUndefined();
    expect(c.set('/api/jobs/search?q=1', ['jobs'], c.begin(), '{}')).toBeDefined();
    // A bump of another tag during the computation does not matter.
    const begun = c.begin();
    c.invalidate(['jobs:x']);
    expect(c.set('/api/jobs/search?q=2', ['jobs'], begun, '{}')).toBeDefined();
  });

  it('gives the same body the same ETag, a different body another', () => {
    const c = cache();
    const a = c.set('/a', ['t'], 0, '{"n":1}')!;
    const b = c.set('/b', ['t'], 0, '{"n":1}')!;
    const d = c.set('/d', ['t'], 0, '{"n":2}')!;
    expect(a.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(b.etag).toBe(a.etag);
    expect(d.etag).not.toBe(a.etag);
  });

  it('evicts the least recently used answers beyond its memory', () => {
    const c = cache({ PUBLIC_CACHE_MB: 1 });
    const body = JSON.stringify({ text: 'x'.repeat(20_000) });
    for (let i = 0; i < 80; i++) {
      c.set(`/p/${i}`, ['t'], 0, body);
      c.get('/p/0'); // kept in use: never the least recent
    }
    const { entries, bytes, evicted } = c.stats();
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(evicted).toBe(80 - entries);
    expect(evicted).toBeGreaterThan(0);
    expect(c.get('/p/0')).toBeDefined();
    expect(c.get('/p/1')).toBeUndefined();
    expect(c.get('/p/79')).toBeDefined();
  });

  it('forgets answers older than PUBLIC_CACHE_SECONDS, and keeps nothing when it is 0', () => {
    const now = Date.now();
    const c = cache({ PUBLIC_CACHE_SECONDS: 1 });
    c.set('/a', ['t'], 0, '{}');
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 1500);
    try {
      expect(c.get('/a')).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    const off = cache({ PUBLIC_CACHE_SECONDS: 0 });
    expect(off.enabled).toBe(false);
    expect(off.set('/a', ['t'], 0, '{}')).toBeUndefined();
  });

  it('bounds answers to 5 s with a shared engine (nothing in the API process sees the changes)', () => {
    const now = Date.now();
    const c = cache({ searchIndexer: 'queue', PUBLIC_CACHE_SECONDS: 60 });
    c.set('/a', ['t'], 0, '{}');
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 4000);
    try {
      expect(c.get('/a')).toBeDefined();
      spy.mockReturnValue(now + 6000);
      expect(c.get('/a')).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });

  it('forgets bumps older than the longest an answer lives: the table stays small however many ids change', () => {
    const now = Date.now();
    const c = cache({ PUBLIC_CACHE_SECONDS: 60 });
    c.invalidate(Array.from({ length: 1000 }, (_, i) => `workers:${i}`));
    expect(c.stats().tags).toBe(1000);
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      c.invalidate(['jobs']);
      expect(c.stats().tags).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
