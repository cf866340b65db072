import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PiiCipher } from '@daogang/platform';
import { DEMO_PICKUP_POINTS, DEMO_VEHICLES, seedDemoTransport } from '@daogang/schema';
import { Trip, TripRider, TripStop } from '@daogang/transport';
import { startTestApi, type TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

/**
 * 乘车名单 through HTTP: the roster of one trip as JSON and as CSV, and who sees which numbers. The trip, its stops and
 * riders are written straight into the tables here (the planner and the trips service are tested on their own).
 */
let api: TestApi;
let url: string;
let pii: PiiCipher;
let coordinator: string;
let admin: string;
let employer: string; // employer_xiamen: the trip's employer
let otherEmployer: string; // employer_jiaxing
let broker: string; // broker_linxia: 622921 + 622925
let enshiBroker: string;
let wanzhouBroker: string;
let officer: string;
let worker: string;
let tripId: string;
let riders: Array<{ name: string; workerId: string; county: string; mobile: string; idNumber: string }>;

const XIAMEN = '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e01';
const CODE = '20270301-厦门-01';
const BUS = DEMO_VEHICLES.find((v) => v.plateOrTrainNo === '甘N·A2351')!; // driver 马德福 13609301234
const pointNamed = (name: string) => DEMO_PICKUP_POINTS.find((p) => p.name === name)!;
const EMERGENCY = '13709305555';

beforeAll(async () => {
  api = await startTestApi();
  url = api.url;
  pii = api.app.get(PiiCipher);
  await seedDemoTransport(api.dataSource, pii);
  [coordinator, admin, employer, otherEmployer, broker, enshiBroker, wanzhouBroker, officer, worker] = await Promise.all(
    ['coordinator', 'admin', 'employer_xiamen', 'employer_jiaxing', 'broker_linxia', 'broker_enshi', 'broker_wanzhou', 'officer_linxia', '13900000001'].map((l) => bearer(url, l)),
  );
  const ds = api.dataSource;
  const byName = async (name: string) => {
    const [w] = await ds.query('SELECT id, home_county_code, mobile_encrypted, id_number_encrypted FROM workers WHERE name = $1', [name]);
    return { name, workerId: w.id as string, county: w.home_county_code as string, mobile: pii.decrypt(w.mobile_encrypted), idNumber: pii.decrypt(w.id_number_encrypted) };
  };
  riders = await Promise.all(['马小军', '冶玉梅', '韩小芳', '冉秀英'].map(byName));
  await ds.query('UPDATE workers SET emergency_contact_name = $1, emergency_contact_mobile_encrypted = $2 WHERE id = $3', ['马建华', pii.encrypt(EMERGENCY), riders[0].workerId]);

  const trip = await ds.getRepository(Trip).save(ds.getRepository(Trip).create({
    code: CODE, status: 'confirmed', locked: false, vehicleKind: 'bus', seats: 53, vehicleId: BUS.id, planId: null,
    employerId: XIAMEN, destinationName: '厦门集美宏泰电子有限公司', destinationCountyCode: '350211', destinationLng: 118.1, destinationLat: 24.58,
    startDate: '2027-03-01', departureAt: new Date('2027-02-26T22:30:00Z'), arrivalAt: new Date('2027-02-28T08:00:00Z'), km: 2480,
    coordinatorId: null, confirmedAt: new Date(), departedAt: null, arrivedAt: null,
  }));
  tripId = trip.id;
  const stop = (seq: number, name: string, eta: string, kind: 'pickup' | 'destination' = 'pickup') => {
    const point = kind === 'pickup' ? pointNamed(name) : undefined;
    return ds.getRepository(TripStop).create({
      tripId, seq, kind, pickupPointId: point?.id ?? null, name, lng: point?.lng ?? 118.1, lat: point?.lat ?? 24.58, eta: new Date(eta),
    });
  };
  const stops = await ds.getRepository(TripStop).save([
    stop(1, '和政县汽车站', '2027-02-26T22:30:00Z'),
    stop(2, '临夏县汽车站', '2027-02-26T23:30:00Z'),
    stop(3, '恩施汽车客运中心站', '2027-02-27T12:00:00Z'),
    stop(4, '厦门集美宏泰电子有限公司', '2027-02-28T08:00:00Z', 'destination'),
  ]);
  const seat = (i: number, seatNo: number, stopIndex: number) =>
    ({ tripId, applicationId: randomUUID(), workerId: riders[i].workerId, pickupStopId: stops[stopIndex].id, seat: seatNo, status: 'assigned' as const });
  // Written out of seat order: the manifest sorts.
  await ds.getRepository(TripRider).insert([seat(2, 3, 1), seat(0, 1, 0), seat(3, 4, 2), seat(1, 2, 0)]);
  await ds.query(`UPDATE trip_riders SET status = 'boarded', boarded_at = now() WHERE worker_id = $1`, [riders[1].workerId]);
}, 60_000);
afterAll(() => api?.close());

const get = (path: string, auth: string) => request(url).get(path).set('Authorization', auth);
const csv = (path: string, auth: string) =>
  request(url).get(path).set('Authorization', auth).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const auditRows = async (reason: string): Promise<Array<{ subject: string; fields: string[]; role: string }>> =>
  api.dataSource.query(
    `SELECT subject_worker_id AS subject, fields, actor_role AS role FROM pii_access_log WHERE reason = $1 ORDER BY id`, [reason],
  );
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
const masked = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
const noFullIdNumbers = (text: string) => riders.forEach((r) => expect(text).not.toContain(r.idNumber));

describe('GET /api/trips/:id/manifest', () => {
  it('a coordinator gets the roster in seat order with mobiles in full, and each rider read is audited', async () => {
    const res = await get(`/api/trips/${tripId}/manifest`, coordinator);
    expect(res.status).toBe(200);
    const m = res.body;
    expect(m).toMatchObject({
      tripId, code: CODE, status: 'confirmed', statusName: '已确认', vehicleKind: 'bus', vehicleKindName: '大巴', seats: 53,
      employerName: '厦门集美宏泰电子有限公司', destinationName: '厦门集美宏泰电子有限公司', startDate: '2027-03-01',
      departureAt: '2027-02-26T22:30:00.000Z', km: 2480, unmasked: true,
      vehicle: { plateOrTrainNo: '甘N·A2351', operator: '临夏州汽车运输有限责任公司', driverName: '马德福', driverMobile: '13609301234', unmasked: true },
    });
    expect(m.stops.map((s: { seq: number; name: string; riders: number }) => [s.seq, s.name, s.riders])).toEqual([
      [1, '和政县汽车站', 2], [2, '临夏县汽车站', 1], [3, '恩施汽车客运中心站', 1], [4, '厦门集美宏泰电子有限公司', 0],
    ]);
    expect(m.riders.map((r: { seat: number; name: string }) => [r.seat, r.name])).toEqual([[1, '马小军'], [2, '冶玉梅'], [3, '韩小芳'], [4, '冉秀英']]);
    expect(m.riders[0]).toEqual({
      seat: 1, workerId: riders[0].workerId, name: '马小军', idNumber: expect.stringMatching(MASKED_ID), mobile: '13900000001',
      pickupStopName: '和政县汽车站', pickupEta: '2027-02-26T22:30:00.000Z', emergencyContactName: '马建华', emergencyContactMobile: EMERGENCY,
      status: 'assigned', statusName: '已分配座位',
    });
    expect(m.riders[1]).toMatchObject({ mobile: riders[1].mobile, emergencyContactName: '', status: 'boarded', statusName: '已上车' });
    expect(m.riders[1].emergencyContactMobile).toBeUndefined();
    for (const r of m.riders) expect(r.idNumber).toMatch(MASKED_ID);
    noFullIdNumbers(res.text);

    const audit = await auditRows(`查看乘车名单（车次 ${CODE}）`);
    expect(audit).toHaveLength(4);
    expect(audit.find((a) => a.subject === riders[0].workerId)).toEqual({ subject: riders[0].workerId, fields: ['mobile', 'emergencyContactMobile'], role: 'coordinator' });
    expect(audit.find((a) => a.subject === riders[1].workerId)?.fields).toEqual(['mobile']);
  });

  it('an admin sees the same, audited as admin', async () => {
    const res = await get(`/api/trips/${tripId}/manifest`, admin);
    expect(res.body.riders[0].mobile).toBe('13900000001');
    expect((await auditRows(`查看乘车名单（车次 ${CODE}）`)).filter((a) => a.role === 'admin')).toHaveLength(4);
  });

  it("the trip's employer sees every rider with masked mobiles and a masked driver; nothing is audited", async () => {
    const before = (await auditRows(`查看乘车名单（车次 ${CODE}）`)).length;
    const res = await get(`/api/trips/${tripId}/manifest`, employer);
    expect(res.status).toBe(200);
    expect(res.body.unmasked).toBe(false);
    expect(res.body.vehicle).toMatchObject({ driverMobile: '136****1234', unmasked: false });
    expect(res.body.riders.map((r: { mobile: string }) => r.mobile)).toEqual(riders.map((r) => masked(r.mobile)));
    expect(res.body.riders[0]).toMatchObject({ emergencyContactName: '马建华', emergencyContactMobile: masked(EMERGENCY) });
    for (const r of res.body.riders) expect(r.idNumber).toMatch(MASKED_ID);
    for (const r of riders) expect(res.text).not.toContain(r.mobile);
    expect(res.text).not.toContain(EMERGENCY);
    expect(res.text).not.toContain('13609301234');
    noFullIdNumbers(res.text);
    expect((await auditRows(`查看乘车名单（车次 ${CODE}）`)).length).toBe(before);
  });

  it('another employer gets 404, as for a trip that does not exist', async () => {
    const res = await get(`/api/trips/${tripId}/manifest`, otherEmployer);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`车次不存在：${tripId}`);
    expect((await get('/api/trips/00000000-0000-4000-8000-000000000000/manifest', coordinator)).status).toBe(404);
    const bad = await get('/api/trips/not-a-trip/manifest', coordinator);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'id', message: '编号格式不正确（应为 UUID）' }]);
  });

  it('a broker sees only the riders of their counties, masked; a broker with none gets 404', async () => {
    const linxia = await get(`/api/trips/${tripId}/manifest`, broker);
    expect(linxia.status).toBe(200);
    expect(linxia.body.riders.map((r: { name: string }) => r.name)).toEqual(['马小军', '冶玉梅', '韩小芳']);
    expect(linxia.body.riders[0]).toMatchObject({ mobile: '139****0001', emergencyContactMobile: masked(EMERGENCY), idNumber: expect.stringMatching(MASKED_ID) });
    expect(linxia.body.stops.map((s: { riders: number }) => s.riders)).toEqual([2, 1, 0, 0]);
    expect(linxia.body.vehicle.driverMobile).toBe('136****1234');
    const enshi = await get(`/api/trips/${tripId}/manifest`, enshiBroker);
    expect(enshi.body.riders.map((r: { name: string; mobile: string }) => [r.name, r.mobile])).toEqual([['冉秀英', masked(riders[3].mobile)]]);
    expect((await get(`/api/trips/${tripId}/manifest`, wanzhouBroker)).status).toBe(404);
  });

  it('officers and workers may not read manifests', async () => {
    expect((await get(`/api/trips/${tripId}/manifest`, officer)).status).toBe(403);
    expect((await get(`/api/trips/${tripId}/manifest`, worker)).status).toBe(403);
    expect((await request(url).get(`/api/trips/${tripId}/manifest`)).status).toBe(401);
  });
});

