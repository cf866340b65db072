import { TypoDictionary } from './embedded/typo-dictionary.js';
import { editDistance, maxTypos, typoBudget, typoCost } from './typo.js';

function prng(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('typo rules (Meilisearch defaults)', () => {
  it('measures restricted Damerau-Levenshtein distance, whole word or best prefix', () => {
    expect(editDistance('hangzhuo', 'hangzhou', false, 2)).toBe(1); // swap
    expect(editDistance('shenzen', 'shenzhen', false, 2)).toBe(1); // missing letter
    expect(editDistance('xiamenn', 'xiamen', false, 2)).toBe(1); // extra letter
    expect(editDistance('jiaxing', 'jiaxiang', false, 2)).toBe(1);
    expect(editDistance('abcdef', 'badcfe', false, 5)).toBe(3);
    expect(editDistance('abcdef', 'zzzzzzzz', false, 2)).toBe(3); // capped
    expect(editDistance('hangzh', 'hangzhou', true, 2)).toBe(0);
    expect(editDistance('hagnzh', 'hangzhou', true, 2)).toBe(1);
  });

  it('allows one typo from 5 letters, two from 9, none on numbers or Chinese', () => {
    expect([maxTypos('xmen'), maxTypos('xiamn'), maxTypos('dianzicha'), maxTypos('dianzichang')]).toEqual([0, 1, 2, 2]);
    expect(typoBudget({ text: '13800138000', han: false })).toBe(0);
    expect(typoBudget({ text: '电子厂长白班操作工', han: true })).toBe(0);
    expect(typoBudget({ text: 'iphone15', han: false })).toBe(1);
  });

  it('counts a typo on the first letter as two, allowed only from 9 letters', () => {
    expect(typoCost('xiamen', 'xiamen', false)).toBe(0);
    expect(typoCost('xiame', 'xiamen', true)).toBe(0);
    expect(typoCost('xaimen', 'xiamen', false)).toBe(1);
    expect(typoCost('ziamen', 'xiamen', false)).toBeUndefined();
    expect(typoCost('tianzichang', 'dianzichang', false)).toBe(2);
    expect(typoCost('tianzichagn', 'dianzichang', false)).toBeUndefined();
    expect(typoCost('dianzhichagn', 'dianzichang', false)).toBe(2);
    expect(typoCost('xmen', 'xiamen', false)).toBeUndefined();
    expect(typoCost('20270301', '20270302', false)).toBeUndefined();
  });
});

describe('typo dictionary', () => {
  const rnd = prng(11);
  const letters = 'abcdeghijklmnos';
  const word = () => Array.from({ length: 3 + rnd(9) }, () => letters[rnd(letters.length)]).join('');
  const words = Array.from({ length: 3000 }, word);

  /** Brute force: the best cost by which each word matches (through a word, or a prefix, derivation). */
  const expected = (dictionary: readonly string[], q: string, prefix: boolean) => {
    const out = new Map<string, number>();
    for (const w of dictionary) {
      const cost = typoCost(q, w, prefix);
      if (cost !== undefined && cost > 0 && !(prefix && w.startsWith(q))) out.set(w, cost);
    }
    return out;
  };
  const actual = (dictionary: TypoDictionary, all: readonly string[], q: string, prefix: boolean) => {
    const out = new Map<string, number>();
    for (const d of dictionary.derivations(q, prefix)) {
      for (const w of all) {
        if (d.prefix ? !w.startsWith(d.text) : w !== d.text) continue;
        if (prefix && w.startsWith(q)) continue;
        out.set(w, Math.min(out.get(w) ?? 9, d.typos));
      }
    }
    return out;
  };

  it('finds the same words as a brute-force scan, for words and prefixes', () => {
    const dictionary = new TypoDictionary();
    dictionary.ensure(() => words);
    let nonEmpty = 0;
    for (let i = 0; i < 80; i++) {
      const base = words[rnd(words.length)];
      const q = rnd(3) === 0 ? word() : base.slice(0, 1) + base.slice(2, 3) + base.slice(1, 2) + base.slice(3) + (rnd(2) ? 'a' : '');
      if (q.length < 5) continue;
      for (const prefix of [false, true]) {
        const want = expected(words, q, prefix);
        if (want.size > 100) continue;
        expect([q, prefix, actual(dictionary, words, q, prefix)]).toEqual([q, prefix, want]);
        if (want.size) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('takes in words added after it was built', () => {
    const dictionary = new TypoDictionary();
    dictionary.ensure(() => ['xiamen', 'hangzhou']);
    dictionary.added('shenzhen');
    expect(dictionary.derivations('shenzen', false)).toEqual([]);
    dictionary.ensure(() => []);
    expect(dictionary.derivations('shenzen', false)).toEqual([{ text: 'shenzhen', prefix: false, typos: 1 }]);
    expect(dictionary.derivations('hagnzh', true)).toEqual([{ text: 'hangzh', prefix: true, typos: 1 }]);
  });
});
