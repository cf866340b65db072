import { emptyTally, regroup, rowOf, sortRows, tallyOf } from './retention-report.js';

describe('retention report rows', () => {
  it('rates: retained / eligible, done / (done + overdue + due past their day), overdue / due; null with nothing to count', () => {
    const row = rowOf('k', '某企业', {
      ...emptyTally(), placements: 7, arrived: 6, eligible_30: 6, retained_30: 5, eligible_90: 6, retained_90: 4, eligible_180: 0, retained_180: 0,
      done: 18, overdue: 4, open: 3, late: 2,
    });
    expect(row).toMatchObject({
      placements: 7, arrived: 6,
      retained30: { eligible: 6, retained: 5, rate: 0.8333 }, retained90: { eligible: 6, retained: 4, rate: 0.6667 },
      retained180: { eligible: 0, retained: 0, rate: null },
      followUpsDue: 25, done: 18, overdue: 4, dueLate: 2, completionRate: 0.75, overdueRate: 0.16,
    });
    expect(rowOf('k', '空', emptyTally())).toMatchObject({ completionRate: null, overdueRate: null, followUpsDue: 0 });
  });

  it('reads the sums PostgreSQL answers as strings, and null as 0', () => {
    expect(tallyOf({ key: 'x', placements: '12', arrived: '10', done: null, late: '3' })).toMatchObject({ placements: 12, arrived: 10, done: 0, late: 3 });
  });

  it('counties fold into their city by adding their tallies', () => {
    const a = { ...emptyTally(), placements: 2, done: 1 };
    const b = { ...emptyTally(), placements: 3, done: 4 };
    const c = { ...emptyTally(), placements: 1 };
    const cities = regroup(new Map([['350211', a], ['350206', b], ['330402', c]]), (county) => county.slice(0, 4) + '00');
    expect([...cities]).toEqual([['350200', expect.objectContaining({ placements: 5, done: 5 })], ['330400', expect.objectContaining({ placements: 1 })]]);
  });

  it('months in order, anything else by placements (most first), then by name', () => {
    const r = (key: string, label: string, placements: number) => rowOf(key, label, { ...emptyTally(), placements });
    expect(sortRows([r('2026-03', '2026-03', 9), r('2026-01', '2026-01', 1)], true).map((x) => x.key)).toEqual(['2026-01', '2026-03']);
    expect(sortRows([r('a', '乙', 2), r('b', '甲', 5), r('c', '丙', 2)], false).map((x) => x.placements)).toEqual([5, 2, 2]);
  });
});
