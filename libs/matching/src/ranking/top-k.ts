/**
 * The k best (score, ordinal) pairs of a scan: a bounded min-heap whose root is the worst kept pair. Higher scores
 * win; among equal scores the lower ordinal wins, so a ranking is the same on every run.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ordinals: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.ordinals = new Int32Array(Math.max(1, k));
  }

  /** The lowest score kept once k are kept (a candidate must beat it); -Infinity until then. */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0];
  }

  offer(score: number, ordinal: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, ordinal, this.scores[parent], this.ordinals[parent])) break;
        this.scores[i] = this.scores[parent];
        this.ordinals[i] = this.ordinals[parent];
        i = parent;
      }
      this.scores[i] = score;
      this.ordinals[i] = ordinal;
      return;
    }
    if (!this.worse(this.scores[0], this.ordinals[0], score, ordinal)) return;
    this.siftDown(score, ordinal);
  }

  /** Best first. */
  drain(): Array<{ score: number; ordinal: number }> {
    const out = Array.from({ length: this.size }, (_, i) => ({ score: this.scores[i], ordinal: this.ordinals[i] }));
    return out.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
  }

  /** Is (s1, o1) worse than (s2, o2)? */
  private worse(s1: number, o1: number, s2: number, o2: number): boolean {
    return s1 < s2 || (s1 === s2 && o1 > o2);
  }

  /** Replaces the root with (score, ordinal) and restores the heap. */
  private siftDown(score: number, ordinal: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const m = r < this.size && this.worse(this.scores[r], this.ordinals[r], this.scores[l], this.ordinals[l]) ? r : l;
      if (!this.worse(this.scores[m], this.ordinals[m], score, ordinal)) break;
      this.scores[i] = this.scores[m];
      this.ordinals[i] = this.ordinals[m];
      i = m;
    }
    this.scores[i] = score;
    this.ordinals[i] = ordinal;
  }
}
