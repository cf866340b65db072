import { caseDueInDays, riskReasons, VisitFacts } from './risk-rules.js';

const fine: VisitFacts = { stillEmployed: true, wagePaidOnTime: true, monthlyWage: 6000, problems: [], intentToLeave: false, needsHelp: false };

describe('risk rules', () => {
  it('a visit where all is well flags nothing', () => {
    expect(riskReasons(fine, 6000)).toEqual([]);
    expect(riskReasons({ ...fine, problems: ['homesick'] }, null)).toEqual([]);
  });

  it('flags arrears whether ticked as a problem or as wages not paid on time', () => {
    expect(riskReasons({ ...fine, problems: ['wage_arrears'] }, null)).toEqual(['wage_arrears']);
    expect(riskReasons({ ...fine, wagePaidOnTime: false }, null)).toEqual(['wage_arrears']);
  });

  it('flags a wage down 20 % or more against the previous visit, not 19 %', () => {
    expect(riskReasons({ ...fine, monthlyWage: 4800 }, 6000)).toEqual(['wage_drop']);
    expect(riskReasons({ ...fine, monthlyWage: 4900 }, 6000)).toEqual([]);
    expect(riskReasons({ ...fine, monthlyWage: 3000 }, null)).toEqual([]);
  });

  it('flags intent to leave, injury, a call for help and a lost job, with urgent ones due sooner', () => {
    const all = riskReasons({ ...fine, stillEmployed: false, problems: ['injury'], intentToLeave: true, needsHelp: true }, null);
    expect(all).toEqual(['left_job', 'injury', 'intent_to_leave', 'needs_help']);
    expect(caseDueInDays(['intent_to_leave'])).toBe(7);
    expect(caseDueInDays(['intent_to_leave', 'injury'])).toBe(2);
  });
});
