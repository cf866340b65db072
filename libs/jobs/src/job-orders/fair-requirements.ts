/**
 * 就业促进法 (Employment Promotion Law) art. 3, 27, 28, 31: no discrimination by sex, ethnicity or region of
 * origin (户籍). Requirements written into a job order that do so are refused, with a message that says why.
 * Matches are on normalised text (no spaces) so 「限 男 性」 does not slip through.
 */
interface Rule { pattern: RegExp; why: string }

const SEX = '招聘不得限定或优先某一性别（《就业促进法》第二十七条）';
const ETHNIC = '招聘不得因民族排斥或限定求职者（《就业促进法》第三条、第二十八条）';
const REGION = '招聘不得限定或排斥某地户籍、某地人员（《就业促进法》第三条、第三十一条）';

const RULES: Rule[] = [
  { pattern: /(限|只|仅|只招|仅招|只要|仅限|要求)(男|女)(性|士|工|生)?(?!装|鞋)/, why: SEX },
  { pattern: /(男|女)(性|士|工)?(优先|为主|勿扰|免谈|不要|不招)/, why: SEX },
  { pattern: /(不招|不要|不收|谢绝|拒收)(男|女)(性|士|工|生)?/, why: SEX },
  { pattern: /(未婚|未育|已婚已育)(优先|者|女性)?/, why: SEX },
  { pattern: /(限|只|仅|只招|仅招|仅限)汉族/, why: ETHNIC },
  { pattern: /(不招|不要|不收|谢绝|拒收)[^，。,;；]{0,4}(族|少数民族|回民)/, why: ETHNIC },
  { pattern: /少数民族(勿扰|免谈|不要|除外)/, why: ETHNIC },
  { pattern: /(限|只|仅|仅限)(本地|本市|本省|本县|城镇)(户口|户籍|人)/, why: REGION },
  { pattern: /(不招|不要|不收|谢绝|拒收)[^，。,;；]{0,6}(籍|人|户口)(?!员)/, why: REGION },
  { pattern: /(农村|外地|外省)(户口|户籍|人)?(勿扰|免谈|不要|除外)/, why: REGION },
];

export interface FairnessProblem {
  field: string;
  message: string;
}

/** Checks each text field; returns one problem per field, naming the words that were found and why. */
export function findDiscrimination(fields: Record<string, string | string[] | undefined>): FairnessProblem[] {
  const problems: FairnessProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = (Array.isArray(value) ? value.join('，') : value).replace(/\s+/g, '');
    for (const rule of RULES) {
      const hit = text.match(rule.pattern);
      if (hit) {
        problems.push({ field, message: `「${hit[0]}」：${rule.why}` });
        break;
      }
    }
  }
  return problems;
}
