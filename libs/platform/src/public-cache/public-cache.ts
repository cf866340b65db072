import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';

/** One stored answer: the JSON as sent (UTF-8), its ETag, its tags and the clock when its computation began. */
export interface CachedAnswer {
  readonly body: Buffer;
  readonly etag: string;
  readonly tags: readonly string[];
  readonly begun: number;
  readonly storedAt: number;
  readonly bytes: number;
}

/** With a shared engine nothing in the API process sees the changes, so answers live at most this long. */
const SHARED_ENGINE_MAX_SECONDS = 5;

/**
 * Anonymous public answers (job search, job pages) kept in this process's memory, by URL. Every answer carries tags
 * (`jobs`, `jobs:<id>`); whoever learns that data changed bumps the tag (the search indexer, as it applies the outbox),
 * and an answer with a tag bumped since its computation began is not served again. The clock is read before the
 * answer is computed (`begin`), so an answer that raced with a change is never stored as fresh. Least recently used
 * answers go first once `PUBLIC_CACHE_MB` is reached; `PUBLIC_CACHE_SECONDS` bounds an answer's age whatever happens,
 * so a bump older than that can be forgotten (the table of bumps stays small however many ids change).
 */
@Injectable()
export class PublicCache {
  private readonly entries = new Map<string, CachedAnswer>();
  /** Tag → the clock at its last bump and when that was (ms); in bump order, so the oldest come first. */
  private readonly bumped = new Map<string, { clock: number; at: number }>();
  private clock = 0;
  private bytes = 0;
  private readonly maxAgeMs: number;
  private readonly maxBytes: number;
  readonly counts = { hits: 0, misses: 0, stored: 0, evicted: 0, stale: 0 };

  constructor(config: AppConfig) {
    const seconds = config.searchIndexer === 'process' ? config.PUBLIC_CACHE_SECONDS : Math.min(config.PUBLIC_CACHE_SECONDS, SHARED_ENGINE_MAX_SECONDS);
    this.maxAgeMs = seconds * 1000;
    this.maxBytes = config.PUBLIC_CACHE_MB * 1024 * 1024;
  }

  get enabled(): boolean {
    return this.maxAgeMs > 0;
  }

  /** The clock now: read it before computing an answer, hand it to `set`. */
  begin(): number {
    return this.clock;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.counts.misses++;
      return undefined;
    }
    if (Date.now() - entry.storedAt > this.maxAgeMs || !this.current(entry.tags, entry.begun)) {
      this.remove(key, entry);
      this.counts.stale++;
      this.counts.misses++;
      return undefined;
    }
    // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.counts.hits++;
    return entry;
  }

  /** Stores the answer unless one of its tags was bumped since `begun`; returns what is stored, if anything. */
  set(key: string, tags: readonly string[], begun: number, body: string): CachedAnswer | undefined {
    if (!this.enabled || !this.current(tags, begun)) return undefined;
    const buffer = Buffer.from(body);
    // The key (a V8 string, up to two bytes a character) and the bookkeeping come on top of the body.
    const bytes = buffer.length + 2 * key.length + 200;
    if (bytes > this.maxBytes / 16) return undefined;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    const entry: CachedAnswer = {
      body: buffer,
      etag: `W/"${createHash('sha1').update(buffer).digest('base64url').slice(0, 27)}"`,
      tags,
      begun,
      storedAt: Date.now(),
      bytes,
    };
    this.entries.set(key, entry);
    this.bytes += bytes;
    this.counts.stored++;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, old);
      this.counts.evicted++;
    }
    return entry;
  }

  /** The data behind these tags changed: answers computed before now are not served again. */
  invalidate(tags: Iterable<string>): void {
    const at = Date.now();
    for (const tag of tags) {
      this.bumped.delete(tag);
      this.bumped.set(tag, { clock: ++this.clock, at });
    }
    // Answers stored before an older bump have expired by age anyway.
    for (const [tag, bump] of this.bumped) {
      if (at - bump.at <= this.maxAgeMs) break;
      this.bumped.delete(tag);
    }
  }

  /** Drops every answer (tests, and a rebuilt index). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): { entries: number; bytes: number; tags: number; hits: number; misses: number; stored: number; evicted: number; stale: number } {
    return { entries: this.entries.size, bytes: this.bytes, tags: this.bumped.size, ...this.counts };
  }

  private current(tags: readonly string[], begun: number): boolean {
    for (const tag of tags) if ((this.bumped.get(tag)?.clock ?? 0) > begun) return false;
    return true;
  }

  private remove(key: string, entry: CachedAnswer): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
