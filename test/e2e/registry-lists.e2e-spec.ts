import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

/**
 * Figures checked against the demo seed, counted by hand. broker_linxia sees 临夏县 + 和政县: 4 households, 9 workers.
 *   employed 3 (马建华 公益性岗位, 冶海军 省外, 韩志明 省内), not employed 5, in training 1 (韩小芳)
 *   wants training 2 (马秀兰, 韩小芳), wants to move 3 (马小军, 冶玉梅, 何文忠), wants business 1 (何梅花)
 *   zero-employment households: 1 (三合镇三谷村 何家); in all counties 3.
 */
let api: TestApi;
let broker: string;
let officer: string;
let admin: string;
let enshiBroker: string;

beforeAll(async () => {
  api = await startTestApi();
  [broker, officer, admin, enshiBroker] = await Promise.all(['broker_linxia', 'officer_linxia', 'admin', 'broker_enshi'].map((l) => bearer(api.url, l)));
});
afterAll(async () => {
  await api?.close();
});

const get = (path: string, auth: string) => request(api.url).get(path).set('Authorization', auth);
const names = (body: { items: Array<{ name: string }> }) => body.items.map((w) => w.name).sort();

describe('the five lists (五名单)', () => {
  it.each([
    ['all', 9],
    ['employed', 3],
    ['not_employed', 5],
    ['wants_training', 2],
    ['wants_to_move', 3],
    ['wants_business', 1],
  ])('%s: %i workers for the Linxia broker', async (list, total) => {
    const res = await get(`/api/workers?list=${list}&pageSize=100`, broker);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(total);
    expect(res.body.items).toHaveLength(total);
  });

  it('names who is on a list', async () => {
    expect(names((await get('/api/workers?list=wants_to_move', broker)).body)).toEqual(['何文忠', '冶玉梅', '马小军'].sort());
    expect(names((await get('/api/workers?list=employed', broker)).body)).toEqual(['冶海军', '韩志明', '马建华'].sort());
  });

  it('filters by village and by registered-poor, pages and sorts', async () => {
    const village = await get(`/api/workers?village=${encodeURIComponent('陈家集村')}&pageSize=100`, broker);
    expect(village.body.total).toBe(5);
    const notPoor = await get('/api/workers?registeredPoor=false&pageSize=100', broker);
    expect(names(notPoor.body)).toEqual(['韩小芳', '韩志明'].sort());
    const page1 = await get('/api/workers?pageSize=4&page=1&sort=name', broker);
    const page3 = await get('/api/workers?pageSize=4&page=3&sort=name', broker);
    expect(page1.body.items).toHaveLength(4);
    expect(page3.body.items).toHaveLength(1);
    const all = (await get('/api/workers?pageSize=100&sort=name', broker)).body.items.map((w: { id: string }) => w.id);
    expect([...page1.body.items, ...page3.body.items].map((w: { id: string }) => w.id)).toEqual([...all.slice(0, 4), all[8]]);
  });

  it('is scoped: the Enshi broker sees Enshi (3 workers), the admin everyone (15)', async () => {
    expect((await get('/api/workers?pageSize=100', enshiBroker)).body.total).toBe(3);
    expect((await get('/api/workers?pageSize=100', admin)).body.total).toBe(15);
    expect((await get('/api/workers?county=422801', broker)).body.total).toBe(0);
  });

  it('refuses filter injection with a 400, never a 500', async () => {
    for (const q of ["sort=name;DROP TABLE workers", "list=all'--", 'county=6229%25', 'status=employed OR 1=1', 'pageSize=abc']) {
      const res = await get(`/api/workers?${q}`, broker);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const name = await get(`/api/workers?name=${encodeURIComponent("%' OR '1'='1")}`, broker);
    expect(name.status).toBe(200);
    expect(name.body.total).toBe(0);
  });

  it('the zero-employment households list', async () => {
    const mine = await get('/api/households?zeroEmployment=true', broker);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({ registrationNo: '6229250102001', village: '三谷村', labourerCount: 2, employedCount: 0 });
    expect((await get('/api/households?zeroEmployment=true', admin)).body.total).toBe(3);
  });
});

describe('exports', () => {
  it('CSV: BOM, Chinese headers, masked numbers, the rows of the list', async () => {
    const res = await get('/api/workers/export?list=not_employed&format=csv', broker).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('未就业名单'));
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['姓名', '身份证号（脱敏）', '性别']);
    expect(lines).toHaveLength(1 + 5);
    expect(lines.slice(1).every((l) => /,\d{6}\*{8}[\dX]{4},/.test(l))).toBe(true);
  });

  it('XLSX: a workbook with the rows of the list', async () => {
    const res = await get('/api/workers/export?list=wants_to_move&format=xlsx', broker).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('有外出务工意愿名单');
    expect(sheet.rowCount).toBe(1 + 3);
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
  });
});

