import { DistancePort, type LngLat } from './distance.port.js';

/** Mean Earth radius (IUGG), km — the same constant as the regions service. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Roads are longer than the straight line: 1.3 is a common detour factor for Chinese highways between counties. */
export const DEFAULT_ROAD_FACTOR = 1.3;
const RAD = Math.PI / 180;

/**
 * The default distance: haversine great-circle distance times a road factor. Pure and allocation-free; the planner
 * caches distances per pair of points, so nothing is cached here. Symmetric, 0 for the same point, and it satisfies the
 * triangle inequality (a scaled metric), which the planner's route ordering relies on no more than any road network.
 */
export class GreatCircleDistance extends DistancePort {
  constructor(readonly roadFactor = DEFAULT_ROAD_FACTOR) {
    super();
    if (!(roadFactor >= 1) || !Number.isFinite(roadFactor)) throw new RangeError(`road factor must be a finite number ≥ 1: ${roadFactor}`);
  }

  km(a: LngLat, b: LngLat): number {
    return haversineKm(a, b) * this.roadFactor;
  }
}

/** Great-circle distance in km between two WGS-84 points (haversine, spherical Earth). */
export function haversineKm(a: LngLat, b: LngLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLng / 2);
  const h = s * s + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
