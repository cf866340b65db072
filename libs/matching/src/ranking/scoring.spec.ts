import { ConfigValidationError, loadConfig } from '@daogang/platform';
import { ageOn, EmploymentStatus } from '@daogang/registry';
import { birthWindow, inBirthWindow, retirementAgeMonths, retirementDay } from './legal-age.js';
import { addMonths, dateOfDay, dayNumber, type OrderFacts, type PlaceRelation, type WorkerFacts } from './match-facts.js';
import { DEFAULT_MATCH_WEIGHTS, resolveMatchWeights } from './match-weights.js';
import { maskName } from '@daogang/platform';
import {
  availabilityValue, CATEGORY_VALUES, CategoryFit, DESTINATION_VALUES, destinationFit, DestinationFit, distanceValue, hardRuleFailure,
  priorityValue, scoreMatch, skillsValue, tenureValue, wageValue,
} from './scoring.js';
import { TopK } from './top-k.js';

const TODAY = '2026-11-26';

function worker(patch: Partial<WorkerFacts> = {}): WorkerFacts {
  return {
    id: '00000000-0000-4000-8000-000000000001', birthDate: '1994-05-10', sex: 'M', homeCountyCode: '622921',
    registeredPoor: false, zeroEmployment: false, cameHomeOn: null, disabilityGrade: null,
    skills: ['电焊', '叉车'], certificates: [], wishCategories: ['电子厂'], wishProvinces: [], wishCities: ['350200'],
    minMonthlyWage: 5000, wantsToMove: true, availableFrom: '2027-02-20', employmentStatus: EmploymentStatus.NotEmployed,
    placed: false, tenureDays: {}, ...patch,
  };
}

function order(patch: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: '00000000-0000-4000-8000-0000000000aa', category: '电子厂', workCountyCode: '350211', lng: null, lat: null,
    wageMin: 5500, wageMax: 7000, startDate: '2027-03-01', ageMin: 18, ageMax: 55, requiredSkills: [], requiredCertificates: [],
    trainingOffered: false, accessible: false, ...patch,
  };
}

const XIAMEN: PlaceRelation = {
  sameCounty: false, sameProvince: false, distanceKm: 1850, pairing: '临夏县—厦门市', workCityCode: '350200', workProvinceCode: '350000',
  workPlaceName: '厦门市集美区',
};
const weights = resolveMatchWeights();

