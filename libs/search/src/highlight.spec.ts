import { escapeHtml, formatHit, formatText, highlightTerms } from './highlight.js';
import { resolveSettings } from './search.validation.js';

const settings = resolveSettings({
  primaryKey: 'id',
  searchableAttributes: ['title', 'city', 'tags', 'place.name'],
  pinyinAttributes: ['title', 'city'],
  synonyms: { 普工: ['操作工'] },
});
const format = (q: string, text: string, pinyin = true) => formatText(text, highlightTerms(q, settings), pinyin);

describe('highlighting', () => {
  it('escapes HTML, then wraps matches', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(format('', '<b>电子厂</b>')).toBe('&lt;b&gt;电子厂&lt;/b&gt;');
    expect(format('电子厂', '<b>电子厂</b>')).toBe('&lt;b&gt;<em>电子厂</em>&lt;/b&gt;');
    expect(format('script', '<script>x</script>')).toBe('&lt;<em>script</em>&gt;x&lt;/<em>script</em>&gt;');
  });

  it('finds Chinese sub-words, merging overlapping and adjacent matches', () => {
    expect(format('电子', '电子厂长白班')).toBe('<em>电子</em>厂长白班');
    expect(format('电子 子厂', '电子厂长白班')).toBe('<em>电子厂</em>长白班');
    expect(format('长白班 电子厂', '电子厂长白班')).toBe('<em>电子厂长白班</em>');
    expect(format('白班', '白班，长白班')).toBe('<em>白班</em>，长<em>白班</em>');
  });

  it('maps matches in normalised text back to the original characters', () => {
    expect(format('abc', 'ＡＢＣ电子')).toBe('<em>ＡＢＣ</em>电子');
    expect(format('java', 'JAVA开发')).toBe('<em>JAVA</em>开发');
  });

  it('highlights latin words: whole, typed prefix of the last word, within the typo budget', () => {
    expect(format('jav', 'Java开发 javascript')).toBe('<em>Jav</em>a开发 <em>jav</em>ascript');
    expect(format('jav ', 'Java开发')).toBe('Java开发');
    expect(format('spirng ', 'Spring Boot')).toBe('<em>Spring</em> Boot');
    expect(format('13800138001 ', '电话 13800138000')).toBe('电话 13800138000');
  });

  it('highlights the Chinese words whose pinyin matches, only where the attribute has pinyin', () => {
    expect(format('xiamen', '厦门电子厂')).toBe('<em>厦门</em>电子厂');
    expect(format('xm', '厦门电子厂')).toBe('<em>厦门</em>电子厂');
    expect(format('hangzhuo', '杭州萧山')).toBe('<em>杭州</em>萧山');
    expect(format('xia', '厦门')).toBe('<em>厦门</em>');
    expect(format('xiamen', '厦门', false)).toBe('厦门');
  });

  it('highlights synonyms of the query words', () => {
    expect(format('普工', '电子厂操作工')).toBe('电子厂<em>操作工</em>');
  });

  it('formats the requested attributes of a hit: strings, numbers, lists and dotted paths, with custom tags', () => {
    const doc = { id: 1, title: '厦门电子厂', city: '厦门', tags: ['包吃住', 5000, { x: 1 }], place: { name: '湖里' }, other: '厦门' };
    const highlight = { attributes: ['title', 'tags', 'place.name', 'missing'], preTag: '<mark>', postTag: '</mark>' };
    expect(formatHit(doc, highlightTerms('厦门 包吃住 湖里', settings), highlight, settings)).toEqual({
      title: '<mark>厦门</mark>电子厂',
      tags: ['<mark>包吃住</mark>', '5000'],
      'place.name': '<mark>湖里</mark>',
    });
  });
});
