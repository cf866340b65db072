/**
 * Chinese-aware tokenisation shared by both engines.
 *
 * Documents: jieba search-mode words (电子厂 → 电子, 电子厂), latin words and numbers (lower-cased, full-width
 * folded by NFKC), Han unigrams and bigrams (so a word inside a longer word is found even when jieba cut it
 * differently: 长白班 inside 电子厂长白班操作工), and pinyin of Chinese words of two or more characters
 * (厦门 → `xiamen`, `xm`). Queries: jieba precise mode; a Han term matches as a substring (all its bigrams),
 * a latin term as a word, a pinyin word, or — for the last term — a prefix. Single Han characters are never
 * turned into pinyin.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/** Words of the labour market that jieba's general dictionary cuts apart. */
const DOMAIN_WORDS = [
  '长白班', '两班倒', '三班倒', '普工', '操作工', '包吃住', '包住', '五险一金', '电子厂', '服装厂', '制衣厂', '鞋厂',
  '流水线', '计件', '日结', '周结', '月结', '临时工', '小时工', '暑假工', '学徒工', '质检员', '仓管员', '叉车工',
  '缝纫工', '装配工', '打包工', '搬运工', '保洁员', '护林员', '护工', '月嫂', '育婴员', '建档立卡', '扶贫车间',
  '公益性岗位', '劳务协作', '劳务经纪人', '返岗', '坐班', '站班', '夜班补贴', '满勤奖',
];

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 20000 n`).join('\n') + '\n'));
  }
  return jieba;
}

const HAN_CHAR = /\p{Script=Han}/u;
/** Han runs, or runs of other letters/digits. */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const SEPARATORS = /[\s\p{P}\p{S}\p{Z}\p{C}]+/u;

export function isHan(text: string): boolean {
  return HAN_CHAR.test(text);
}

/** NFKC (full-width → half-width, compatibility forms) then lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Splits into Han runs and letter/digit runs; punctuation and spaces are dropped. */
export function runs(text: string): string[] {
  return text.match(RUN) ?? [];
}

/** Characters (code points, so CJK extension characters stay whole). */
export function chars(text: string): string[] {
  return Array.from(text);
}

/** Overlapping two-character grams of a Han term; a single character is its own gram. */
export function hanGrams(term: string): string[] {
  const cs = chars(term);
  if (cs.length < 2) return cs;
  const grams: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) grams.push(cs[i] + cs[i + 1]);
  return [...new Set(grams)];
}

const pinyinCache = new Map<string, readonly string[]>();
const PINYIN_CACHE_SIZE = 100_000;

/** Full pinyin and initials of a Chinese word (`厦门` → `xiamen`, `xm`); none for a single character. */
export function pinyinOf(word: string): readonly string[] {
  let cached = pinyinCache.get(word);
  if (cached) return cached;
  cached = [];
  if (chars(word).length >= 2) {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).filter((s) => /^[a-z]+$/.test(s));
    if (syllables.length >= 2) cached = [syllables.join(''), syllables.map((s) => s[0]).join('')];
  }
  if (pinyinCache.size >= PINYIN_CACHE_SIZE) pinyinCache.clear();
  pinyinCache.set(word, cached);
  return cached;
}

/** The strings held by a field value (string, number, boolean, or arrays of them); objects are skipped. */
export function textsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value) out.push(value);
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) textsOf(item, out);
  }
  return out;
}

export interface IndexTokens {
  /** jieba search-mode words and latin/number words. */
  words: Set<string>;
  /** Han unigrams and bigrams. */
  grams: Set<string>;
  /** Pinyin (full and initials) of Chinese words. */
  pinyin: Set<string>;
}

export function emptyTokens(): IndexTokens {
  return { words: new Set(), grams: new Set(), pinyin: new Set() };
}

interface TextTokens {
  words: readonly string[];
  grams: readonly string[];
  pinyin: readonly string[];
}

/** Short field values (city, tags, titles) repeat a lot: their tokens are memoised. */
const textCache = new Map<string, TextTokens>();
const TEXT_CACHE_SIZE = 50_000;
const CACHED_TEXT_LENGTH = 48;

function tokenizeText(text: string, withPinyin: boolean): TextTokens {
  const cacheKey = text.length <= CACHED_TEXT_LENGTH ? (withPinyin ? '1' : '0') + text : undefined;
  const cached = cacheKey === undefined ? undefined : textCache.get(cacheKey);
  if (cached) return cached;
  const norm = normalizeText(text);
  const words = new Set<string>();
  const grams = new Set<string>();
  const py = new Set<string>();
  for (const token of segmenter().cutForSearch(norm, true)) {
    for (const run of runs(token)) {
      words.add(run);
      if (withPinyin && isHan(run)) for (const p of pinyinOf(run)) py.add(p);
    }
  }
  for (const run of runs(norm)) {
    if (!isHan(run)) continue;
    const cs = chars(run);
    for (let i = 0; i < cs.length; i++) {
      grams.add(cs[i]);
      if (i + 1 < cs.length) grams.add(cs[i] + cs[i + 1]);
    }
  }
  const tokens = { words: [...words], grams: [...grams], pinyin: [...py] };
  if (cacheKey !== undefined) {
    if (textCache.size >= TEXT_CACHE_SIZE) textCache.clear();
    textCache.set(cacheKey, tokens);
  }
  return tokens;
}

/** The words of jieba's search mode (with HMM) of a normalised text, split into Han and latin runs. */
export function searchModeWords(normalized: string): string[] {
  const out: string[] = [];
  for (const token of segmenter().cutForSearch(normalized, true)) out.push(...runs(token));
  return out;
}

/** Adds the tokens of one text to `into`. */
export function tokenizeForIndex(text: string, withPinyin: boolean, into: IndexTokens = emptyTokens()): IndexTokens {
  const tokens = tokenizeText(text, withPinyin);
  for (const w of tokens.words) into.words.add(w);
  for (const g of tokens.grams) into.grams.add(g);
  for (const p of tokens.pinyin) into.pinyin.add(p);
  return into;
}

export interface QueryTerm {
  /** Normalised term: a Han run or a latin/number run. */
  text: string;
  han: boolean;
  /** Last term of a query not ending with a space: a latin term also matches as a prefix. */
  prefix: boolean;
}

export const MAX_QUERY_TERMS = 10;

/**
 * Splits a query into terms: chunks between spaces/punctuation, each cut by jieba in precise mode, then into
 * Han and latin runs. A chunk for which `keepWhole` says yes (a synonym key) stays one term.
 */
export function analyzeQuery(q: string, keepWhole?: (chunk: string) => boolean): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    if (!seen.has(text) && terms.length < MAX_QUERY_TERMS) {
      seen.add(text);
      terms.push({ text, han: isHan(text), prefix: false });
    }
  };
  for (const chunk of normalizeText(q).split(SEPARATORS)) {
    if (!chunk) continue;
    if (keepWhole?.(chunk) && runs(chunk).length === 1 && runs(chunk)[0] === chunk) {
      add(chunk);
      continue;
    }
    for (const word of segmenter().cut(chunk, true)) for (const run of runs(word)) add(run);
  }
  const last = terms.at(-1);
  if (last && !/[\s\p{P}\p{S}]$/u.test(q)) last.prefix = true;
  return terms;
}

/**
 * Pre-segmented text for engines that split words at spaces (the Meilisearch adapter indexes it as a hidden
 * field): the search-mode words, then each Han run as its bigrams in order (so consecutive bigrams stay
 * adjacent), then the single Han characters; sections are separated by " ; ".
 */
export function segmentForSearch(text: string | readonly string[]): string {
  const words = new Set<string>();
  const singles = new Set<string>();
  const sequences: string[] = [];
  for (const t of typeof text === 'string' ? [text] : text) {
    const norm = normalizeText(t);
    for (const token of segmenter().cutForSearch(norm, true)) for (const run of runs(token)) words.add(run);
    for (const run of runs(norm)) {
      if (!isHan(run)) continue;
      const cs = chars(run);
      for (const c of cs) singles.add(c);
      if (cs.length >= 2) sequences.push(cs.slice(1).map((c, i) => cs[i] + c).join(' '));
    }
  }
  return [[...words].join(' '), ...sequences, [...singles].join(' ')].filter(Boolean).join(' ; ');
}

/** Space-separated pinyin (full and initials) of the Chinese words of a text. */
export function pinyinForSearch(text: string | readonly string[]): string {
  const tokens = emptyTokens();
  for (const t of typeof text === 'string' ? [text] : text) tokenizeForIndex(t, true, tokens);
  return [...tokens.pinyin].join(' ');
}
