import type { FilterCondition } from '../search.port.js';
import { hanGrams, type QueryTerm } from '../tokenizer.js';
import { Bitmap, andAll, empty, orAll } from './bitmap.js';
import { MAX_PREFIX, type AttributePostings, type EmbeddedIndex } from './embedded-index.js';

/** Where one query term matches. The bitmaps are shared with the index: never mutate them. */
export interface TermMatch {
  term: QueryTerm;
  /** Matches per searchable attribute, in weight order. */
  perAttr: Bitmap[];
  /** Matches in any attribute. */
  any: Bitmap;
  /** Documents holding the term (or a one-word synonym) as a whole word. */
  exact: Bitmap;
}

/**
 * A Han term matches as a substring (all its bigrams; a single character by itself); a latin term as a word or a
 * pinyin word, and the last term of the query also as a prefix.
 */
function termInAttribute(attr: AttributePostings, term: QueryTerm): Bitmap {
  if (term.han) {
    const parts: Bitmap[] = [];
    for (const gram of hanGrams(term.text)) {
      const postings = attr.grams.get(gram);
      if (!postings) return empty();
      parts.push(postings);
    }
    return andAll(parts);
  }
  if (term.prefix && term.text.length <= MAX_PREFIX) return attr.prefixes.get(term.text) ?? empty();
  const parts = [attr.words.get(term.text), attr.pinyin.get(term.text)].filter((b): b is Bitmap => !!b);
  return orAll(parts);
}

export function matchTerm(index: EmbeddedIndex, term: QueryTerm): TermMatch {
  const alternatives = index.synonyms.get(term.text) ?? [];
  const perAttr: Bitmap[] = [];
  const exact: Bitmap[] = [];
  for (const attr of index.attributes) {
    const parts = [termInAttribute(attr, term)];
    const word = attr.words.get(term.text);
    if (word) exact.push(word);
    for (const alternative of alternatives) {
      parts.push(andAll(alternative.map((t) => termInAttribute(attr, t))));
      const synonymWord = alternative.length === 1 ? attr.words.get(alternative[0].text) : undefined;
      if (synonymWord) exact.push(synonymWord);
    }
    perAttr.push(orAll(parts));
  }
  return { term, perAttr, any: orAll(perAttr), exact: orAll(exact) };
}

function evaluateCondition(index: EmbeddedIndex, cond: FilterCondition): Bitmap {
  const field = index.filters.get(cond.field)!;
  switch (cond.op) {
    case 'eq':
      return field.eq(cond.value);
    case 'neq':
      return Bitmap.andNot(index.all, field.eq(cond.value));
    case 'in':
      return orAll(cond.value.map((v) => field.eq(v)));
    case 'exists':
      return cond.value === false ? Bitmap.andNot(index.all, field.exists()) : field.exists();
    default:
      return field.range(cond.op, cond.value);
  }
}

/** AND of OR-groups; undefined when there is no filter. */
export function evaluateFilter(index: EmbeddedIndex, cnf: FilterCondition[][]): Bitmap | undefined {
  if (cnf.length === 0) return undefined;
  return andAll(cnf.map((group) => orAll(group.map((cond) => evaluateCondition(index, cond)))));
}
