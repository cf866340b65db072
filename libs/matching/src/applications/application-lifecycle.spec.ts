import { Role } from '@daogang/platform';
import { availableActions, mayAct, nextApplicationStatus } from './application-lifecycle.js';
import { APPLICATION_STATUSES } from './application-status.js';

describe('application lifecycle', () => {
  it('walks the happy path from applied to left', () => {
    let s = nextApplicationStatus('applied', 'screen');
    s = nextApplicationStatus(s, 'offer');
    s = nextApplicationStatus(s, 'accept');
    s = nextApplicationStatus(s, 'place');
    s = nextApplicationStatus(s, 'arrive');
    expect(nextApplicationStatus(s, 'leave')).toBe('left');
  });

  it('refuses moves the machine does not have, naming the state in Chinese', () => {
    expect(() => nextApplicationStatus('applied', 'accept')).toThrow('当前状态“已报名”不能接受');
    expect(() => nextApplicationStatus('arrived', 'withdraw')).toThrow(/不能撤回/);
  });

  it('ends in the terminal states', () => {
    for (const terminal of ['left', 'declined', 'withdrawn', 'rejected'] as const) {
      for (const role of Object.values(Role)) expect(availableActions(terminal, role)).toEqual([]);
    }
  });

  it('leaves the decision on an offer to the worker (or a broker for them), never the employer', () => {
    expect(mayAct(Role.Worker, 'accept')).toBe(true);
    expect(mayAct(Role.Broker, 'accept')).toBe(true);
    expect(mayAct(Role.Employer, 'accept')).toBe(false);
    expect(mayAct(Role.Worker, 'offer')).toBe(false);
    expect(availableActions('offered', Role.Worker).sort()).toEqual(['accept', 'decline', 'withdraw']);
  });

  it('knows every status', () => {
    for (const s of APPLICATION_STATUSES) expect(() => availableActions(s, Role.Admin)).not.toThrow();
  });
});
