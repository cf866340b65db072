import { DistancePort } from './distance.port.js';
import { GreatCircleDistance, haversineKm } from './great-circle.distance.js';

// County centres from libs/registry/src/regions/data/regions.json.
const LINXIA_COUNTY = { lng: 103.0398, lat: 35.4787 }; // 临夏县
const XIAMEN_SIMING = { lng: 118.0826, lat: 24.4455 }; // 思明区
const BEIJING = { lng: 116.4074, lat: 39.9042 };
const SHANGHAI = { lng: 121.4737, lat: 31.2304 };

describe('GreatCircleDistance', () => {
  it('is a DistancePort with the road factor 1.3 by default', () => {
    const distance = new GreatCircleDistance();
    expect(distance).toBeInstanceOf(DistancePort);
    expect(distance.roadFactor).toBe(1.3);
  });

  it('gives the known great-circle distance Beijing–Shanghai (about 1,067 km) times the factor', () => {
    expect(haversineKm(BEIJING, SHANGHAI)).toBeGreaterThan(1060);
    expect(haversineKm(BEIJING, SHANGHAI)).toBeLessThan(1075);
    expect(new GreatCircleDistance(1).km(BEIJING, SHANGHAI)).toBeCloseTo(haversineKm(BEIJING, SHANGHAI), 9);
    expect(new GreatCircleDistance(1.5).km(BEIJING, SHANGHAI)).toBeCloseTo(1.5 * haversineKm(BEIJING, SHANGHAI), 9);
  });

  it('puts 临夏县 about 1,890 km from 厦门 as the crow flies, about 2,460 km by road', () => {
    const km = new GreatCircleDistance().km(LINXIA_COUNTY, XIAMEN_SIMING);
    expect(km / 1.3).toBeGreaterThan(1850);
    expect(km / 1.3).toBeLessThan(1930);
  });

  it('is 0 for the same point, symmetric, and keeps the triangle inequality', () => {
    const d = new GreatCircleDistance();
    expect(d.km(BEIJING, BEIJING)).toBe(0);
    expect(d.km(BEIJING, SHANGHAI)).toBeCloseTo(d.km(SHANGHAI, BEIJING), 9);
    expect(d.km(LINXIA_COUNTY, XIAMEN_SIMING)).toBeLessThanOrEqual(d.km(LINXIA_COUNTY, BEIJING) + d.km(BEIJING, XIAMEN_SIMING));
  });

  it('handles antipodes and one degree of latitude (111.2 km)', () => {
    expect(haversineKm({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * 6371.0088, 3);
    expect(haversineKm({ lng: 100, lat: 30 }, { lng: 100, lat: 31 })).toBeCloseTo(111.19, 1);
  });

  it('refuses a road factor below 1', () => {
    expect(() => new GreatCircleDistance(0.9)).toThrow(RangeError);
    expect(() => new GreatCircleDistance(Number.NaN)).toThrow(RangeError);
  });
});
