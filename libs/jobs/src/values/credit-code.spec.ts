import { checkCreditCode, makeCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100)', () => {
  it('accepts real published codes', () => {
    // Published on the companies' own sites and the national credit registry.
    expect(checkCreditCode('91350200260130346B')).toBeNull(); // Xiamen C&D Inc. (厦门建发股份)
    expect(checkCreditCode('914403001922038216')).toBeNull(); // Huawei Technologies (华为技术有限公司)
  });

  it('accepts generated codes and refuses a changed check character', () => {
    const code = makeCreditCode('350211', 1234);
    expect(checkCreditCode(code)).toBeNull();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(checkCreditCode(wrong)).toBe('checksum');
  });

  it.each(['', '9135020026013034', '91350200260130346I', '9135020026013034OB', 'ab350200260130346b'.toUpperCase().replace('A', 'I')])(
    'refuses the malformed %s',
    (input) => expect(checkCreditCode(input)).toBe('format'),
  );
});
