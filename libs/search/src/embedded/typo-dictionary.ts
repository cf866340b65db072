/**
 * The latin words of an index (latin words and pinyin of every searchable attribute), for typo tolerance: a
 * sorted array walked as an implicit trie — consecutive words share the edit-distance rows of their common
 * prefix, and a prefix whose rows exceed the budget skips, by binary search, every word that starts with it. New
 * words go to a small sorted delta, merged into the main array when it grows; removed words stay until the next
 * rebuild (they match no document).
 */
import { maxTypos } from '../typo.js';

export interface Derivation {
  /** A word of the index or, for a prefix query word, a prefix of words of the index. */
  text: string;
  prefix: boolean;
  /** 1 or 2. */
  typos: number;
}

/** At most this many derivations per query word with one typo, and with two (Meilisearch's limits). */
export const MAX_ONE_TYPO = 150;
export const MAX_TWO_TYPOS = 50;

const sortUnique = (words: Iterable<string>) => [...new Set(words)].sort();

export class TypoDictionary {
  private main: string[] = [];
  private delta: string[] = [];
  private readonly pending = new Set<string>();
  private stale = 0;
  private built = false;

  /** A word that appeared in the index. */
  added(word: string): void {
    if (this.built) this.pending.add(word);
  }

  /** A word that disappeared from the index. */
  removed(): void {
    if (this.built) this.stale++;
  }

  invalidate(): void {
    this.built = false;
    this.main = [];
    this.delta = [];
    this.pending.clear();
  }

  get size(): number {
    return this.main.length + this.delta.length;
  }

  /** Brings the arrays up to date; `source` lists every word of the index (used to build or rebuild). */
  ensure(source: () => Iterable<string>): void {
    if (!this.built || this.stale > this.size / 4 + 1000) {
      this.main = sortUnique(source());
      this.delta = [];
      this.pending.clear();
      this.stale = 0;
      this.built = true;
      return;
    }
    if (this.pending.size === 0) return;
    this.delta = sortUnique([...this.delta, ...this.pending]);
    this.pending.clear();
    if (this.delta.length > Math.max(2000, this.main.length / 8)) {
      this.main = sortUnique([...this.main, ...this.delta]);
      this.delta = [];
    }
  }

  /** Words (or prefixes) matching `query` with one or two typos, by Meilisearch's rules (see typo.ts). */
  derivations(query: string, prefix: boolean): Derivation[] {
    const budget = maxTypos(query);
    if (budget === 0) return [];
    const found = new Map<string, Derivation>();
    const emit = (text: string, isPrefix: boolean, typos: number) => {
      if (typos === 0) return;
      const key = (isPrefix ? 'p' : 'w') + text;
      const known = found.get(key);
      if (!known || known.typos > typos) found.set(key, { text, prefix: isPrefix, typos });
    };
    const first = query[0];
    for (const words of [this.main, this.delta]) {
      const lo = lowerBound(words, first, 0, words.length);
      const hi = lowerBound(words, first + '\uffff', lo, words.length);
      walk(words, lo, hi, query, budget, prefix, (text, isPrefix, d) => emit(text, isPrefix, d));
      if (budget === 2) {
        // another first letter: one edit at most, counted as two typos
        walk(words, 0, lo, query, 1, prefix, (text, isPrefix) => emit(text, isPrefix, 2));
        walk(words, hi, words.length, query, 1, prefix, (text, isPrefix) => emit(text, isPrefix, 2));
      }
    }
    const all = [...found.values()];
    return [...all.filter((d) => d.typos === 1).slice(0, MAX_ONE_TYPO), ...all.filter((d) => d.typos === 2).slice(0, MAX_TWO_TYPOS)];
  }
}

function lowerBound(words: readonly string[], key: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Emit = (text: string, prefix: boolean, distance: number) => void;

/**
 * Walks words[from, to) as a trie, with restricted Damerau-Levenshtein rows per depth. Without `prefix`, emits
 * each word within `budget`; with it, emits each prefix within `budget` whose distance is lower than that of
 * every shorter prefix on its path (the shorter prefix already covers the longer one's words).
 */
function walk(words: readonly string[], from: number, to: number, query: string, budget: number, prefix: boolean, emit: Emit): void {
  const m = query.length;
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, c) => c)];
  const rowMin: number[] = [0];
  const best: number[] = [prefix ? m : Infinity];
  let current = '';
  let i = from;
  while (i < to) {
    const word = words[i];
    let common = 0;
    const limit = Math.min(word.length, current.length);
    while (common < limit && word.charCodeAt(common) === current.charCodeAt(common)) common++;
    let skipped = false;
    for (let j = common + 1; j <= word.length; j++) {
      const row = (rows[j] ??= new Int32Array(m + 1));
      const previous = rows[j - 1];
      const ch = word.charCodeAt(j - 1);
      row[0] = j;
      let min = j;
      for (let c = 1; c <= m; c++) {
        const q = query.charCodeAt(c - 1);
        let v = Math.min(previous[c] + 1, row[c - 1] + 1, previous[c - 1] + (q === ch ? 0 : 1));
        if (j > 1 && c > 1 && ch === query.charCodeAt(c - 2) && word.charCodeAt(j - 2) === q) v = Math.min(v, rows[j - 2][c - 2] + 1);
        row[c] = v;
        if (v < min) min = v;
      }
      rowMin[j] = min;
      best[j] = best[j - 1];
      if (prefix && row[m] <= budget && row[m] < best[j - 1]) {
        emit(word.slice(0, j), true, row[m]);
        best[j] = row[m];
      }
      const reach = prefix ? Math.min(budget, best[j] - 1) : budget;
      if (min > reach && rowMin[j - 1] + 1 > reach) {
        const stem = word.slice(0, j);
        current = stem;
        i = lowerBound(words, stem + '\uffff', i + 1, to);
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    current = word;
    if (!prefix && rows[word.length][m] <= budget) emit(word, false, rows[word.length][m]);
    i++;
  }
}
