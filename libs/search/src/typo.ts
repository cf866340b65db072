/**
 * Typo tolerance on latin words (pinyin, Java…), with Meilisearch's default rules so that both engines agree:
 * a query word of 5–8 letters matches words within one edit, of 9 or more within two (edits: insertion,
 * deletion, substitution, swap of adjacent letters — restricted Damerau-Levenshtein); a word starting with
 * another letter matches only with two typos allowed, within one edit, and then counts as two typos. Numbers and
 * Chinese are never matched with typos. The last word of a query typed without a trailing space matches as a
 * prefix: a word matches when one of its prefixes is within the budget.
 */
import type { QueryTerm } from './tokenizer.js';

export const MIN_WORD_SIZE_ONE_TYPO = 5;
export const MIN_WORD_SIZE_TWO_TYPOS = 9;

/** Typos allowed for a query word: 0, 1 or 2 (by length, in UTF-16 code units; latin letters are one each). */
export function maxTypos(word: string): 0 | 1 | 2 {
  if (word.length >= MIN_WORD_SIZE_TWO_TYPOS) return 2;
  return word.length >= MIN_WORD_SIZE_ONE_TYPO ? 1 : 0;
}

/** Latin words get typos; Han terms and numbers do not. */
export function typoBudget(term: Pick<QueryTerm, 'text' | 'han'>): 0 | 1 | 2 {
  if (term.han || /^\p{N}+$/u.test(term.text)) return 0;
  return maxTypos(term.text);
}

/**
 * Restricted Damerau-Levenshtein distance between `query` and `word` (or, with `prefix`, the smallest distance
 * between `query` and a prefix of `word`), or `cap + 1` once it exceeds `cap`.
 */
export function editDistance(query: string, word: string, prefix: boolean, cap: number): number {
  const m = query.length;
  let before = new Int32Array(m + 1);
  let previous = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  for (let c = 0; c <= m; c++) previous[c] = c;
  let best = prefix ? previous[m] : cap + 1;
  for (let j = 1; j <= word.length; j++) {
    const ch = word.charCodeAt(j - 1);
    row[0] = j;
    let min = j;
    for (let c = 1; c <= m; c++) {
      const q = query.charCodeAt(c - 1);
      let v = Math.min(previous[c] + 1, row[c - 1] + 1, previous[c - 1] + (q === ch ? 0 : 1));
      if (j > 1 && c > 1 && ch === query.charCodeAt(c - 2) && word.charCodeAt(j - 2) === q) v = Math.min(v, before[c - 2] + 1);
      row[c] = v;
      if (v < min) min = v;
    }
    if (prefix && row[m] < best) best = row[m];
    if (min > cap && (j === 1 || Math.min(...previous) + 1 > cap)) return prefix ? Math.min(best, cap + 1) : cap + 1;
    [before, previous, row] = [previous, row, before];
  }
  return prefix ? Math.min(best, cap + 1) : Math.min(previous[m], cap + 1);
}

/**
 * Typos by which `word` matches the query word (0 when equal, or — with `prefix` — when it starts with it),
 * or undefined when it does not match within the rules above.
 */
export function typoCost(query: string, word: string, prefix: boolean): number | undefined {
  if (word === query || (prefix && word.startsWith(query))) return 0;
  const budget = /^\p{N}+$/u.test(query) ? 0 : maxTypos(query);
  if (budget === 0 || word.length === 0) return undefined;
  if (word.charCodeAt(0) === query.charCodeAt(0)) {
    const d = editDistance(query, word, prefix, budget);
    return d <= budget ? d : undefined;
  }
  if (budget < 2) return undefined;
  return editDistance(query, word, prefix, 1) <= 1 ? 2 : undefined;
}