describe('completeness (信息完整率)', () => {
  it('no record is complete while mobiles are unverified; completing one moves the village rate', async () => {
    const before = await get('/api/registry/completeness?groupBy=village', broker);
    expect(before.status).toBe(200);
    const chen = before.body.find((g: { village: string }) => g.village === '陈家集村');
    expect(chen).toMatchObject({ countyCode: '622925', township: '城关镇', workers: 5, complete: 0, completeRate: 0 });

    const list = await get(`/api/workers?village=${encodeURIComponent('陈家集村')}&sort=name`, broker);
    const target = (await get(`/api/workers/${list.body.items[0].id}`, broker)).body;
    const done = await request(api.url).patch(`/api/workers/${target.id}`).set('Authorization', broker).send({
      version: target.version, mobileVerified: true, education: 'junior', skills: ['普工'], wishCategories: ['普工'],
      minMonthlyWage: 4000, availableFrom: '2027-03-01', emergencyContactName: '马建华', emergencyContactMobile: '13700002222',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ completeness: 100, missingFields: [] });
    const after = (await get('/api/registry/completeness?groupBy=village', broker)).body.find((g: { village: string }) => g.village === '陈家集村');
    expect(after).toMatchObject({ workers: 5, complete: 1, completeRate: 20 });
  });

  it('ranks counties by completeness and shows the change since yesterday', async () => {
    await api.dataSource.query(
      `INSERT INTO completeness_daily (day, county_code, workers, complete, score_sum)
       VALUES ('2026-11-24', '622925', 7, 0, 400), ('2026-11-24', '422801', 3, 0, 180)`,
    );
    const res = await get('/api/registry/completeness/ranking?date=2026-11-25', officer);
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ rank: 1, countyCode: '622925', workers: 7, complete: 1, completeRate: 14.3, changeSinceYesterday: 14.3 });
    expect(res.body.map((r: { countyCode: string }) => r.countyCode).sort()).toEqual(['422801', '500101', '622921', '622925']);
    expect(res.body.find((r: { countyCode: string }) => r.countyCode === '422801').changeSinceYesterday).toBe(0);
  });
});

describe('households (一户一档)', () => {
  it('records income and the household plan, refuses bad input per field, and detects a stale edit', async () => {
    const zero = (await get('/api/households?zeroEmployment=true', broker)).body.items[0];
    const income = await request(api.url).post(`/api/households/${zero.id}/incomes`).set('Authorization', broker)
      .send({ year: 2026, kind: 'transfer', amountYuan: 3600, note: '低保' });
    expect(income.status).toBe(201);
    for (const [body, field, message] of [
      [{ year: 2000, kind: 'wage', amountYuan: 1 }, 'year', '年份不早于2010'],
      [{ year: 2026, kind: 'lottery', amountYuan: 1 }, 'kind', '收入类别无效'],
      [{ year: 2026, kind: 'wage', amountYuan: -5 }, 'amountYuan', '金额不能为负'],
      [{ year: 2026, kind: 'wage', amountYuan: 1.5 }, 'amountYuan', '金额必须是整数（元）'],
    ] as const) {
      const res = await request(api.url).post(`/api/households/${zero.id}/incomes`).set('Authorization', broker).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.find((e: { field: string }) => e.field === field).message).toContain(message);
    }
    const plan = await request(api.url).patch(`/api/households/${zero.id}`).set('Authorization', broker)
      .send({ version: zero.version, plan: '何文忠经专列输送至嘉兴；何梅花申请扶贫车间岗位', headName: '何文忠' });
    expect(plan.status).toBe(200);
    const stale = await request(api.url).patch(`/api/households/${zero.id}`).set('Authorization', officer).send({ version: zero.version, plan: '覆盖' });
    expect(stale.status).toBe(409);
    const detail = (await get(`/api/households/${zero.id}`, broker)).body;
    expect(detail).toMatchObject({ headName: '何文忠', plan: '何文忠经专列输送至嘉兴；何梅花申请扶贫车间岗位' });
    expect(detail.incomes).toEqual([{ year: 2026, kind: 'transfer', amountYuan: 3600, note: '低保' }]);
    expect(detail.members.map((m: { name: string }) => m.name).sort()).toEqual(['何文忠', '何梅花'].sort());
    expect((await get(`/api/households/${zero.id}`, enshiBroker)).status).toBe(404);
  });
});
