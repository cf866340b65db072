import request from 'supertest';
import { makeIdNumber } from '@daogang/registry';
import { startTestApi, TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let broker: string; // broker_linxia: 622921 临夏县 + 622925 和政县
let enshiBroker: string;
let officer: string;
let admin: string;
let coordinator: string;
let employer: string;

beforeAll(async () => {
  api = await startTestApi();
  [broker, enshiBroker, officer, admin, coordinator, employer] = await Promise.all(
    ['broker_linxia', 'broker_enshi', 'officer_linxia', 'admin', 'coordinator', 'employer_xiamen'].map((l) => bearer(api.url, l)),
  );
});
afterAll(async () => {
  await api?.close();
});

const post = (path: string, auth: string, body: object) => request(api.url).post(path).set('Authorization', auth).send(body);
const get = (path: string, auth: string) => request(api.url).get(path).set('Authorization', auth);
const fieldsOf = (body: { errors?: Array<{ field: string; message: string }> }) =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));

describe('registering a worker', () => {
  it('a broker registers a worker of their county; the ID number gives birth date, sex and region', async () => {
    const input = workerInput('622925', { idNumber: makeIdNumber('622925', '1990-03-15', 123), householdNo: 'HZ-0001', education: 'junior' });
    const res = await post('/api/workers', broker, input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: input.name, idNumber: input.idNumber, unmasked: true, birthDate: '1990-03-15', sex: 'M',
      homeCountyCode: '622925', householdNo: 'HZ-0001', employmentStatus: 'not_employed', employmentStatusName: '未就业',
    });
    expect(res.body.missingFields).toEqual(expect.arrayContaining(['手机号（未核实）', '技能（未填写）']));
    // stored protected: the plain numbers are nowhere in the row
    const row = (await api.dataSource.query('SELECT * FROM workers WHERE id = $1', [res.body.id]))[0];
    expect(JSON.stringify(row)).not.toContain(input.idNumber);
    expect(JSON.stringify(row)).not.toContain(input.mobile);
  });

  it.each([
    ['idNumber', { idNumber: '12345' }, '身份证号应为18位：17位数字加1位数字或X'],
    ['idNumber', { idNumber: '110105194912310021' }, '身份证号校验位不正确，请核对是否输错'],
    ['idNumber', { idNumber: makeIdNumber('622925', '1990-02-30', 1) }, '身份证号中的出生日期无效'],
    ['idNumber', { idNumber: makeIdNumber('622925', '2012-01-01', 1) }, '未满16周岁，不能登记务工'],
    ['mobile', { mobile: '2391234567' }, '请输入11位中国大陆手机号，例如 13912345678'],
    ['homeCountyCode', { homeCountyCode: '62292' }, '县代码必须是6位数字（GB/T 2260）'],
    ['homeCountyCode', { homeCountyCode: '629999' }, '没有代码为 629999 的县（区）'],
    ['name', { name: '' }, '请填写姓名'],
    ['name', { name: 'Robert<script>' }, '姓名只能包含汉字、字母和间隔号“·”'],
    ['education', { education: 'phd' }, '文化程度无效'],
    ['skills', { skills: ['开飞机'] }, '技能不在标准列表中'],
    ['wishCategories', { wishCategories: ['矿工'] }, '意向工种无效'],
    ['minMonthlyWage', { minMonthlyWage: -1 }, '期望月薪不能为负'],
    ['minMonthlyWage', { minMonthlyWage: 'a lot' }, '期望月薪必须是整数（元）'],
    ['availableFrom', { availableFrom: '2027-13-01' }, '日期格式应为 YYYY-MM-DD'],
    ['disability.grade', { disability: { kind: 'physical', grade: 7 } }, '残疾等级为1至4级'],
    ['certificates[0].name', { certificates: [{ name: '' }] }, '请填写证书名称'],
    ['employmentStatus', { employmentStatus: 'retired' }, '就业状态无效'],
    ['householdNo', { householdNo: '户/1' }, '户编号为4至32位数字或字母'],
    ['wantsToMove', { wantsToMove: 'yes' }, '必须是 true 或 false'],
  ])('refuses a bad %s with its message', async (field, patch, message) => {
    const res = await post('/api/workers', broker, workerInput('622925', patch));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)[field]).toContain(message);
  });

  it('refuses a broker registering a worker of a county that is not theirs', async () => {
    const res = await post('/api/workers', broker, workerInput('422801'));
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('只能登记您负责的县的劳动力');
  });

  it('the same ID number twice is a 409 pointing to the existing record', async () => {
    const input = workerInput('622921');
    const first = await post('/api/workers', broker, input);
    const again = await post('/api/workers', broker, { ...input, name: '重复登记' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message: '该身份证号已登记', details: { existingWorkerId: first.body.id } });
    // a broker of another county learns only that it exists
    const other = await post('/api/workers', enshiBroker, { ...input, homeCountyCode: '422801' });
    expect(other.status).toBe(409);
    expect(other.body.details).toBeUndefined();
  });
});

