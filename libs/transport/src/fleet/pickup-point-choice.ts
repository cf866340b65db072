import type { PickupPoint } from '../entities/pickup-point.entity.js';

/**
 * Where a worker of a township boards, among the active points of their county: the township's own point, else the
 * county bus station, else any point of the county — a county-wide one (a railway station) before another township's —
 * else none. Ties go to the oldest point.
 */
export function choosePickupPoint<P extends Pick<PickupPoint, 'kind' | 'township' | 'active' | 'createdAt' | 'id'>>(
  countyPoints: P[],
  township: string,
): P | null {
  const active = countyPoints.filter((p) => p.active).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const wanted = township.trim();
  return (
    (wanted ? active.find((p) => p.kind === 'township_point' && p.township === wanted) : undefined)
    ?? active.find((p) => p.kind === 'county_station')
    ?? active.find((p) => !p.township)
    ?? active[0]
    ?? null
  );
}

/** The key `pointsFor` answers under: `622925|城关镇`. */
export const homeKey = (countyCode: string, township: string): string => `${countyCode}|${township.trim()}`;
