import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Mainland China mobile number: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Accepts `139 1234 5678`, `139-1234-5678`, `+86 13912345678`, full-width digits. */
export function normaliseMobile(input: string): string {
  const halfWidth = input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const digits = halfWidth.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return digits;
}

export function isMobile(input: string): boolean {
  return MOBILE_PATTERN.test(input);
}

/** DTO decorator: normalises, then requires a mainland mobile number. */
export function IsMobile(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => (typeof value === 'string' ? normaliseMobile(value) : value))(target, key);
    Matches(MOBILE_PATTERN, { message: '请输入11位中国大陆手机号，例如 13912345678' })(target, key);
  };
}
