import { ID_NUMBER_MESSAGES, makeIdNumber, parseIdNumber } from './id-number.js';

const today = new Date('2026-11-25T00:00:00Z');

describe('ID-card number (GB 11643)', () => {
  it('accepts a valid number and derives birth date, sex and region', () => {
    const id = makeIdNumber('622925', '1990-03-15', 123); // sequence 123: odd → male
    expect(parseIdNumber(id, today)).toEqual({ value: id, regionCode: '622925', birthDate: '1990-03-15', sex: 'M' });
    expect(parseIdNumber(makeIdNumber('422801', '1988-12-01', 124), today)).toMatchObject({ sex: 'F' });
  });

  it('accepts the published example with an X check character', () => {
    // GB 11643 example: 11010519491231002X
    expect(parseIdNumber('11010519491231002x', today)).toMatchObject({ value: '11010519491231002X', sex: 'F', birthDate: '1949-12-31' });
  });

  it('normalises full-width digits and spaces', () => {
    expect(parseIdNumber('１１０１０５ 1949 1231 002Ｘ', today)).toMatchObject({ value: '11010519491231002X' });
  });

  it.each([
    ['12345', 'format'],
    ['1101051949123100A1', 'format'],
    ['110105194912310021', 'checksum'],
    [makeIdNumber('622925', '1990-02-30', 1), 'birth_date'],
    [makeIdNumber('622925', '2030-01-01', 1), 'birth_date'],
    [makeIdNumber('622925', '2011-01-01', 1), 'too_young'],
  ])('refuses %s (%s) with a message', (input, problem) => {
    expect(parseIdNumber(input, today)).toBe(problem);
    expect(ID_NUMBER_MESSAGES[problem as keyof typeof ID_NUMBER_MESSAGES]).toMatch(/身份证|周岁/);
  });

  it('is 16 on the birthday, not the day before', () => {
    expect(parseIdNumber(makeIdNumber('622925', '2010-11-25', 1), today)).toMatchObject({ birthDate: '2010-11-25' });
    expect(parseIdNumber(makeIdNumber('622925', '2010-11-26', 1), today)).toBe('too_young');
  });
});
