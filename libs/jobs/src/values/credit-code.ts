/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Y without I, O, Z, S, V; the last one is a
 * check character (mod 31 with fixed weights).
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'format' | 'checksum';
export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  format: '统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）',
  checksum: '统一社会信用代码校验位不正确，请核对营业执照',
};

export function normaliseCreditCode(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]) * WEIGHTS[i];
  return CHARS[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(input: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(input);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

/** A valid code for a division (tests and demo data). */
export function makeCreditCode(divisionCode: string, serial: number): string {
  const first17 = `91${divisionCode}${String(serial).padStart(9, '0')}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}
