/**
 * Great-circle distances, computed exactly as Meilisearch does (haversine on a sphere of radius 6,371 km, as in
 * the `geoutils` crate, rounded to the millimetre), so that both engines return the same `_geoDistance`.
 */
import type { GeoPoint, SearchDocument } from './search.port.js';

export const EARTH_RADIUS_M = 6371e3;
const RAD = Math.PI / 180;

/** Distance in metres (millimetre precision) between two points given in degrees. */
export function geoDistance(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const phi1 = lat1 * RAD;
  const phi2 = lat2 * RAD;
  const havPhi = (1 - Math.cos(phi2 - phi1)) / 2;
  const havLambda = (Math.cos(phi1) * Math.cos(phi2) * (1 - Math.cos(lng2 * RAD - lng1 * RAD))) / 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(havPhi + havLambda)) * 1000) / 1000;
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (value === null || typeof value !== 'object') return false;
  const { lat, lng } = value as Record<string, unknown>;
  return typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

/** The document's `_geo`, or undefined when it has none (absent or null). Throws nothing: validate first. */
export function geoOf(doc: SearchDocument): GeoPoint | undefined {
  const geo = doc._geo;
  return isGeoPoint(geo) ? geo : undefined;
}

/** A coordinate as a plain decimal (no exponent), as Meilisearch's `_geoPoint(…)` and `_geoRadius(…)` parse it. */
export function decimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
