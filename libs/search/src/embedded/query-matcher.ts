import type { FilterCondition } from '../search.port.js';
import { hanGrams, type QueryTerm } from '../tokenizer.js';
import { typoBudget } from '../typo.js';
import { Bitmap, andAll, empty, orAll } from './bitmap.js';
import { MAX_PREFIX, type AttributePostings, type EmbeddedIndex } from './embedded-index.js';
import type { Derivation } from './typo-dictionary.js';

/** Where one query term matches. The bitmaps are shared with the index: never mutate them. */
export interface TermMatch {
  term: QueryTerm;
  /** Matches per searchable attribute, in weight order. */
  perAttr: Bitmap[];
  /** Matches in any attribute. */
  any: Bitmap;
  /** Documents holding the term (or a one-word synonym) as a whole word. */
  exact: Bitmap;
  /** With typo derivations: [matches without typo, with one, with two] (any attribute); empty otherwise. */
  byTypos: Bitmap[];
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

/** Documents holding a word (or, for a prefix derivation, a word starting with it) of the typo dictionary. */
function derivationInAttribute(attr: AttributePostings, text: string, prefix: boolean): Bitmap | undefined {
  if (prefix && text.length <= MAX_PREFIX) return attr.prefixes.get(text);
  return orAll([attr.words.get(text), attr.pinyin.get(text)].filter((b): b is Bitmap => !!b));
}

export function matchTerm(index: EmbeddedIndex, term: QueryTerm): TermMatch {
  const alternatives = index.synonyms.get(term.text) ?? [];
  let derivations: Derivation[] = [];
  if (typoBudget(term) > 0) {
    index.typos.ensure(() => index.latinWords());
    derivations = index.typos.derivations(term.text, term.prefix);
  }
  const perAttr: Bitmap[] = [];
  const exact: Bitmap[] = [];
  const exactOnly: Bitmap[] = [];
  const typoParts: Bitmap[][] = [[], []];
  for (const attr of index.attributes) {
    const parts = [termInAttribute(attr, term)];
    const word = attr.words.get(term.text);
    if (word) exact.push(word);
    for (const alternative of alternatives) {
      parts.push(andAll(alternative.map((t) => termInAttribute(attr, t))));
      const synonymWord = alternative.length === 1 ? attr.words.get(alternative[0].text) : undefined;
      if (synonymWord) exact.push(synonymWord);
    }
    const exactMatch = orAll(parts);
    exactOnly.push(exactMatch);
    const withTypos = [exactMatch];
    for (const d of derivations) {
      const postings = derivationInAttribute(attr, d.text, d.prefix);
      if (postings && !postings.isEmpty) {
        withTypos.push(postings);
        typoParts[d.typos - 1].push(postings);
      }
    }
    perAttr.push(withTypos.length === 1 ? exactMatch : orAll(withTypos));
  }
  const byTypos = typoParts.some((p) => p.length) ? [orAll(exactOnly), ...typoParts.map(orAll)] : [];
  return { term, perAttr, any: orAll(perAttr), exact: orAll(exact), byTypos };
}

function evaluateCondition(index: EmbeddedIndex, cond: FilterCondition): Bitmap {
  if (cond.op === 'geoRadius') return index.geo ? index.geo.radius(cond, cond.metres) : empty();
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
