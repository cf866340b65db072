import type { PickupPointKind } from '../entities/pickup-point.entity.js';
import { choosePickupPoint } from './pickup-point-choice.js';

let n = 0;
const point = (kind: PickupPointKind, township = '', active = true) => ({ id: `p${++n}`, kind, township, active, createdAt: new Date(2027, 0, n) });

describe('choosePickupPoint', () => {
  const station = point('county_station');
  const chengguan = point('township_point', '城关镇');
  const sanhe = point('township_point', '三合镇');
  const railway = point('railway_station');

  it("boards a worker at their township's point", () => {
    expect(choosePickupPoint([railway, station, chengguan, sanhe], '城关镇')).toBe(chengguan);
    expect(choosePickupPoint([railway, station, chengguan, sanhe], ' 三合镇 ')).toBe(sanhe);
  });

  it('falls back to the county station, then to any point, then to none', () => {
    expect(choosePickupPoint([railway, chengguan, station], '松鸣镇')).toBe(station);
    expect(choosePickupPoint([railway, chengguan, station], '')).toBe(station);
    expect(choosePickupPoint([sanhe, railway], '城关镇')).toBe(railway);
    expect(choosePickupPoint([sanhe], '城关镇')).toBe(sanhe);
    expect(choosePickupPoint([], '城关镇')).toBeNull();
  });

  it('ignores inactive points and a county-wide point that names a township', () => {
    expect(choosePickupPoint([point('township_point', '城关镇', false), station], '城关镇')).toBe(station);
    expect(choosePickupPoint([point('county_station', '', false)], '城关镇')).toBeNull();
    const stationInTown = point('railway_station', '城关镇');
    expect(choosePickupPoint([stationInTown, station], '城关镇')).toBe(station);
  });
});
