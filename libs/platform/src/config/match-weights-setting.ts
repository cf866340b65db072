import { registerDecorator } from 'class-validator';

/**
 * The components of the matching score (libs/matching/src/ranking, docs/matching.md): the keys `MATCH_WEIGHTS` may
 * set. The names live here, below the matching lib, so that the configuration is validated once at start like every
 * other setting; the default weights and what each component means live with the scoring.
 */
export const MATCH_WEIGHT_KEYS = [
  'skills', 'category', 'destination', 'wage', 'distance', 'pairing', 'availability', 'priority', 'tenure',
] as const;
export type MatchWeightKey = (typeof MATCH_WEIGHT_KEYS)[number];
export type MatchWeightOverrides = Partial<Record<MatchWeightKey, number>>;

/** Largest weight accepted: weights are relative, so anything bigger is a typo rather than an intention. */
const MAX_WEIGHT = 1000;

/** `{"priority": 20, "distance": 4}` → the overrides, or the first problem found, worded for an operator. */
export function parseMatchWeights(raw: string): { weights: MatchWeightOverrides } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: 'MATCH_WEIGHTS must be a JSON object such as {"priority":20,"distance":4}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'MATCH_WEIGHTS must be a JSON object such as {"priority":20,"distance":4}' };
  }
  const weights: MatchWeightOverrides = {};
  for (const [key, weight] of Object.entries(value)) {
    if (!(MATCH_WEIGHT_KEYS as readonly string[]).includes(key)) {
      return { problem: `MATCH_WEIGHTS: unknown component "${key}" (known: ${MATCH_WEIGHT_KEYS.join(', ')})` };
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      return { problem: `MATCH_WEIGHTS: "${key}" must be a number from 0 to ${MAX_WEIGHT}, got ${JSON.stringify(weight)}` };
    }
    weights[key as MatchWeightKey] = weight;
  }
  return { weights };
}

/** Class-validator rule for the AppConfig field: the message names the exact problem. */
export function IsMatchWeights(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMatchWeights',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && 'weights' in parseMatchWeights(value),
        defaultMessage: (args) => {
          const result = typeof args?.value === 'string' ? parseMatchWeights(args.value) : undefined;
          return result && 'problem' in result ? result.problem : 'MATCH_WEIGHTS must be a JSON object of component → weight';
        },
      },
    });
}
