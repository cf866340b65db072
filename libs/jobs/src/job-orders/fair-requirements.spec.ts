import { findDiscrimination } from './fair-requirements.js';

describe('fair requirements (就业促进法)', () => {
  it.each([
    ['限男性，身体健康', '性别'],
    ['女士优先', '性别'],
    ['只招男工', '性别'],
    ['未婚未育优先', '性别'],
    ['仅限汉族', '民族'],
    ['不招少数民族', '民族'],
    ['不招回族', '民族'],
    ['限本地户口', '户籍'],
    ['不招河南人', '户籍'],
    ['外地人 勿扰', '户籍'],
    ['限 男 性', '性别'],
  ])('refuses 「%s」 and says it is about %s', (text, topic) => {
    const [problem] = findDiscrimination({ description: text });
    expect(problem.field).toBe('description');
    expect(problem.message).toContain(topic);
    expect(problem.message).toContain('就业促进法');
  });

  it.each([
    '电子厂普工，长白班，包吃住，男女不限',
    '欢迎少数民族务工人员，提供清真食堂',
    '提供男女分开宿舍',
    '接受残疾人，岗位适合听力残疾',
    '招收临夏、和政籍务工人员专列直达',
    '女装缝纫工',
  ])('accepts 「%s」', (text) => {
    expect(findDiscrimination({ description: text })).toEqual([]);
  });
});
