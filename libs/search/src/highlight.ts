/**
 * `_formatted`, computed on our side for both engines so that they agree: each requested attribute is
 * HTML-escaped, and the parts matching the query are wrapped in the pre/post tags. A Chinese query word is
 * highlighted where it occurs (a sub-word too: 电子 in 电子厂长白班); a latin word where a word equals it,
 * starts with it (last word, as a prefix: only the typed part) or is within its typo budget; with pinyin on the
 * attribute, the Chinese words whose pinyin matches (xiamen → 厦门). Synonyms of the query words are highlighted
 * too. (Meilisearch's own highlighter would work on our hidden pre-segmented fields, not on the attribute.)
 */
import type { FormattedFields, SearchDocument } from './search.port.js';
import { getPath, type NormalizedHighlight, type ResolvedIndexSettings } from './search.validation.js';
import { analyzeQuery, hanGrams, isHan, normalizeText, pinyinOf, searchModeWords } from './tokenizer.js';
import { typoBudget, typoCost } from './typo.js';

interface HighlightTerm {
  text: string;
  han: boolean;
  prefix: boolean;
  typos: boolean;
}

const synonymCache = new WeakMap<ResolvedIndexSettings, Map<string, string[]>>();

function synonymsOf(settings: ResolvedIndexSettings): Map<string, string[]> {
  let map = synonymCache.get(settings);
  if (!map) {
    map = new Map(Object.entries(settings.synonyms).map(([key, list]) => [normalizeText(key), list]));
    synonymCache.set(settings, map);
  }
  return map;
}

/** The query words to highlight: those of the query, then those of their synonyms. */
export function highlightTerms(q: string, settings: ResolvedIndexSettings): HighlightTerm[] {
  const synonyms = synonymsOf(settings);
  const terms: HighlightTerm[] = [];
  for (const term of analyzeQuery(q, (chunk) => synonyms.has(chunk))) {
    terms.push({ ...term, typos: typoBudget(term) > 0 });
    for (const alternative of synonyms.get(term.text) ?? []) {
      for (const t of analyzeQuery(alternative)) terms.push({ ...t, prefix: false, typos: false });
    }
  }
  return terms;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

/** The normalised text, with the original offsets (start and end) of each of its UTF-16 units. */
function normalizeWithOffsets(text: string): { norm: string; starts: number[]; ends: number[] } {
  let norm = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const n = normalizeText(ch);
    for (let k = 0; k < n.length; k++) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    norm += n;
    offset += ch.length;
  }
  return { norm, starts, ends };
}

function occurrences(haystack: string, needle: string, at: number, spans: Array<[number, number]>): number {
  let found = 0;
  for (let i = haystack.indexOf(needle); i >= 0 && needle; i = haystack.indexOf(needle, i + needle.length)) {
    spans.push([at + i, at + i + needle.length]);
    found++;
  }
  return found;
}

const latinMatch = (term: HighlightTerm, word: string) => word === term.text || (term.typos && typoCost(term.text, word, term.prefix) !== undefined);

/** Spans (in the normalised text) matching the terms. */
function matchSpans(norm: string, terms: readonly HighlightTerm[], withPinyin: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runs = [...norm.matchAll(RUN)].map((m) => ({ text: m[0], at: m.index, han: isHan(m[0]) }));
  for (const term of terms) {
    if (term.han) {
      if (occurrences(norm, term.text, 0, spans) === 0) for (const gram of hanGrams(term.text)) occurrences(norm, gram, 0, spans);
      continue;
    }
    for (const run of runs) {
      if (run.han) {
        if (!withPinyin) continue;
        for (const word of new Set(searchModeWords(run.text))) {
          const pinyin = pinyinOf(word);
          if (pinyin.some((p) => latinMatch(term, p) || (term.prefix && p.startsWith(term.text)))) occurrences(run.text, word, run.at, spans);
        }
      } else if (term.prefix && run.text.startsWith(term.text)) {
        spans.push([run.at, run.at + term.text.length]);
      } else if (latinMatch(term, run.text)) {
        spans.push([run.at, run.at + run.text.length]);
      }
    }
  }
  return spans;
}

/** One text, escaped, with the matching parts wrapped in the tags. */
export function formatText(text: string, terms: readonly HighlightTerm[], withPinyin: boolean, preTag = '<em>', postTag = '</em>'): string {
  if (terms.length === 0) return escapeHtml(text);
  const { norm, starts, ends } = normalizeWithOffsets(text);
  const spans = matchSpans(norm, terms, withPinyin)
    .map(([a, b]) => [starts[a], ends[b - 1]] as [number, number])
    .sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let out = '';
  let done = 0;
  for (let i = 0; i < spans.length; i++) {
    const start = Math.max(spans[i][0], done);
    let end = spans[i][1];
    while (i + 1 < spans.length && spans[i + 1][0] <= end) end = Math.max(end, spans[++i][1]);
    if (end <= start) continue;
    out += escapeHtml(text.slice(done, start)) + preTag + escapeHtml(text.slice(start, end)) + postTag;
    done = end;
  }
  return out + escapeHtml(text.slice(done));
}

const primitive = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** `_formatted` of one hit: the requested attributes that hold text (or lists of it). */
export function formatHit(doc: SearchDocument, terms: readonly HighlightTerm[], highlight: NormalizedHighlight, settings: ResolvedIndexSettings): FormattedFields {
  const out: FormattedFields = {};
  for (const attribute of highlight.attributes) {
    const value = getPath(doc, attribute);
    const withPinyin = settings.pinyinAttributes.includes(attribute);
    const format = (v: string | number | boolean) => formatText(String(v), terms, withPinyin, highlight.preTag, highlight.postTag);
    if (primitive(value)) out[attribute] = format(value);
    else if (Array.isArray(value)) out[attribute] = value.filter(primitive).map(format);
  }
  return out;
}
