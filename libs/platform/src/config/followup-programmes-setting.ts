import { registerDecorator } from 'class-validator';

/**
 * 回访 programmes (libs/followup/src/schedule): the days after arrival at which a placement's follow-ups fall due, per
 * programme. `default` is required; `local` applies to placements in the worker's home county (the default's days
 * when absent). Validated here, below the followup lib, so a bad value stops the start like every other setting.
 */
export type FollowUpProgrammes = Record<string, number[]> & { default: number[]; local: number[] };

export const DEFAULT_FOLLOWUP_PROGRAMMES = '{"default":[3,7,30,90,180],"local":[3,30,90,180]}';

/** Ten years: beyond that a "follow-up" is a typo (the column is a smallint). */
const MAX_DAY = 3650;
/** The follow_ups.programme column. */
const NAME = /^[a-z][a-z0-9_]{0,23}$/;
const EXAMPLE = 'such as {"default":[3,7,30,90,180],"local":[3,30,90,180]}';

/** `{"default":[3,7,30],"local":[3,30]}` → the programmes (with `local` filled in), or the first problem, worded for an operator. */
export function parseFollowUpProgrammes(raw: string): { programmes: FollowUpProgrammes } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: `FOLLOWUP_PROGRAMMES must be a JSON object ${EXAMPLE}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: `FOLLOWUP_PROGRAMMES must be a JSON object ${EXAMPLE}` };
  }
  const programmes: Record<string, number[]> = {};
  for (const [name, days] of Object.entries(value)) {
    if (!NAME.test(name)) return { problem: `FOLLOWUP_PROGRAMMES: programme name "${name}" must be lower-case letters, digits or _ (at most 24)` };
    if (!Array.isArray(days) || days.length === 0) return { problem: `FOLLOWUP_PROGRAMMES: "${name}" must be a non-empty list of days` };
    for (let i = 0; i < days.length; i++) {
      const day: unknown = days[i];
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > MAX_DAY) {
        return { problem: `FOLLOWUP_PROGRAMMES: "${name}" days must be whole numbers from 1 to ${MAX_DAY}, got ${JSON.stringify(day)}` };
      }
      if (i > 0 && day <= (days[i - 1] as number)) {
        return { problem: `FOLLOWUP_PROGRAMMES: "${name}" days must be in ascending order without repeats, got ${JSON.stringify(days)}` };
      }
    }
    programmes[name] = days as number[];
  }
  if (!programmes.default) return { problem: `FOLLOWUP_PROGRAMMES needs a "default" programme, ${EXAMPLE}` };
  return { programmes: { ...programmes, default: programmes.default, local: programmes.local ?? programmes.default } };
}

/** Class-validator rule for the AppConfig field: the message names the exact problem. */
export function IsFollowUpProgrammes(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFollowUpProgrammes',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && 'programmes' in parseFollowUpProgrammes(value),
        defaultMessage: (args) => {
          const result = typeof args?.value === 'string' ? parseFollowUpProgrammes(args.value) : undefined;
          return result && 'problem' in result ? result.problem : `FOLLOWUP_PROGRAMMES must be a JSON object ${EXAMPLE}`;
        },
      },
    });
}
