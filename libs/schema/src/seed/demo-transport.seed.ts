import { maskMobile, type PiiCipher } from '@daogang/platform';
import { PickupPoint, Vehicle } from '@daogang/transport';
import type { DataSource } from 'typeorm';

type DemoPoint = Pick<PickupPoint, 'id' | 'countyCode' | 'township' | 'name' | 'kind' | 'lng' | 'lat' | 'address'>;
type DemoVehicle = Pick<Vehicle, 'id' | 'kind' | 'seats' | 'operator' | 'plateOrTrainNo' | 'driverName' | 'costPerKmFen'> & { driverMobile?: string };

const id = (n: number) => `5eed7a00-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Where the demo workers board: a bus station in each demo county near its centre (regions.json), the townships the
 * demo households live in (demo-registry.seed.ts) and one more, and the railway stations of Enshi and Wanzhou.
 */
const POINTS: DemoPoint[] = [
  // 临夏县 (county seat 韩集镇; centre 103.0398, 35.4787)
  { id: id(1), countyCode: '622921', township: '', name: '临夏县汽车站', kind: 'county_station', lng: 103.0409, lat: 35.4801, address: '临夏县韩集镇解放路' },
  { id: id(2), countyCode: '622921', township: '韩集镇', name: '韩集镇双城村委会上车点', kind: 'township_point', lng: 103.0287, lat: 35.4692, address: '临夏县韩集镇双城村村委会门前' },
  { id: id(3), countyCode: '622921', township: '土桥镇', name: '土桥镇政府上车点', kind: 'township_point', lng: 103.0921, lat: 35.5302, address: '临夏县土桥镇政府广场' },
  // 和政县 (centre 103.3510, 35.4246)
  { id: id(4), countyCode: '622925', township: '', name: '和政县汽车站', kind: 'county_station', lng: 103.3489, lat: 35.4262, address: '和政县城关镇滨河路' },
  { id: id(5), countyCode: '622925', township: '城关镇', name: '城关镇陈家集村上车点', kind: 'township_point', lng: 103.3392, lat: 35.4351, address: '和政县城关镇陈家集村文化广场' },
  { id: id(6), countyCode: '622925', township: '三合镇', name: '三合镇政府上车点', kind: 'township_point', lng: 103.2935, lat: 35.3713, address: '和政县三合镇政府门前' },
  // 恩施市 (centre 109.4797, 30.2947)
  { id: id(7), countyCode: '422801', township: '', name: '恩施汽车客运中心站', kind: 'county_station', lng: 109.4853, lat: 30.3021, address: '恩施市舞阳大道' },
  { id: id(8), countyCode: '422801', township: '龙凤镇', name: '龙凤镇政府上车点', kind: 'township_point', lng: 109.5360, lat: 30.2390, address: '恩施市龙凤镇政府门前' },
  { id: id(9), countyCode: '422801', township: '白杨坪镇', name: '白杨坪镇集镇上车点', kind: 'township_point', lng: 109.5612, lat: 30.4139, address: '恩施市白杨坪镇集镇客运站' },
  { id: id(10), countyCode: '422801', township: '', name: '恩施站', kind: 'railway_station', lng: 109.4960, lat: 30.2683, address: '恩施市金桂大道（宜万铁路）' },
  // 万州区 (centre 108.3802, 30.8078)
  { id: id(11), countyCode: '500101', township: '', name: '万州汽车客运中心', kind: 'county_station', lng: 108.3918, lat: 30.8064, address: '重庆市万州区北山大道' },
  { id: id(12), countyCode: '500101', township: '龙驹镇', name: '龙驹镇场镇上车点', kind: 'township_point', lng: 108.6540, lat: 30.6330, address: '万州区龙驹镇场镇客运站' },
  { id: id(13), countyCode: '500101', township: '', name: '万州北站', kind: 'railway_station', lng: 108.3725, lat: 30.8532, address: '重庆市万州区（郑万高铁）' },
];

/** Chartered buses of the sending counties' transport companies, and one car of a train from Enshi. */
const VEHICLES: DemoVehicle[] = [
  { id: id(101), kind: 'bus', seats: 53, operator: '临夏州汽车运输有限责任公司', plateOrTrainNo: '甘N·A2351', driverName: '马德福', driverMobile: '13609301234', costPerKmFen: 900 },
  { id: id(102), kind: 'bus', seats: 45, operator: '临夏州汽车运输有限责任公司', plateOrTrainNo: '甘N·A6620', driverName: '冶文俊', driverMobile: '13609305678', costPerKmFen: 800 },
  { id: id(103), kind: 'bus', seats: 33, operator: '和政县顺达客运有限公司', plateOrTrainNo: '甘N·C0833', driverName: '何志刚', driverMobile: '13909307733', costPerKmFen: 650 },
  { id: id(104), kind: 'bus', seats: 53, operator: '恩施州鄂运客运有限公司', plateOrTrainNo: '鄂Q·51876', driverName: '向红军', driverMobile: '13597701876', costPerKmFen: 900 },
  { id: id(105), kind: 'bus', seats: 45, operator: '重庆万州交运集团有限公司', plateOrTrainNo: '渝F·20815', driverName: '谭德明', driverMobile: '13896520815', costPerKmFen: 800 },
  { id: id(106), kind: 'train_car', seats: 118, operator: '中国铁路武汉局集团有限公司', plateOrTrainNo: 'K1156 08车', driverName: '周丽', driverMobile: '13907181156', costPerKmFen: 1200 },
];

/**
 * Pickup points and chartered vehicles of the demo counties (临夏县, 和政县, 恩施市, 万州区). Fixed ids, so running it
 * again changes nothing. Drivers' mobiles are stored encrypted when a cipher is given, and left out otherwise.
 */
export async function seedDemoTransport(dataSource: DataSource, pii?: PiiCipher): Promise<void> {
  await dataSource.getRepository(PickupPoint).upsert(POINTS.map((p) => ({ ...p, active: true })), ['id']);
  await dataSource.getRepository(Vehicle).upsert(
    VEHICLES.map(({ driverMobile, ...v }) => ({
      ...v,
      active: true,
      driverMobileEncrypted: pii && driverMobile ? pii.encrypt(driverMobile) : null,
      driverMobileMasked: pii && driverMobile ? maskMobile(driverMobile) : null,
    })),
    ['id'],
  );
}

/** For tests and the demo guide: what the seed holds. */
export const DEMO_PICKUP_POINTS: readonly DemoPoint[] = POINTS;
export const DEMO_VEHICLES: ReadonlyArray<Omit<DemoVehicle, 'driverMobile'>> = VEHICLES.map(({ driverMobile: _m, ...v }) => v);