describe('a worker registers themselves', () => {
  it('signs up with a mobile number, then fills in their own profile, once', async () => {
    const signup = await request(api.url).post('/api/auth/register').send({ mobile: '15900001234', password: 'mima2026', displayName: '冶海军' });
    const auth = `Bearer ${signup.body.accessToken}`;
    expect((await get('/api/me/worker-profile', auth)).status).toBe(404);
    const input = workerInput('622925', { name: '冶海军', mobile: '15900001234' });
    const created = await post('/api/me/worker-profile', auth, input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '冶海军', idNumber: input.idNumber, unmasked: true });
    const mine = await get('/api/me/worker-profile', auth);
    expect(mine.body.id).toBe(created.body.id);
    const patched = await request(api.url).patch('/api/me/worker-profile').set('Authorization', auth)
      .send({ version: mine.body.version, wishCategories: ['电子厂', '普工'], wantsToMove: true, education: 'senior' });
    expect(patched.status).toBe(200);
    expect(patched.body.wishCategories).toEqual(['电子厂', '普工']);
    const twice = await post('/api/me/worker-profile', auth, workerInput('622925'));
    expect(twice.status).toBe(409);
    // the worker cannot read anybody else's record
    expect((await get(`/api/workers/${created.body.id}`, auth)).status).toBe(200);
    const someoneElse = (await post('/api/workers', broker, workerInput('622925'))).body.id;
    expect((await get(`/api/workers/${someoneElse}`, auth)).status).toBe(404);
  });
});

