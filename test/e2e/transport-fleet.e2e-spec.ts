import request from 'supertest';
import { PiiCipher, Role, type AuthUser } from '@daogang/platform';
import { DEMO_PICKUP_POINTS, DEMO_VEHICLES, seedDemoTransport } from '@daogang/schema';
import { homeKey, PickupPointsService, plateOrTrainNoProblem, seatsProblem, VehiclesService } from '@daogang/transport';
import { startTestApi, type TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

/**
 * Pickup points and chartered vehicles through HTTP (the real API on PostgreSQL): who may read and
 * change what, per-field Chinese messages, county scoping, the boarding-point fallbacks the planner relies on, and the
 * driver's mobile stored encrypted and shown masked to anyone but dispatchers.
 */
let api: TestApi;
let url: string;
let coordinator: string;
let admin: string;
let broker: string; // broker_linxia: 622921 临夏县 + 622925 和政县
let enshiBroker: string;
let officer: string; // officer_linxia: 622921 + 622925
let employer: string;
let worker: string;

beforeAll(async () => {
  api = await startTestApi();
  url = api.url;
  // The demo's pickup points and vehicles (fixed ids: a no-op if the demo seed already ran it).
  await seedDemoTransport(api.dataSource, api.app.get(PiiCipher));
  [coordinator, admin, broker, enshiBroker, officer, employer, worker] = await Promise.all(
    ['coordinator', 'admin', 'broker_linxia', 'broker_enshi', 'officer_linxia', 'employer_xiamen', '13900000001'].map((l) => bearer(url, l)),
  );
}, 60_000);
afterAll(() => api?.close());

const get = (path: string, auth: string) => request(url).get(path).set('Authorization', auth);
const post = (path: string, auth: string, body: object) => request(url).post(path).set('Authorization', auth).send(body);
const patch = (path: string, auth: string, body: object) => request(url).patch(path).set('Authorization', auth).send(body);
const fieldsOf = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
const countiesOf = (items: Array<{ countyCode: string }>) => new Set(items.map((p) => p.countyCode));

const POINT = { countyCode: '622924', name: '广河县汽车站', kind: 'county_station', lng: 103.5761, lat: 35.4879, address: '广河县城关镇' };
const BUS = { kind: 'bus', seats: 53, operator: '广河县恒达客运有限公司', plateOrTrainNo: '甘n 88123', driverName: '苏建林', driverMobile: '136 0930 8812', costPerKmFen: 850 };

describe('the demo transport seed', () => {
  it('gives every demo county a station and every demo township its own point; vehicles pass the rules', async () => {
    const points = api.app.get(PickupPointsService);
    const homes: Array<{ countyCode: string; township: string }> = await api.dataSource.query(
      `SELECT DISTINCT home_county_code AS "countyCode", township FROM workers WHERE home_county_code IN ('622921','622925','422801','500101')`,
    );
    expect(homes.length).toBeGreaterThanOrEqual(6);
    const chosen = await points.pointsFor(homes);
    for (const home of homes) {
      expect(chosen.get(homeKey(home.countyCode, home.township))).toMatchObject({ kind: 'township_point', township: home.township, countyCode: home.countyCode });
    }
    for (const county of ['622921', '622925', '422801', '500101']) {
      expect(DEMO_PICKUP_POINTS.filter((p) => p.countyCode === county && p.kind === 'county_station')).toHaveLength(1);
    }
    for (const v of DEMO_VEHICLES) {
      expect([seatsProblem(v.kind, v.seats), plateOrTrainNoProblem(v.kind, v.plateOrTrainNo)]).toEqual([undefined, undefined]);
    }
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS n, count(driver_mobile_encrypted)::int AS enc FROM vehicles`);
    expect(row).toEqual({ n: DEMO_VEHICLES.length, enc: DEMO_VEHICLES.length });
  });
});

describe('GET /api/pickup-points', () => {
  it('coordinators and admins see every county; brokers and officers only theirs', async () => {
    const all = await get('/api/pickup-points?pageSize=200', coordinator);
    expect(all.status).toBe(200);
    expect(countiesOf(all.body.items)).toEqual(new Set(['622921', '622925', '422801', '500101']));
    expect((await get('/api/pickup-points?pageSize=200', admin)).body.total).toBe(all.body.total);

    const linxia = await get('/api/pickup-points?pageSize=200', broker);
    expect(linxia.status).toBe(200);
    expect(countiesOf(linxia.body.items)).toEqual(new Set(['622921', '622925']));
    expect(linxia.body.total).toBe(6);
    expect(countiesOf((await get('/api/pickup-points?pageSize=200', officer)).body.items)).toEqual(new Set(['622921', '622925']));
    expect(countiesOf((await get('/api/pickup-points?pageSize=200', enshiBroker)).body.items)).toEqual(new Set(['422801']));
    // Asking for another county gives nothing, not that county's points.
    expect((await get('/api/pickup-points?countyCode=422801', broker)).body).toMatchObject({ items: [], total: 0 });
    const enshiStation = all.body.items.find((p: { name: string }) => p.name === '恩施站');
    expect((await get(`/api/pickup-points/${enshiStation.id}`, broker)).status).toBe(404);
    expect((await get(`/api/pickup-points/${enshiStation.id}`, enshiBroker)).body).toMatchObject({ name: '恩施站', kind: 'railway_station', kindName: '火车站', countyName: '湖北省恩施土家族苗族自治州恩施市' });
  });

  it('filters by county, township and kind, and pages', async () => {
    const hezheng = await get('/api/pickup-points?countyCode=622925&township=城关镇', broker);
    expect(hezheng.body.items.map((p: { name: string }) => p.name)).toEqual(['城关镇陈家集村上车点']);
    const stations = await get('/api/pickup-points?kind=county_station&pageSize=2&page=2', coordinator);
    expect(stations.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(stations.body.items).toHaveLength(2);
    const bad = await get('/api/pickup-points?countyCode=abc&page=0&kind=airport', coordinator);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual({
      countyCode: '县代码必须是6位数字（GB/T 2260）', page: '页码从1开始',
      kind: '上车点类型无效，可选：county_station（县汽车站）、township_point（乡镇上车点）、railway_station（火车站）',
    });
  });

  it('is for staff only', async () => {
    expect((await get('/api/pickup-points', employer)).status).toBe(403);
    expect((await get('/api/pickup-points', worker)).status).toBe(403);
    expect((await request(url).get('/api/pickup-points')).status).toBe(401);
  });
});

describe('POST and PATCH /api/pickup-points', () => {
  it('a coordinator adds a point, changes it and deactivates it (never deletes)', async () => {
    const created = await post('/api/pickup-points', coordinator, POINT);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...POINT, township: '', kindName: '县汽车站', countyName: '甘肃省临夏回族自治州广河县', active: true });
    const id = created.body.id;
    const renamed = await patch(`/api/pickup-points/${id}`, admin, { name: ' 广河县汽车客运站 ', lat: 35.49 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '广河县汽车客运站', lat: 35.49, lng: POINT.lng });
    const off = await patch(`/api/pickup-points/${id}`, coordinator, { active: false });
    expect(off.body.active).toBe(false);
    expect((await get('/api/pickup-points?countyCode=622924&active=true', coordinator)).body.total).toBe(0);
    expect((await get('/api/pickup-points?countyCode=622924&active=false', coordinator)).body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM pickup_points WHERE id = $1', [id]))[0].n).toBe(1);
    expect((await request(url).delete(`/api/pickup-points/${id}`).set('Authorization', coordinator)).status).toBe(404);
  });

  it.each([
    ['countyCode', { countyCode: '62292' }, '县代码必须是6位数字（GB/T 2260）'],
    ['countyCode', { countyCode: '629999' }, '没有代码为 629999 的县（区）'],
    ['countyCode', { countyCode: '622900' }, '临夏回族自治州不是县级行政区，请填写县（区）代码'],
    ['lng', { lng: 150.2 }, '经度应在中国境内（73–136）'],
    ['lng', { lng: 10 }, '经度应在中国境内（73–136）'],
    ['lng', { lng: '103.5' }, '请填写经度（数字）'],
    ['lat', { lat: 60 }, '纬度应在中国境内（3–54）'],
    ['lat', { lat: -35.4 }, '纬度应在中国境内（3–54）'],
    ['name', { name: '站' }, '上车点名称至少2个字'],
    ['name', { name: '上'.repeat(65) }, '上车点名称不超过64字'],
    ['name', { name: 42 }, '请填写上车点名称'],
    ['kind', { kind: 'airport' }, '上车点类型无效，可选：county_station（县汽车站）、township_point（乡镇上车点）、railway_station（火车站）'],
    ['township', { kind: 'township_point', township: '' }, '乡镇上车点须填写所服务的乡镇'],
    ['address', { address: '路'.repeat(201) }, '地址不超过200字'],
    ['active', { active: false }, '不允许提交此字段'],
  ])('POST refuses a bad %s with a Chinese message', async (field, change, message) => {
    const res = await post('/api/pickup-points', coordinator, { ...POINT, name: '广河县三甲集镇上车点', ...change });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual({ [field]: message });
  });

  it('names every missing field at once', async () => {
    const res = await post('/api/pickup-points', coordinator, {});
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual({
      countyCode: '请填写县代码', name: '请填写上车点名称',
      kind: '上车点类型无效，可选：county_station（县汽车站）、township_point（乡镇上车点）、railway_station（火车站）',
      lng: '请填写经度（数字）', lat: '请填写纬度（数字）',
    });
  });

  it('refuses a second active point of the same name in a county (409), unknown ids (404), bad ids (400), and non-dispatchers (403)', async () => {
    const dup = await post('/api/pickup-points', coordinator, { ...POINT, countyCode: '622925', name: '和政县汽车站' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('本县已有名为「和政县汽车站」的上车点');
    const missing = await patch('/api/pickup-points/00000000-0000-4000-8000-000000000000', coordinator, { name: '新名称' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('上车点不存在：00000000-0000-4000-8000-000000000000');
    const badId = await patch('/api/pickup-points/abc', coordinator, { name: '新名称' });
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toEqual({ id: '编号格式不正确（应为 UUID）' });
    const badPatch = await patch(`/api/pickup-points/${DEMO_PICKUP_POINTS[0].id}`, coordinator, { lng: 200, countyCode: '110000' });
    expect(fieldsOf(badPatch.body)).toEqual({ lng: '经度应在中国境内（73–136）' });
    expect(fieldsOf((await patch(`/api/pickup-points/${DEMO_PICKUP_POINTS[0].id}`, coordinator, { countyCode: '110000' })).body)).toEqual({
      countyCode: '北京市不是县级行政区，请填写县（区）代码',
    });
    expect((await post('/api/pickup-points', broker, { ...POINT, name: '广河县东站' })).status).toBe(403);
    expect((await post('/api/pickup-points', officer, { ...POINT, name: '广河县东站' })).status).toBe(403);
    expect((await patch(`/api/pickup-points/${DEMO_PICKUP_POINTS[0].id}`, broker, { name: '新名称' })).status).toBe(403);
  });
});

describe('PickupPointsService.pointFor', () => {
  it("falls back from the township's point to the county station, to any point, to none", async () => {
    const points = api.app.get(PickupPointsService);
    const add = async (body: object) => (await post('/api/pickup-points', coordinator, { countyCode: '622926', lng: 103.39, lat: 35.66, ...body })).body.id as string;
    expect(await points.pointFor('622926', '锁南镇')).toBeNull();
    const township = await add({ name: '达板镇上车点', kind: 'township_point', township: '达板镇' });
    expect((await points.pointFor('622926', '锁南镇'))?.id).toBe(township); // any point of the county
    const railway = await add({ name: '东乡站', kind: 'railway_station' });
    expect((await points.pointFor('622926', '锁南镇'))?.id).toBe(railway); // a county-wide point before another township's
    const station = await add({ name: '东乡县汽车站', kind: 'county_station', township: '锁南镇' });
    expect((await points.pointFor('622926', '锁南镇'))?.id).toBe(station);
    expect((await points.pointFor('622926', ''))?.id).toBe(station);
    const own = await add({ name: '锁南镇政府上车点', kind: 'township_point', township: '锁南镇' });
    expect((await points.pointFor('622926', '锁南镇'))?.id).toBe(own);
    expect((await points.pointFor('622926', '达板镇'))?.id).toBe(township);
    await patch(`/api/pickup-points/${own}`, coordinator, { active: false });
    expect((await points.pointFor('622926', '锁南镇'))?.id).toBe(station);
    const many = await points.pointsFor([{ countyCode: '622926', township: '达板镇' }, { countyCode: '622926', township: '锁南镇' }, { countyCode: '622927', township: '吹麻滩镇' }]);
    expect([...many.entries()].map(([k, p]) => [k, p?.id ?? null])).toEqual([
      ['622926|达板镇', township], ['622926|锁南镇', station], ['622927|吹麻滩镇', null],
    ]);
  });
});

describe('/api/vehicles', () => {
  let busId: string;

  it('a coordinator registers a bus: the plate is written 甘N·88123, the driver mobile stored encrypted and shown in full to dispatchers', async () => {
    const res = await post('/api/vehicles', coordinator, BUS);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'bus', kindName: '大巴', seats: 53, plateOrTrainNo: '甘N·88123', driverName: '苏建林', driverMobile: '13609308812', unmasked: true, costPerKmFen: 850, active: true,
    });
    busId = res.body.id;
    const [row] = await api.dataSource.query('SELECT * FROM vehicles WHERE id = $1', [busId]);
    expect(JSON.stringify(row)).not.toContain('13609308812');
    expect(row.driver_mobile_masked).toBe('136****8812');
    expect(api.app.get(PiiCipher).decrypt(row.driver_mobile_encrypted)).toBe('13609308812');
    expect((await get(`/api/vehicles/${busId}`, admin)).body.driverMobile).toBe('13609308812');
    const listed = (await get('/api/vehicles?kind=bus&pageSize=100', coordinator)).body.items.find((v: { id: string }) => v.id === busId);
    expect(listed.driverMobile).toBe('13609308812');
  });

  it('masks the driver mobile for anyone but coordinators and admins', async () => {
    const vehicles = api.app.get(VehiclesService);
    const brokerUser: AuthUser = { id: '00000000-0000-4000-8000-000000000001', role: Role.Broker, countyCodes: ['622924'] };
    const employerUser: AuthUser = { id: '00000000-0000-4000-8000-000000000002', role: Role.Employer, employerId: '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e01', countyCodes: [] };
    expect(await vehicles.get(brokerUser, busId)).toMatchObject({ driverMobile: '136****8812', unmasked: false });
    expect(await vehicles.get(employerUser, busId)).toMatchObject({ driverMobile: '136****8812', unmasked: false });
    for (const who of [broker, officer, employer, worker]) expect((await get(`/api/vehicles/${busId}`, who)).status).toBe(403);
    expect((await get('/api/vehicles', broker)).status).toBe(403);
  });

  it.each([
    ['seats', { seats: 118 }, '大巴座位数应为10–70座（常见33、45、53座）'],
    ['seats', { seats: 8 }, '大巴座位数应为10–70座（常见33、45、53座）'],
    ['seats', { kind: 'train_car', plateOrTrainNo: 'K1156 09车', seats: 200 }, '火车车厢座位数应为1–150座'],
    ['seats', { kind: 'special_train', plateOrTrainNo: 'Y501', seats: 3001 }, '座位数不超过3000'],
    ['seats', { seats: 'many' }, '请填写座位数（整数）'],
    ['seats', { seats: 45.5 }, '请填写座位数（整数）'],
    ['kind', { kind: 'plane' }, '车辆类型无效，可选：bus（大巴）、train_car（火车车厢）、special_train（专列）'],
    ['plateOrTrainNo', { plateOrTrainNo: 'hello' }, '车牌号格式不正确，例如 甘N·12345'],
    ['plateOrTrainNo', { plateOrTrainNo: 'K1234' }, '车牌号格式不正确，例如 甘N·12345'],
    ['plateOrTrainNo', { kind: 'train_car', seats: 118, plateOrTrainNo: '甘N·12345' }, '车次格式不正确，例如 K1234、Y501、专列 或 K1156 08车'],
    ['plateOrTrainNo', { plateOrTrainNo: '' }, '请填写车牌号或车次'],
    ['driverMobile', { driverMobile: '12345' }, '请输入11位中国大陆手机号，例如 13912345678'],
    ['driverMobile', { driverMobile: '0930-1234567' }, '请输入11位中国大陆手机号，例如 13912345678'],
    ['operator', { operator: 'x' }, '承运单位至少2个字'],
    ['operator', { operator: undefined }, '请填写承运单位'],
    ['costPerKmFen', { costPerKmFen: -1 }, '每公里费用不能为负'],
    ['costPerKmFen', { costPerKmFen: 8.5 }, '每公里费用必须是整数（分）'],
    ['driverName', { driverName: '司'.repeat(33) }, '司机姓名不超过32字'],
  ])('POST refuses a bad %s with a Chinese message', async (field, change, message) => {
    const res = await post('/api/vehicles', coordinator, { ...BUS, plateOrTrainNo: '甘N·77001', ...change });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual({ [field]: message });
  });

  it('takes train cars and special trains by train number', async () => {
    const car = await post('/api/vehicles', coordinator, { kind: 'train_car', seats: 118, operator: '中国铁路兰州局集团有限公司', plateOrTrainNo: 'k1156 09车' });
    expect(car.status).toBe(201);
    expect(car.body).toMatchObject({ kind: 'train_car', kindName: '火车车厢', plateOrTrainNo: 'K1156 09车', driverName: '', unmasked: false });
    expect(car.body.driverMobile).toBeUndefined();
    const train = await post('/api/vehicles', admin, { kind: 'special_train', seats: 1200, operator: '中国铁路兰州局集团有限公司', plateOrTrainNo: '专列 Y501' });
    expect(train.status).toBe(201);
    expect(train.body).toMatchObject({ kindName: '专列', seats: 1200, plateOrTrainNo: '专列 Y501' });
  });

  it('PATCH re-checks kind, seats and number together; clears a mobile with null; deactivates; 404/409 as due', async () => {
    const toCar = await patch(`/api/vehicles/${busId}`, coordinator, { kind: 'train_car' });
    expect(toCar.status).toBe(400);
    expect(fieldsOf(toCar.body)).toEqual({ plateOrTrainNo: '车次格式不正确，例如 K1234、Y501、专列 或 K1156 08车' });
    const smaller = await patch(`/api/vehicles/${busId}`, coordinator, { seats: 45, driverMobile: '13709301111' });
    expect(smaller.body).toMatchObject({ seats: 45, driverMobile: '13709301111' });
    const cleared = await patch(`/api/vehicles/${busId}`, coordinator, { driverMobile: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.driverMobile).toBeUndefined();
    expect((await api.dataSource.query('SELECT driver_mobile_encrypted AS e, driver_mobile_masked AS m FROM vehicles WHERE id = $1', [busId]))[0]).toEqual({ e: null, m: null });
    const taken = await patch(`/api/vehicles/${busId}`, coordinator, { plateOrTrainNo: '甘N·A2351' }); // the seed's 53-seater
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe('车牌号 甘N·A2351 已登记');
    const retired = await patch(`/api/vehicles/${busId}`, coordinator, { active: false });
    expect(retired.body.active).toBe(false);
    expect((await get('/api/vehicles?active=false', coordinator)).body.items.map((v: { id: string }) => v.id)).toEqual([busId]);
    // Retired, its plate is free again.
    expect((await post('/api/vehicles', coordinator, BUS)).status).toBe(201);
    expect((await patch('/api/vehicles/00000000-0000-4000-8000-000000000000', coordinator, { seats: 45 })).status).toBe(404);
    expect((await patch(`/api/vehicles/${busId}`, coordinator, { plateOrTrainNo: 'garbage!!' })).status).toBe(400);
    expect(fieldsOf((await get('/api/vehicles?active=maybe&kind=boat', coordinator)).body)).toEqual({
      active: '启用状态必须是 true 或 false', kind: '车辆类型无效，可选：bus（大巴）、train_car（火车车厢）、special_train（专列）',
    });
  });
});

describe('odd input is a 400, never a 500', () => {
  const ODD: unknown[] = [null, '', 'x', -1, 1e20, 3.5, [], {}, true, '😀'.repeat(40)];

  it('for every field of a pickup point, on POST and PATCH', async () => {
    const { id } = (await post('/api/pickup-points', coordinator, { ...POINT, countyCode: '622922', name: '康乐县汽车站' })).body;
    for (const field of ['countyCode', 'township', 'name', 'kind', 'lng', 'lat', 'address', 'active']) {
      for (const value of ODD) {
        const created = await post('/api/pickup-points', coordinator, { ...POINT, countyCode: '622922', name: '康乐县城关上车点', [field]: value });
        const changed = await patch(`/api/pickup-points/${id}`, coordinator, { [field]: value });
        for (const res of [created, changed]) {
          if (res.status >= 500) throw new Error(`${field}=${JSON.stringify(value)}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    const nulls = await patch(`/api/pickup-points/${id}`, coordinator, { name: null, active: null });
    expect(nulls.status).toBe(400);
    expect(fieldsOf(nulls.body)).toEqual({ name: '上车点名称不能为 null，不修改请不传该字段', active: '启用状态不能为 null，不修改请不传该字段' });
  });

  it('for every field of a vehicle, on POST and PATCH', async () => {
    const { id } = (await post('/api/vehicles', coordinator, { ...BUS, plateOrTrainNo: '甘N·66001' })).body;
    for (const field of ['kind', 'seats', 'operator', 'plateOrTrainNo', 'driverName', 'driverMobile', 'costPerKmFen', 'active']) {
      for (const value of ODD) {
        const created = await post('/api/vehicles', coordinator, { ...BUS, plateOrTrainNo: '甘N·66002', [field]: value });
        const changed = await patch(`/api/vehicles/${id}`, coordinator, { [field]: value });
        for (const res of [created, changed]) {
          if (res.status >= 500) throw new Error(`${field}=${JSON.stringify(value)}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        if (created.status === 201) await patch(`/api/vehicles/${created.body.id}`, coordinator, { active: false });
      }
    }
    expect(fieldsOf((await patch(`/api/vehicles/${id}`, coordinator, { seats: null })).body)).toEqual({ seats: '座位数不能为 null，不修改请不传该字段' });
  });
});
