import { makeIdNumber } from '@daogang/registry';

const SURNAMES = ['马', '冶', '何', '韩', '王', '张', '马', '苏', '冉', '向', '谭', '田', '李', '陈'];
const GIVEN = ['小军', '海军', '秀兰', '玉梅', '建国', '志强', '春燕', '国平', '文斌', '晓红', '德胜', '明', '芳', '静'];

let sequence = 100;

/** A realistic worker of a county (ID number with a valid check digit, adult, unique per call). */
export function workerInput(countyCode = '622925', overrides: Record<string, unknown> = {}) {
  sequence += 2;
  const year = 1970 + (sequence % 35);
  const month = String(1 + (sequence % 12)).padStart(2, '0');
  const day = String(1 + (sequence % 28)).padStart(2, '0');
  const name = SURNAMES[sequence % SURNAMES.length] + GIVEN[(sequence * 7) % GIVEN.length];
  return {
    name,
    idNumber: makeIdNumber(countyCode, `${year}-${month}-${day}`, sequence % 1000),
    homeCountyCode: countyCode,
    township: '城关镇',
    village: '陈家集村',
    mobile: `139${String(10000000 + sequence * 37).slice(-8)}`,
    ...overrides,
  };
}
