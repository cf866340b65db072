import { ConfigValidationError, MATCH_WEIGHT_KEYS, type MatchWeightKey, type MatchWeightOverrides } from '@daogang/platform';

/**
 * Default weight of each score component (docs/matching.md explains each). They add up to 100, so with the defaults a
 * component's points are its weight times its value in [0, 1]. `MATCH_WEIGHTS` overrides any of them; the total is
 * always scaled back to 0–100.
 */
export const DEFAULT_MATCH_WEIGHTS: Readonly<Record<MatchWeightKey, number>> = Object.freeze({
  skills: 20,
  category: 12,
  destination: 10,
  wage: 12,
  distance: 6,
  pairing: 8,
  availability: 8,
  priority: 14,
  tenure: 10,
});

/** Weights in force, and the points each component is worth out of 100. */
export interface MatchWeights {
  readonly weights: Readonly<Record<MatchWeightKey, number>>;
  /** 100 · weight / Σ weights: a component's points are `points[key] · value`. */
  readonly points: Readonly<Record<MatchWeightKey, number>>;
}

/** Nest token of the weights in force. */
export const MATCH_WEIGHTS = Symbol('MATCH_WEIGHTS');

/** Defaults with the configured overrides; refuses weights that add up to nothing. */
export function resolveMatchWeights(overrides: MatchWeightOverrides = {}): MatchWeights {
  const weights = { ...DEFAULT_MATCH_WEIGHTS, ...overrides };
  const sum = MATCH_WEIGHT_KEYS.reduce((s, key) => s + weights[key], 0);
  if (!(sum > 0)) throw new ConfigValidationError(['MATCH_WEIGHTS is malformed: at least one component needs a weight above 0']);
  const points = Object.fromEntries(MATCH_WEIGHT_KEYS.map((key) => [key, (100 * weights[key]) / sum])) as Record<MatchWeightKey, number>;
  return { weights: Object.freeze(weights), points: Object.freeze(points) };
}
