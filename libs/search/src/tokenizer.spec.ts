import { analyzeQuery, hanGrams, normalizeText, pinyinForSearch, pinyinOf, segmentForSearch, textsOf, tokenizeForIndex } from './tokenizer.js';

const words = (text: string) => [...tokenizeForIndex(text, false).words];

describe('tokenizer', () => {
  it('segments in search mode, so the words inside longer words are tokens too', () => {
    expect(words('厦门电子厂普工包吃住月薪6000')).toEqual(expect.arrayContaining(['厦门', '电子', '电子厂', '普工', '月薪', '6000']));
    expect(words('电子厂长白班操作工')).toEqual(expect.arrayContaining(['电子', '电子厂', '长白班', '操作', '操作工']));
    expect(words('中国农业发展银行')).toEqual(expect.arrayContaining(['农业', '银行']));
    expect(words('安装简单')).toEqual(expect.arrayContaining(['安装', '简单']));
  });

  it('indexes Han unigrams and bigrams for sub-words jieba cuts differently', () => {
    const { grams } = tokenizeForIndex('电子厂长白班', false);
    expect([...grams]).toEqual(['电', '电子', '子', '子厂', '厂', '厂长', '长', '长白', '白', '白班', '班']);
    expect(hanGrams('长白班')).toEqual(['长白', '白班']);
    expect(hanGrams('班')).toEqual(['班']);
  });

  it('folds full-width and case, splits latin from Han, keeps digits', () => {
    expect(normalizeText('ＡＢＣ１２３ Java')).toBe('abc123 java');
    expect(words('ＡＢＣ电子 Java开发 18-45岁')).toEqual(expect.arrayContaining(['abc', '电子', 'java', '开发', '18', '45']));
    expect(words('，。！ ')).toEqual([]);
  });

  it('gives pinyin (full and initials) of words of two or more characters only', () => {
    expect(pinyinOf('厦门')).toEqual(['xiamen', 'xm']);
    expect(pinyinOf('重庆')).toEqual(['chongqing', 'cq']);
    expect(pinyinOf('绿化')).toEqual(['lvhua', 'lh']);
    expect(pinyinOf('夏')).toEqual([]);
    expect(pinyinForSearch('厦门电子厂').split(' ')).toEqual(expect.arrayContaining(['xiamen', 'xm', 'dianzichang', 'dzc']));
    expect([...tokenizeForIndex('厦门', false).pinyin]).toEqual([]);
  });

  it('analyses a query into terms, the last one a prefix unless followed by a space', () => {
    expect(analyzeQuery('厦门 电子厂普工')).toEqual([
      { text: '厦门', han: true, prefix: false },
      { text: '电子厂', han: true, prefix: false },
      { text: '普工', han: true, prefix: true },
    ]);
    expect(analyzeQuery('xia')).toEqual([{ text: 'xia', han: false, prefix: true }]);
    expect(analyzeQuery('java ')).toEqual([{ text: 'java', han: false, prefix: false }]);
    expect(analyzeQuery('Java开发')).toEqual([
      { text: 'java', han: false, prefix: false },
      { text: '开发', han: true, prefix: true },
    ]);
    expect(analyzeQuery('   ')).toEqual([]);
  });

  it('never turns single Han characters of a query into pinyin', () => {
    expect(analyzeQuery('夏').map((t) => t.text)).toEqual(['夏']);
  });

  it('keeps a chunk whole when asked (synonym keys)', () => {
    expect(analyzeQuery('长白班', () => true).map((t) => t.text)).toEqual(['长白班']);
    expect(analyzeQuery('叉车司机').map((t) => t.text)).toEqual(['叉车', '司机']);
    expect(analyzeQuery('叉车司机', (c) => c === '叉车司机').map((t) => t.text)).toEqual(['叉车司机']);
  });

  it('caps the number of query terms and drops duplicates', () => {
    expect(analyzeQuery('a b c d e f g h i j k l m').length).toBe(10);
    expect(analyzeQuery('厦门 厦门').map((t) => t.text)).toEqual(['厦门']);
  });

  it('produces a space-separated pre-segmented string for Meilisearch', () => {
    const seg = segmentForSearch('电子厂长白班操作工');
    const [wordsPart, bigrams, singles] = seg.split(' ; ');
    expect(wordsPart.split(' ')).toEqual(expect.arrayContaining(['电子厂', '长白班', '操作工', '操作']));
    expect(bigrams).toBe('电子 子厂 厂长 长白 白班 班操 操作 作工');
    expect(singles.split(' ')).toContain('班');
    expect(segmentForSearch(['厦门', 'ABC'])).toBe('厦门 abc ; 厦门 ; 厦 门');
  });

  it('reads strings, numbers and arrays from field values, skipping objects', () => {
    expect(textsOf(['包吃住', 5, true, null, { a: 1 }, ['x']])).toEqual(['包吃住', '5', 'true', 'x']);
    expect(textsOf(undefined)).toEqual([]);
  });
});
