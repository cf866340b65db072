import { readFileSync, statSync } from 'node:fs';
import { RegionsService } from './regions.service.js';

/** The generated data file (scripts/generate-regions.mjs) covers the country and stays small. */
const regions = new RegionsService();
const file = new URL('./data/regions.json', import.meta.url);

describe('regions data', () => {
  it('covers all 31 provinces, ~340 cities and ~2,850 counties', () => {
    expect(regions.all('province')).toHaveLength(31);
    expect(regions.all('city').length).toBeGreaterThanOrEqual(330);
    expect(regions.all('county').length).toBeGreaterThanOrEqual(2800);
  });

  it('gives every county a centre, exact for at least 95% of them, inside China', () => {
    const counties = regions.all().filter((r) => r.countyLevel);
    const exact = counties.filter((r) => r.centre && !r.approx);
    expect(counties.every((r) => r.centre)).toBe(true);
    expect(exact.length / counties.length).toBeGreaterThanOrEqual(0.95);
    for (const r of counties) {
      const [lng, lat] = r.centre!;
      expect(lng).toBeGreaterThan(73);
      expect(lng).toBeLessThan(136);
      expect(lat).toBeGreaterThan(3);
      expect(lat).toBeLessThan(54);
    }
  });

  it('puts each county near its siblings (no centre borrowed from the wrong province)', () => {
    for (const city of regions.all('city')) {
      const counties = regions.children(city.code).filter((r) => r.centre && !r.approx);
      if (counties.length < 2) continue;
      for (const c of counties) {
        const nearest = Math.min(...counties.filter((o) => o !== c).map((o) => regions.distanceKm(c.code, o.code)!));
        // 阿拉善 and the XPCC cities are the widest spread (~350 km); anything past 400 km is a mismatch.
        expect({ code: c.code, nearest: nearest < 400 }).toEqual({ code: c.code, nearest: true });
      }
    }
  });

  it('has well-formed codes, parents and pinyin', () => {
    for (const r of regions.all()) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.pinyin).toMatch(/^[a-z]+( [a-z]+)*$/);
      expect(r.pinyin.split(' ')).toHaveLength([...r.name].length);
      if (r.level === 'province') expect(r.parentCode).toBeUndefined();
      else expect(regions.get(r.parentCode!)?.level).toBe(r.level === 'city' ? 'province' : 'city');
    }
  });

  it('stays a small committed file', () => {
    expect(statSync(file).size).toBeLessThan(400 * 1024);
    const header = JSON.parse(readFileSync(file, 'utf8')) as { columns: string[] };
    expect(header.columns).toEqual(['code', 'name', 'level', 'parent', 'pinyin', 'lng', 'lat', 'approx']);
  });
});