describe('personal data: masking and audit per role', () => {
  let id: string;
  let idNumber: string;
  beforeAll(async () => {
    const input = workerInput('622925', { emergencyContactName: '马秀兰', emergencyContactMobile: '13700001111' });
    idNumber = input.idNumber;
    id = (await post('/api/workers', broker, input)).body.id;
  });

  const auditCount = async () =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM pii_access_log WHERE subject_worker_id = $1', [id]))[0].n;

  it.each([
    ['broker of the county', () => broker, true],
    ['officer of the county', () => officer, true],
    ['admin', () => admin, false],
    ['coordinator', () => coordinator, false],
  ])('%s: unmasked=%s, and an unmasked read is audited', async (_who, auth, unmasked) => {
    const before = await auditCount();
    const res = await get(`/api/workers/${id}`, auth());
    expect(res.status).toBe(200);
    expect(res.body.unmasked).toBe(unmasked);
    if (unmasked) {
      expect(res.body.idNumber).toBe(idNumber);
      expect(res.body.emergencyContactMobile).toBe('13700001111');
      expect(await auditCount()).toBe(before + 1);
      const last = (await api.dataSource.query('SELECT * FROM pii_access_log WHERE subject_worker_id = $1 ORDER BY id DESC LIMIT 1', [id]))[0];
      expect(last).toMatchObject({ reason: 'viewed the worker profile', fields: ['idNumber', 'mobile', 'emergencyContactMobile'] });
    } else {
      expect(res.body.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
      expect(res.body.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(res.body.emergencyContactMobile).toBe('137****1111');
      expect(await auditCount()).toBe(before);
    }
  });

  it('a broker of another county cannot see the worker at all', async () => {
    expect((await get(`/api/workers/${id}`, enshiBroker)).status).toBe(404);
    const list = await get('/api/workers?pageSize=100', enshiBroker);
    expect(list.body.items.map((w: { id: string }) => w.id)).not.toContain(id);
  });

  it('an employer cannot read the registry', async () => {
    expect((await get(`/api/workers/${id}`, employer)).status).toBe(403);
    expect((await get('/api/workers', employer)).status).toBe(403);
  });

  it('lists are masked for everyone', async () => {
    const list = await get('/api/workers?pageSize=100', broker);
    const row = list.body.items.find((w: { id: string }) => w.id === id);
    expect(row.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });
});

describe('editing: concurrent edits are detected, not lost', () => {
  it('a stale version is a 409 and the first edit stays', async () => {
    const created = (await post('/api/workers', broker, workerInput('622925'))).body;
    const a = await request(api.url).patch(`/api/workers/${created.id}`).set('Authorization', broker).send({ version: created.version, minMonthlyWage: 5000 });
    expect(a.status).toBe(200);
    const b = await request(api.url).patch(`/api/workers/${created.id}`).set('Authorization', officer).send({ version: created.version, minMonthlyWage: 9000 });
    expect(b.status).toBe(409);
    expect(b.body.details).toEqual({ currentVersion: a.body.version });
    expect((await get(`/api/workers/${created.id}`, broker)).body.minMonthlyWage).toBe(5000);
  });
});

describe('status and the zero-employment household', () => {
  it('flips when the last employed member leaves a job, and back; every change is a row', async () => {
    const father = (await post('/api/workers', broker, workerInput('622925', { householdNo: 'HZ-ZERO-1', employmentStatus: 'employed_out_of_province' }))).body;
    const mother = (await post('/api/workers', broker, workerInput('622925', { householdNo: 'HZ-ZERO-1' }))).body;
    const household = async () => (await get(`/api/households/${father.householdId}`, broker)).body;
    expect(mother.householdId).toBe(father.householdId);
    expect(await household()).toMatchObject({ zeroEmployment: false, labourerCount: 2, employedCount: 1 });

    const left = await post(`/api/workers/${father.id}/status`, broker, { status: 'not_employed', note: '工厂停产返乡' });
    expect(left.status).toBe(201);
    expect(await household()).toMatchObject({ zeroEmployment: true, employedCount: 0 });
    const zeroList = await get('/api/households?zeroEmployment=true&pageSize=100', broker);
    expect(zeroList.body.items.map((h: { id: string }) => h.id)).toContain(father.householdId);

    await post(`/api/workers/${mother.id}/status`, broker, { status: 'public_welfare_post', note: '护林员' });
    expect(await household()).toMatchObject({ zeroEmployment: false, employedCount: 1 });

    const history = await get(`/api/workers/${father.id}/status-history`, broker);
    expect(history.body.map((h: { toStatus: string; source: string }) => [h.toStatus, h.source])).toEqual([
      ['employed_out_of_province', 'manual'],
      ['not_employed', 'manual'],
    ]);
  });

  it('concurrent status changes of two members keep the household counts right', async () => {
    const a = (await post('/api/workers', broker, workerInput('622925', { householdNo: 'HZ-RACE-1', employmentStatus: 'employed_in_county' }))).body;
    const b = (await post('/api/workers', broker, workerInput('622925', { householdNo: 'HZ-RACE-1', employmentStatus: 'employed_in_county' }))).body;
    await Promise.all([
      post(`/api/workers/${a.id}/status`, broker, { status: 'not_employed' }),
      post(`/api/workers/${b.id}/status`, broker, { status: 'not_employed' }),
    ]);
    const household = (await get(`/api/households/${a.householdId}`, broker)).body;
    expect(household).toMatchObject({ zeroEmployment: true, employedCount: 0, labourerCount: 2 });
  });
});

describe('a worker claims the record a broker made', () => {
  it('links when ID number and mobile match; refuses when the mobile differs', async () => {
    const input = workerInput('622925', { mobile: '15900005555' });
    const made = (await post('/api/workers', broker, input)).body;

    const stranger = await request(api.url).post('/api/auth/register').send({ mobile: '15900006666', password: 'mima2026', displayName: '别人' });
    const refused = await post('/api/me/worker-profile', `Bearer ${stranger.body.accessToken}`, input);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('该身份证号已登记，请联系户籍所在县的劳务经纪人核实');

    const owner = await request(api.url).post('/api/auth/register').send({ mobile: '15900005555', password: 'mima2026', displayName: input.name });
    const claimed = await post('/api/me/worker-profile', `Bearer ${owner.body.accessToken}`, input);
    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({ id: made.id, unmasked: true, idNumber: input.idNumber });
    const { n } = (await api.dataSource.query('SELECT count(*)::int AS n FROM workers WHERE id_number_hash = (SELECT id_number_hash FROM workers WHERE id = $1)', [made.id]))[0];
    expect(n).toBe(1);
  });
});
