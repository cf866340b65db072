import { makeIdNumber } from '@daogang/registry';

/**
 * Realistic village ledgers of Linxia (Gansu), Enshi (Hubei) and Wanzhou (Chongqing): households of 2–6 members
 * sharing a 户编号, valid ID numbers, unique mobiles, the full set of template columns filled as brokers fill them.
 * Deterministic: row i is always the same row, so the COPY baseline can rebuild exactly the rows imported.
 */
export const LEDGER_HEADER = [
  '姓名', '身份证号', '手机号', '户编号', '县代码', '乡镇', '村', '建档立卡', '文化程度', '技能', '技能说明', '意向工种',
  '期望月薪', '愿意外出', '愿意培训', '愿意创业', '可到岗日期', '就业状态', '紧急联系人', '紧急联系人电话',
];

interface Area { county: string; townships: string[]; villages: string[]; surnames: string[] }
const AREAS: Area[] = [
  { county: '622925', townships: ['城关镇', '三合镇', '买家集镇', '松鸣镇'], villages: ['陈家集村', '三谷村', '新庄村', '罗家集村', '大滩村'], surnames: ['马', '马', '冶', '何', '韩', '苏', '王', '妥'] },
  { county: '622921', townships: ['韩集镇', '土桥镇', '尹集镇'], villages: ['双城村', '大庄村', '前进村', '新发村'], surnames: ['马', '韩', '王', '张', '冶', '何'] },
  { county: '622926', townships: ['锁南镇', '达板镇', '那勒寺镇'], villages: ['红柳村', '东塬村', '科妥村'], surnames: ['马', '妥', '汪', '赵', '冶'] },
  { county: '422801', townships: ['龙凤镇', '白杨坪镇', '盛家坝镇'], villages: ['龙马村', '洞下槽村', '二官寨村', '青堡村'], surnames: ['向', '田', '冉', '谭', '覃', '黄', '杨'] },
  { county: '422802', townships: ['谋道镇', '团堡镇'], villages: ['鱼木村', '野猫水村', '长干村'], surnames: ['牟', '向', '谭', '冉', '李'] },
  { county: '500101', townships: ['龙驹镇', '长岭镇', '分水镇'], villages: ['梨树村', '安溪村', '石碾村', '八角村'], surnames: ['谭', '陈', '刘', '李', '张', '向'] },
];
export const LEDGER_COUNTIES = AREAS.map((a) => a.county);

const GIVEN = ['小军', '海军', '秀兰', '玉梅', '建国', '志强', '春燕', '国平', '文斌', '晓红', '德胜', '明', '芳', '静', '福生', '金花', '海龙', '玉兰', '春生', '大山', '小红', '国庆', '永福', '桂英', '学文', '梅花'];
const EDUCATION = ['小学', '初中', '初中', '初中', '高中', '中专/技校', '大专', '未上学'];
const SKILLS = ['普工', '电焊', '电工', '缝纫', '砌筑', '厨师', '拉面', '驾驶', '叉车', '保洁', '养老护理', '农业种植', '电子装配'];
const CATEGORIES = ['普工', '电子厂', '纺织服装', '建筑', '餐饮', '家政', '物流', '保洁', '制造', '农业'];
const STATUS = ['未就业', '未就业', '未就业', '省外就业', '省外就业', '省内县外就业', '县内就业', '公益性岗位', '参加培训', '自主创业/灵活就业'];
const DAYS = 14_000; // birth dates over ~38 years

/** Small deterministic hash for choices. */
function pick<T>(list: readonly T[], i: number, salt: number): T {
  const h = Math.imul(i ^ (salt * 0x9e3779b9), 0x85ebca6b) >>> 0;
  return list[((h ^ (h >>> 13)) >>> 0) % list.length];
}

/** The household of row i: households of 2–6 members, numbered per county. */
function household(i: number): { no: number; first: number; size: number } {
  // Blocks of 20 rows split into households of 2,3,4,5,6 members.
  const block = Math.floor(i / 20);
  const offset = i % 20;
  const sizes = [2, 3, 4, 5, 6];
  let first = 0;
  for (let k = 0; k < sizes.length; k++) {
    if (offset < first + sizes[k]) return { no: block * 5 + k, first: block * 20 + first, size: sizes[k] };
    first += sizes[k];
  }
  throw new Error('unreachable');
}

const mobileOf = (i: number) => `1${pick(['35', '36', '37', '38', '39', '58', '87', '88'], i, 7)}${String(10_000_000 + i * 3).slice(-8)}`;

/** Row i of the ledger, as the cells of LEDGER_HEADER. */
export function ledgerRow(i: number): string[] {
  const h = household(i);
  const area = AREAS[h.no % AREAS.length];
  const township = h.no % area.townships.length;
  const village = Math.floor(h.no / AREAS.length) % area.villages.length;
  const surname = pick(area.surnames, h.no, 1);
  // (birth day, sequence) is a bijection of i: every ID number is unique.
  const day = (i * 9973) % DAYS;
  const birth = new Date(Date.UTC(1966, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const sequence = Math.floor(i / DAYS) * 2 + (i % 2);
  const status = pick(STATUS, i, 3);
  const skills = [pick(SKILLS, i, 4), pick(SKILLS, i, 5)].filter((s, k, a) => a.indexOf(s) === k);
  const wishes = [pick(CATEGORIES, i, 6), pick(CATEGORIES, i, 8)].filter((s, k, a) => a.indexOf(s) === k);
  const relative = h.first + ((i - h.first + 1) % h.size);
  return [
    surname + pick(GIVEN, i, 2),
    makeIdNumber(area.county, birth, sequence),
    mobileOf(i),
    `${area.county}${String(township + 1).padStart(2, '0')}${String(village + 1).padStart(2, '0')}${String(h.no).padStart(6, '0')}`,
    area.county,
    area.townships[township],
    area.villages[village],
    h.no % 3 === 0 ? '否' : '是',
    pick(EDUCATION, i, 9),
    skills.join('、'),
    i % 5 === 0 ? '有电工证，会开叉车' : '',
    wishes.join('、'),
    String(3000 + (i % 12) * 500),
    i % 3 === 0 ? '否' : '是',
    i % 4 === 0 ? '是' : '否',
    i % 10 === 0 ? '是' : '否',
    status === '未就业' ? `2027-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}` : '',
    status,
    surname + pick(GIVEN, relative, 2),
    mobileOf(relative),
  ];
}

export function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',') + '\r\n';
}