describe('GET /api/trips/:id/manifest.csv', () => {
  const HEADER = '座位号,姓名,身份证号（脱敏）,手机号,上车点,预计上车时间,紧急联系人,紧急联系人电话,状态';

  it('is UTF-8 with a BOM, a Chinese header and an RFC 5987 file name; a coordinator gets full mobiles, audited', async () => {
    const res = await csv(`/api/trips/${tripId}/manifest.csv`, coordinator);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = res.headers['content-disposition'];
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`乘车名单-${CODE}.csv`)}`);
    expect(disposition).toMatch(/^attachment; filename="manifest-[0-9a-f]{8}\.csv"; /);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toMatch(new RegExp(`^1,马小军,\\d{6}\\*{8}\\d{3}[\\dX],13900000001,和政县汽车站,2027-02-27 06:30,马建华,${EMERGENCY},已分配座位$`));
    expect(lines[2]).toBe(`2,冶玉梅,${lines[2].split(',')[2]},${riders[1].mobile},和政县汽车站,2027-02-27 06:30,,,已上车`);
    expect(lines.slice(1, 5).map((l) => l.split(',')[1])).toEqual(['马小军', '冶玉梅', '韩小芳', '冉秀英']);
    expect(lines[5]).toBe('');
    for (const line of lines.slice(1, 5)) expect(line.split(',')[2]).toMatch(MASKED_ID);
    noFullIdNumbers(bytes.toString('utf8'));
    expect(await auditRows(`导出乘车名单（车次 ${CODE}）`)).toHaveLength(4);
  });

  it('the employer and brokers get masked mobiles, brokers only their riders; others 404/403', async () => {
    const own = await csv(`/api/trips/${tripId}/manifest.csv`, employer);
    expect(own.status).toBe(200);
    const text = (own.body as Buffer).toString('utf8');
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text).toContain('1,马小军,');
    expect(text).toContain(',139****0001,');
    for (const r of riders) expect(text).not.toContain(r.mobile);
    noFullIdNumbers(text);
    const enshi = (await csv(`/api/trips/${tripId}/manifest.csv`, enshiBroker)).body.toString('utf8').split('\r\n');
    expect(enshi.slice(1).filter(Boolean).map((l: string) => l.split(',')[1])).toEqual(['冉秀英']);
    expect((await csv(`/api/trips/${tripId}/manifest.csv`, otherEmployer)).status).toBe(404);
    expect((await csv(`/api/trips/${tripId}/manifest.csv`, wanzhouBroker)).status).toBe(404);
    expect((await csv(`/api/trips/${tripId}/manifest.csv`, officer)).status).toBe(403);
  });
});
