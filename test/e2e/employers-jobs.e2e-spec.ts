import request from 'supertest';
import { makeCreditCode } from '@daogang/jobs';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let xiamen: string; // verified employer
let jining: string; // pending employer
let officer: string;
let worker: string;
const JIAXING = '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e02';

beforeAll(async () => {
  api = await startTestApi();
  [xiamen, jining, officer, worker] = await Promise.all(['employer_xiamen', 'employer_jining', 'officer_linxia', '13900000001'].map((l) => bearer(api.url, l)));
});
afterAll(async () => {
  await api?.close();
});

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const order = (overrides: object = {}) => ({
  title: '电子厂普工包吃住', category: '电子厂', headcount: 5, wageMin: 5000, wageMax: 6500, startDate: inDays(30),
  benefits: ['dorm', 'meals'], description: '长白班，男女不限', ...overrides,
});
const send = (method: 'post' | 'patch', path: string, auth: string, body: object) => request(api.url)[method](path).set('Authorization', auth).send(body);
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));

describe('employers', () => {
  it('sign up with a valid credit code and a first account; pending until an officer verifies', async () => {
    const res = await request(api.url).post('/api/employers/register').send({
      name: '杭州萧山纺织有限公司', creditCode: makeCreditCode('330109', 777), countyCode: '330109', kind: 'enterprise',
      contacts: [{ name: '张丽', title: '人事', mobile: '13905710001' }],
      account: { username: 'xiaoshan_hr', password: 'hangzhou2027', displayName: '张丽' },
    });
    expect(res.status).toBe(201);
    expect(res.body.employer).toMatchObject({ verification: 'pending', verificationName: '待审核', kindName: '用工企业', countyCode: '330109' });
    expect(res.body.employer.lng).toBeGreaterThan(119); // defaulted to the county's centre
    const hr = await bearer(api.url, 'xiaoshan_hr', 'hangzhou2027');
    const draft = await send('post', '/api/job-orders', hr, order());
    expect(draft.status).toBe(201);
    const publish = await send('post', `/api/job-orders/${draft.body.id}/transitions`, hr, { action: 'publish', version: draft.body.version });
    expect(publish.status).toBe(403);
    expect(publish.body.message).toBe('企业尚未通过审核，可以保存草稿，审核通过后才能发布');

    const verified = await send('post', `/api/employers/${res.body.employer.id}/verification`, officer, { decision: 'verified' });
    expect(verified.body.verification).toBe('verified');
    const again = await send('post', `/api/job-orders/${draft.body.id}/transitions`, hr, { action: 'publish', version: draft.body.version });
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('published');
  });

  it.each([
    [{ creditCode: '91350200260130346C' }, 'creditCode', '统一社会信用代码校验位不正确，请核对营业执照'],
    [{ creditCode: 'ABC' }, 'creditCode', '统一社会信用代码应为18位'],
    [{ countyCode: '999999' }, 'countyCode', '没有代码为 999999 的县（区）'],
    [{ contacts: [{ name: '张', mobile: '123' }] }, 'contacts[0].mobile', '请输入11位中国大陆手机号'],
    [{ account: { username: '1x', password: 'abc', displayName: '' } }, 'account.username', '账号需以字母开头'],
  ])('refuses bad sign-up input %j', async (patch, field, message) => {
    const res = await request(api.url).post('/api/employers/register').send({
      name: '测试企业', creditCode: makeCreditCode('350211', 9), countyCode: '350211',
      account: { username: 'test_hr', password: 'abc12345', displayName: '测试' }, ...patch,
    });
    expect(res.status).toBe(400);
    expect(fields(res.body)[field]).toContain(message);
  });

  it('a rejection needs a reason', async () => {
    const res = await send('post', `/api/employers/${JIAXING}/verification`, officer, { decision: 'rejected' });
    expect(res.status).toBe(400);
    expect(fields(res.body).reason).toBe('不通过时请说明理由');
  });

  it('an employer cannot read or edit another organisation', async () => {
    expect((await request(api.url).get(`/api/employers/${JIAXING}`).set('Authorization', xiamen)).status).toBe(404);
    expect((await send('patch', `/api/employers/${JIAXING}`, xiamen, { version: 1, description: 'x' })).status).toBe(404);
  });
});

