import { Injectable } from '@nestjs/common';
import { RegionsService } from '@daogang/registry';
import type { OrderFacts, PlaceRelation } from './match-facts.js';

const EARTH_RADIUS_KM = 6371.0088;
const CACHE_LIMIT = 200_000;

/**
 * How a worker's home county stands to a workplace: same county or province, distance, east–west pairing. The
 * index computes it once per home county per query, explanations once per worker; both through `relation`.
 */
@Injectable()
export class PlaceRelations {
  /** `home:work` → pairing label or null (pairing lookups walk the rules; the pairs asked for are few). */
  private readonly pairings = new Map<string, string | null>();

  constructor(private readonly regions: RegionsService) {}

  relation(homeCountyCode: string, order: Pick<OrderFacts, 'workCountyCode' | 'lng' | 'lat'>): PlaceRelation {
    const work = this.regions.county(order.workCountyCode);
    const home = this.regions.county(homeCountyCode);
    const point = order.lng !== null && order.lat !== null ? ([order.lng, order.lat] as const) : work?.county.centre;
    const from = home?.county.centre;
    return {
      sameCounty: homeCountyCode === order.workCountyCode,
      sameProvince: !!home && !!work && home.province.code === work.province.code,
      distanceKm: from && point ? haversineKm(from, point) : null,
      pairing: this.pairing(homeCountyCode, order.workCountyCode),
      workCityCode: work?.city.code ?? '',
      workProvinceCode: work?.province.code ?? '',
      workPlaceName: work ? [...new Set([work.city.name, work.county.name])].join('') : order.workCountyCode,
    };
  }

  /**
   * The pairing linking the two counties, named `和政县—集美区` (home county — the partner region of the most specific
   * rule that covers the workplace), or null. Either side may be the eastern one.
   */
  pairing(homeCountyCode: string, workCountyCode: string): string | null {
    const key = `${homeCountyCode}:${workCountyCode}`;
    const cached = this.pairings.get(key);
    if (cached !== undefined) return cached;
    const match = this.regions
      .pairingOf(homeCountyCode)
      .find((m) => this.regions.isWithin(workCountyCode, m.partner.code) && !m.except.some((x) => this.regions.isWithin(workCountyCode, x.code)));
    const label = match ? `${this.regions.get(homeCountyCode)!.name}—${match.partner.name}` : null;
    if (this.pairings.size >= CACHE_LIMIT) this.pairings.clear();
    this.pairings.set(key, label);
    return label;
  }
}

/** Great-circle distance, rounded to 0.1 km like RegionsService.distanceKm. */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) * 10) / 10;
}