describe('legal working age', () => {
  it.each([
    ['1964-12-15', 'M', 720], ['1965-01-01', 'M', 721], ['1965-04-30', 'M', 721], ['1965-05-01', 'M', 722], ['1976-08-01', 'M', 755],
    ['1976-09-01', 'M', 756], ['1990-01-01', 'M', 756],
    ['1974-12-31', 'F', 600], ['1975-01-01', 'F', 601], ['1975-03-01', 'F', 602], ['1984-11-01', 'F', 660], ['1995-06-01', 'F', 660],
  ] as const)('born %s (%s): statutory retirement at %i months of age (2024 decision, from 2025)', (birth, sex, months) => {
    expect(retirementAgeMonths(birth, sex)).toBe(months);
  });

  it('the birth window is exactly: 16 or ageMin to ageMax at the start day, before the retirement day', () => {
    const starts = ['2027-03-01', '2028-02-29', '2027-12-31', '2026-01-01'];
    const ranges: Array<[number, number]> = [[18, 55], [16, 70], [20, 35], [14, 45]];
    let checked = 0;
    for (const start of starts) {
      for (const [ageMin, ageMax] of ranges) {
        for (const sex of ['M', 'F'] as const) {
          const window = birthWindow(start, ageMin, ageMax, sex);
          // every birth day of the 75 years before the start, and a little after
          for (let day = dayNumber(start) - 366 * 75; day <= dayNumber(start) + 10; day++) {
            const birth = dateOfDay(day);
            const age = ageOn(new Date(birth), new Date(start));
            const expected = age >= Math.max(16, ageMin) && age <= ageMax && dayNumber(start) < retirementDay(birth, sex);
            if (inBirthWindow(birth, window) !== expected) throw new Error(`${start} ${ageMin}-${ageMax} ${sex} born ${birth}: expected ${expected}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(800_000);
  });

  it('adds months the way birthdays fall: 31 January + 1 month is the end of February', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', -12 * 18)).toBe('2010-02-28');
    expect(addMonths('1965-01-15', 721)).toBe('2025-02-15');
  });
});

describe('hard rules', () => {
  it.each([
    ['placed (an accepted, placed or arrived application)', worker({ placed: true, employmentStatus: EmploymentStatus.EmployedOutOfProvince }), order(), 'placed'],
    ['employed: not looking', worker({ employmentStatus: EmploymentStatus.PublicWelfarePost }), order(), 'status'],
    ['a required certificate missing', worker({ certificates: ['电工证'] }), order({ requiredCertificates: ['电工证', '焊工证'] }), 'certificates'],
    ['older than the order allows', worker({ birthDate: '1970-01-01' }), order({ ageMax: 45 }), 'age'],
    ['younger than 16 even when the order says 14', worker({ birthDate: '2011-06-01' }), order({ ageMin: 14 }), 'age'],
    ['a woman past the statutory retirement age', worker({ birthDate: '1975-06-01', sex: 'F' }), order({ ageMax: 55 }), 'age'],
    ['severe disability, order not accessible', worker({ disabilityGrade: 2 }), order(), 'accessibility'],
  ] as const)('%s → %s', (_what, w, o, rule) => {
    expect(hardRuleFailure(w, o)).toBe(rule);
  });

  it('lets through: in training, all certificates held, a man of 52, a mild disability, a severe one for an accessible order', () => {
    expect(hardRuleFailure(worker({ employmentStatus: EmploymentStatus.InTraining }), order())).toBeNull();
    expect(hardRuleFailure(worker({ certificates: ['电工证', '焊工证'] }), order({ requiredCertificates: ['焊工证'] }))).toBeNull();
    expect(hardRuleFailure(worker({ birthDate: '1975-01-01' }), order())).toBeNull();
    expect(hardRuleFailure(worker({ disabilityGrade: 3 }), order())).toBeNull();
    expect(hardRuleFailure(worker({ disabilityGrade: 1 }), order({ accessible: true }))).toBeNull();
  });

  it('reports the first rule failed, in the documented order', () => {
    const everything = worker({ placed: true, employmentStatus: EmploymentStatus.SelfEmployed, birthDate: '1950-01-01', disabilityGrade: 1 });
    expect(hardRuleFailure(everything, order({ requiredCertificates: ['电工证'] }))).toBe('placed');
    expect(hardRuleFailure({ ...everything, placed: false }, order({ requiredCertificates: ['电工证'] }))).toBe('status');
  });
});

describe('component values', () => {
  it('skills: held / required; a missing one counts half when the employer trains; no requirement is full marks', () => {
    expect(skillsValue(0, 0, false)).toBe(1);
    expect(skillsValue(3, 2, false)).toBeCloseTo(2 / 3);
    expect(skillsValue(2, 1, true)).toBe(0.75);
    expect(skillsValue(2, 0, false)).toBe(0);
  });

  it('category: exact > related > no wish given > another category', () => {
    expect(CATEGORY_VALUES[CategoryFit.Exact]).toBeGreaterThan(CATEGORY_VALUES[CategoryFit.Related]);
    expect(CATEGORY_VALUES[CategoryFit.Related]).toBeGreaterThan(CATEGORY_VALUES[CategoryFit.NoWish]);
    expect(CATEGORY_VALUES[CategoryFit.NoWish]).toBeGreaterThan(CATEGORY_VALUES[CategoryFit.Other]);
  });

  it('destination: a wished city is best; unwilling to move and far away is low', () => {
    const fit = (...args: Parameters<typeof destinationFit>) => DESTINATION_VALUES[destinationFit(...args)];
    expect(destinationFit(true, false, true, false, false, false)).toBe(DestinationFit.WishedCity);
    expect(fit(false, true, true, false, false, true)).toBe(0.85);
    expect(fit(false, false, true, false, false, true)).toBe(0.1); // wished somewhere else
    expect(fit(false, false, false, false, false, true)).toBe(0.7); // no wish, willing
    expect(fit(false, false, false, false, false, false)).toBe(0.1); // no wish, unwilling, another province
    expect(fit(false, false, false, false, true, false)).toBe(0.4); // no wish, unwilling, same province
    expect(fit(false, false, false, true, true, false)).toBe(1); // home county
  });

  it('wage: continuous from "lower bound meets the wish" down to 20 % short', () => {
    expect(wageValue(NaN, 5000, 6000)).toBe(0.7);
    expect(wageValue(5000, 5000, 6000)).toBe(1);
    expect(wageValue(5500, 5000, 6000)).toBeCloseTo(0.8);
    expect(wageValue(6000, 5000, 6000)).toBeCloseTo(0.6);
    expect(wageValue(6000.0001, 5000, 6000)).toBeCloseTo(0.6, 3);
    expect(wageValue(7500, 5000, 6000)).toBe(0);
    expect(wageValue(5000, 5000, 5000)).toBe(1);
  });

  it('distance: 1 at the door, half at 500 km; availability: on time is full, 60 days late is nothing', () => {
    expect(distanceValue(0)).toBe(1);
    expect(distanceValue(500)).toBe(0.5);
    expect(distanceValue(NaN)).toBe(0.5);
    const start = dayNumber('2027-03-01');
    expect(availabilityValue(start - 5, start)).toBe(1);
    expect(availabilityValue(start + 30, start)).toBe(0.5);
    expect(availabilityValue(start + 90, start)).toBe(0);
    expect(availabilityValue(NaN, start)).toBe(0.8);
  });

  it('priority: zero-employment household > came home > registered poor, and cases add up to 1', () => {
    const zero = priorityValue(true, false, false);
    const home = priorityValue(false, true, false);
    const poor = priorityValue(false, false, true);
    expect(zero).toBeGreaterThan(home);
    expect(home).toBeGreaterThan(poor);
    expect(poor).toBeGreaterThan(priorityValue(false, false, false));
    expect(priorityValue(true, false, true)).toBeGreaterThan(zero);
    expect(priorityValue(true, true, true)).toBe(1);
    expect(priorityValue(false, true, true)).toBeLessThan(zero);
  });

  it('tenure: a year in the same category earns it all', () => {
    expect(tenureValue(0)).toBe(0);
    expect(tenureValue(182.5)).toBe(0.5);
    expect(tenureValue(900)).toBe(1);
  });
});

describe('scoreMatch', () => {
  it('explains every component in one Chinese line, and the points add up to the total', () => {
    const score = scoreMatch(
      worker({ skills: ['电焊', '叉车'], zeroEmployment: true, registeredPoor: true, tenureDays: { 电子厂: 240 } }),
      order({ requiredSkills: ['电焊', '叉车', '电工'] }),
      XIAMEN, weights, TODAY,
    );
    const byKey = Object.fromEntries(score.parts.map((p) => [p.key, p]));
    expect(byKey.skills.explanation).toBe('技能匹配 2/3（电焊、叉车），缺电工');
    expect(byKey.pairing.explanation).toBe('临夏县—厦门市 东西部协作结对');
    expect(byKey.priority.explanation).toBe('零就业家庭优先；建档立卡');
    expect(byKey.category.explanation).toBe('意向工种：电子厂');
    expect(byKey.destination.explanation).toBe('意向城市包含工作地（厦门市集美区）');
    expect(byKey.wage.explanation).toBe('月薪5500–7000元，不低于期望5000元');
    expect(byKey.distance.explanation).toBe('距工作地约1,850公里');
    expect(byKey.availability.explanation).toBe('2027-02-20可到岗，不晚于开工日期');
    expect(byKey.tenure.explanation).toBe('曾在电子厂类岗位工作约8个月');
    expect(score.parts.map((p) => p.key)).toEqual(Object.keys(DEFAULT_MATCH_WEIGHTS));
    expect(score.total).toBeCloseTo(score.parts.reduce((s, p) => s + p.points, 0), 10);
    expect(byKey.skills.points).toBeCloseTo((20 * 2) / 3);
    expect(score.total).toBeGreaterThan(0);
    expect(score.total).toBeLessThan(100);
  });

  it('a perfect match scores 100, and a worse one less in the component that differs', () => {
    const home: PlaceRelation = { ...XIAMEN, distanceKm: 0, sameCounty: true, sameProvince: true };
    const best = worker({ zeroEmployment: true, registeredPoor: true, cameHomeOn: '2026-10-01', tenureDays: { 电子厂: 400 } });
    expect(scoreMatch(best, order(), home, weights, TODAY).total).toBeCloseTo(100, 10);
    // 7,000 is 22 % short of 9,000: the wage component (12 points) is lost, nothing else.
    const lessWage = scoreMatch({ ...best, minMonthlyWage: 9000 }, order(), home, weights, TODAY);
    expect(lessWage.total).toBeCloseTo(100 - 12, 10);
  });

  it('came home counts for a year after the change', () => {
    const recent = scoreMatch(worker({ cameHomeOn: '2026-06-01' }), order(), XIAMEN, weights, TODAY).parts.find((p) => p.key === 'priority')!;
    const old = scoreMatch(worker({ cameHomeOn: '2025-06-01' }), order(), XIAMEN, weights, TODAY).parts.find((p) => p.key === 'priority')!;
    expect(recent.explanation).toBe('返乡人员需再就业（2026-06-01返乡）');
    expect(old.points).toBe(0);
  });
});

describe('weights', () => {
  const env = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/daogang', JWT_ACCESS_SECRET: 'a'.repeat(32), JWT_REFRESH_SECRET: 'b'.repeat(32),
    PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`, PII_HASH_SECRET: 'c'.repeat(32),
  };
  const problems = (value: string) => {
    try {
      loadConfig({ ...env, MATCH_WEIGHTS: value });
      return [];
    } catch (error) {
      if (error instanceof ConfigValidationError) return error.problems;
      throw error;
    }
  };

  it('defaults add up to 100; overrides are scaled so the total stays 0–100', () => {
    expect(Object.values(DEFAULT_MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const w = resolveMatchWeights(loadConfig({ ...env, MATCH_WEIGHTS: '{"priority": 76, "tenure": 0}' }).matchWeights);
    // 76 of 76 + (100 − 14 − 10)
    expect(w.weights.priority).toBe(76);
    expect(w.points.priority).toBeCloseTo(50);
    expect(w.points.tenure).toBe(0);
    expect(Object.values(w.points).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });

  it('refuses, at start, unknown components, negatives, non-numbers and anything but a JSON object', () => {
    expect(problems('{"skill": 10}')).toEqual([expect.stringContaining('MATCH_WEIGHTS is malformed: MATCH_WEIGHTS: unknown component "skill" (known: skills, category')]);
    expect(problems('{"wage": -1}')).toEqual([expect.stringContaining('"wage" must be a number from 0 to 1000, got -1')]);
    expect(problems('{"wage": "10"}')).toEqual([expect.stringContaining('"wage" must be a number')]);
    expect(problems('[1, 2]')).toEqual([expect.stringContaining('must be a JSON object')]);
    expect(problems('priority=20')).toEqual([expect.stringContaining('must be a JSON object')]);
    expect(problems('')).toEqual([]);
    expect(() => resolveMatchWeights(Object.fromEntries(Object.keys(DEFAULT_MATCH_WEIGHTS).map((k) => [k, 0])))).toThrow(ConfigValidationError);
  });
});

describe('helpers', () => {
  it('masks a name to the family name', () => {
    expect(maskName('马小军')).toBe('马**');
    expect(maskName('马明')).toBe('马*');
    expect(maskName('阿依古丽·买买提')).toBe('阿*******');
  });

  it('TopK keeps the k best, ties broken by the lower ordinal', () => {
    const scores = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 97) / 3);
    const top = new TopK(25);
    scores.forEach((s, i) => top.offer(s, i));
    const expected = scores.map((score, ordinal) => ({ score, ordinal })).sort((a, b) => b.score - a.score || a.ordinal - b.ordinal).slice(0, 25);
    expect(top.drain()).toEqual(expected);
  });
});
