/**
 * Coalesces single-key reads made in the same turn of the event loop into one query (the DataLoader pattern):
 * `load(key)` waits until the loop has taken in this turn's requests, then one `loadMany` answers them all, and the
 * same key asked twice is fetched once. Under load, a hot read by primary key then costs one statement and one pooled
 * connection per turn instead of one per request, so requests no longer queue for the pool. Nothing is kept after
 * the answer: this is not a cache.
 */
export class BatchLoader<K, V> {
  private pending = new Map<K, Array<{ resolve: (value: V | undefined) => void; reject: (error: unknown) => void }>>();
  private scheduled = false;

  constructor(
    private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 200,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()];
    for (let start = 0; start < keys.length; start += this.maxBatch) {
      const chunk = keys.slice(start, start + this.maxBatch);
      // Through a promise, so that a loadMany that throws instead of rejecting still answers every waiter.
      Promise.resolve().then(() => this.loadMany(chunk)).then(
        (found) => {
          for (const key of chunk) for (const waiter of batch.get(key)!) waiter.resolve(found.get(key));
        },
        (error: unknown) => {
          for (const key of chunk) for (const waiter of batch.get(key)!) waiter.reject(error);
        },
      );
    }
  }
}