describe('job orders', () => {
  it('refuses requirements that discriminate, saying why', async () => {
    const res = await send('post', '/api/job-orders', xiamen, order({ description: '限男性，不招少数民族', title: '普工（本地户口优先）' }));
    expect(res.status).toBe(400);
    const f = fields(res.body);
    expect(f.description).toMatch(/「限男性」.*性别.*就业促进法/);
    expect(Object.keys(f)).toEqual(['description']);
    const region = await send('post', '/api/job-orders', xiamen, order({ description: '仅限本地户口' }));
    expect(fields(region.body).description).toMatch(/户籍/);
  });

  it.each([
    [{ wageMin: 8000, wageMax: 6000 }, 'wageMax', '月薪上限不能低于下限'],
    [{ ageMin: 14 }, 'ageMin', '最低年龄不得低于16周岁'],
    [{ ageMin: 40, ageMax: 30 }, 'ageMax', '最高年龄不能低于最低年龄'],
    [{ category: '挖矿' }, 'category', '工种无效'],
    [{ headcount: 0 }, 'headcount', '招聘人数至少1人'],
    [{ benefits: ['car'] }, 'benefits', '福利无效'],
    [{ startDate: '2027-02-30' }, 'startDate', '日期格式应为 YYYY-MM-DD'],
    [{ workCountyCode: '350299' }, 'workCountyCode', '没有代码为 350299 的县（区）'],
  ])('refuses %j', async (patch, field, message) => {
    const res = await send('post', '/api/job-orders', xiamen, order(patch));
    expect(res.status).toBe(400);
    expect(fields(res.body)[field]).toContain(message);
  });

  it('goes draft → published → paused → published → filled → closed, and refuses moves the lifecycle does not allow', async () => {
    let job = (await send('post', '/api/job-orders', xiamen, order())).body;
    expect(job).toMatchObject({ status: 'draft', statusName: '草稿', workCountyCode: '350211', workPlace: '福建省 厦门市 集美区', placesLeft: 5 });
    const move = async (action: string) => {
      const res = await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action, version: job.version });
      if (res.status === 201) job = res.body;
      return res;
    };
    expect((await move('resume')).status).toBe(409);
    expect((await move('publish')).body.status).toBe('published');
    expect((await move('pause')).body.status).toBe('paused');
    expect((await move('resume')).body.status).toBe('published');
    expect((await move('mark_filled')).body.status).toBe('filled');
    expect((await move('close')).body).toMatchObject({ status: 'closed', closeReason: '企业结束招聘' });
    const after = await move('publish');
    expect(after.status).toBe(409);
    expect(after.body.message).toBe('「已结束」状态的招聘订单不能发布');
  });

  it('concurrent edits are detected (409), not lost', async () => {
    const job = (await send('post', '/api/job-orders', xiamen, order())).body;
    const first = await send('patch', `/api/job-orders/${job.id}`, xiamen, { version: job.version, wageMax: 7000 });
    const second = await send('patch', `/api/job-orders/${job.id}`, xiamen, { version: job.version, wageMax: 9000 });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.details).toEqual({ currentVersion: first.body.version });
    expect((await request(api.url).get(`/api/job-orders/${job.id}`).set('Authorization', xiamen)).body.wageMax).toBe(7000);
  });

  it('drafts are private; published orders are public; other employers cannot touch them', async () => {
    const job = (await send('post', '/api/job-orders', xiamen, order())).body;
    expect((await request(api.url).get(`/api/job-orders/${job.id}`)).status).toBe(404);
    expect((await request(api.url).get(`/api/job-orders/${job.id}`).set('Authorization', worker)).status).toBe(404);
    const published = (await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action: 'publish', version: job.version })).body;
    const open = await request(api.url).get(`/api/job-orders/${job.id}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ employerName: '厦门集美宏泰电子有限公司', benefitNames: ['包住', '包吃'] });
    expect((await send('patch', `/api/job-orders/${job.id}`, jining, { version: published.version, wageMax: 9000 })).status).toBe(404);
  });

  it('expiry closes published orders past their day, once', async () => {
    const job = (await send('post', '/api/job-orders', xiamen, order())).body;
    const published = (await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action: 'publish', version: job.version })).body;
    await api.dataSource.query(`UPDATE job_orders SET expires_on = current_date - 2 WHERE id = $1`, [published.id]);
    const { JobOrdersService } = await import('@daogang/jobs');
    const service = api.app.get(JobOrdersService);
    expect(await service.expire()).toContain(published.id);
    expect(await service.expire()).not.toContain(published.id);
    const closed = (await request(api.url).get(`/api/job-orders/${job.id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', closeReason: '到期自动结束' });
    const outbox = await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'search.jobs' AND key = $1`, [job.id]);
    expect(outbox[0].n).toBe(3); // created, published, expired
  });
});
