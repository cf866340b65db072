import { ConfigValidationError, loadConfig } from '@daogang/platform';

const valid = {
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PII_HASH_SECRET: 'c'.repeat(32),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...valid, ...env });
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('follow-up settings (FOLLOWUP_PROGRAMMES, FOLLOWUP_GRACE_DAYS, FOLLOWUP_ESCALATE_DAYS)', () => {
  it('defaults to days 3, 7, 30, 90, 180 (local: 3, 30, 90, 180), 3 days of grace, escalation after 7', () => {
    const config = loadConfig(valid);
    expect(config.followUpProgrammes).toEqual({ default: [3, 7, 30, 90, 180], local: [3, 30, 90, 180] });
    expect(config.FOLLOWUP_GRACE_DAYS).toBe(3);
    expect(config.FOLLOWUP_ESCALATE_DAYS).toBe(7);
    expect(loadConfig({ ...valid, FOLLOWUP_PROGRAMMES: '' }).followUpProgrammes.default).toEqual([3, 7, 30, 90, 180]);
  });

  it('takes other programmes; without `local` the local placements follow the default', () => {
    const config = loadConfig({ ...valid, FOLLOWUP_PROGRAMMES: '{"default":[7,30,180],"public_welfare":[30,365]}', FOLLOWUP_GRACE_DAYS: '0' });
    expect(config.followUpProgrammes).toEqual({ default: [7, 30, 180], local: [7, 30, 180], public_welfare: [30, 365] });
    expect(config.FOLLOWUP_GRACE_DAYS).toBe(0);
  });

  it.each([
    ['not JSON', '3,7,30', /must be a JSON object/],
    ['an array', '[3,7,30]', /must be a JSON object/],
    ['no default', '{"local":[3,30]}', /needs a "default" programme/],
    ['a zero day', '{"default":[0,7]}', /whole numbers from 1 to 3650, got 0/],
    ['a fraction', '{"default":[3.5,7]}', /whole numbers/],
    ['a string day', '{"default":["3",7]}', /whole numbers/],
    ['days out of order', '{"default":[7,3,30]}', /ascending order without repeats/],
    ['a repeated day', '{"default":[3,3,30]}', /ascending order without repeats/],
    ['an empty programme', '{"default":[3],"local":[]}', /"local" must be a non-empty list/],
    ['a bad name', '{"default":[3],"Local Plan":[3]}', /programme name "Local Plan"/],
  ])('stops the start on %s, naming the problem', (_, value, message) => {
    const problems = problemsOf({ FOLLOWUP_PROGRAMMES: value });
    expect(problems).toEqual([expect.stringMatching(/^FOLLOWUP_PROGRAMMES is malformed: /)]);
    expect(problems[0]).toMatch(message);
  });

  it('refuses negative grace and escalation after zero days', () => {
    expect(problemsOf({ FOLLOWUP_GRACE_DAYS: '-1', FOLLOWUP_ESCALATE_DAYS: '0' }).map((p) => p.split(' ')[0]).sort())
      .toEqual(['FOLLOWUP_ESCALATE_DAYS', 'FOLLOWUP_GRACE_DAYS']);
  });
});
