/** A point on the map, WGS-84 degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

/**
 * Road distance between two points. The default is the great-circle distance times a road factor; a road-network
 * engine (OSRM, a provider's matrix API) can be bound instead under the same token.
 */
export abstract class DistancePort {
  abstract km(a: LngLat, b: LngLat): number;
}
