import { randomUUID } from 'node:crypto';
import { NotificationRequest, NotificationsService, NotificationTemplate } from '@daogang/notifications';
import { PiiCipher } from '@daogang/platform';
import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let worker1: string;
let worker2: string;
let admin: string;
let worker1Id: string;
let worker2Id: string;

/** A new worker account (an empty inbox, whatever the demo seed sends its own accounts). */
async function registerWorker(mobile: string, displayName: string): Promise<{ auth: string; id: string }> {
  const res = await request(api.url).post('/api/auth/register').send({ mobile, password: 'mima2026', displayName });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const auth = `Bearer ${res.body.accessToken}`;
  return { auth, id: (await request(api.url).get('/api/auth/me').set('Authorization', auth)).body.id };
}

beforeAll(async () => {
  api = await startTestApi();
  admin = await bearer(api.url, 'admin');
  ({ auth: worker1, id: worker1Id } = await registerWorker('13712340001', '马海军'));
  ({ auth: worker2, id: worker2Id } = await registerWorker('13712340002', '冉玉梅'));

  const notifications = api.app.get(NotificationsService);
  const pii = api.app.get(PiiCipher);
  const send = (req: NotificationRequest) => api.dataSource.transaction((manager) => notifications.record(manager, [req]));
  const params = { name: '马小军', employer: '厦门集美宏泰电子有限公司', title: '电子装配普工', wage: '4500–6000元', startDate: '2026-03-02', reason: '无' };
  await send({
    template: NotificationTemplate.OfferReceived, params, dedupeKey: `inbox-test:${randomUUID()}`, link: '/m/applications',
    to: [{ userId: worker1Id, sms: { workerId: null, mobileEncrypted: pii.encrypt('13712340001'), mobileMasked: '137****0001' } }],
  });
  await new Promise((resolve) => setTimeout(resolve, 20)); // a later created_at
  await send({ template: NotificationTemplate.PlacementConfirmed, params, dedupeKey: `inbox-test:${randomUUID()}`, to: [{ userId: worker1Id }] });
  await send({ template: NotificationTemplate.Invited, params, dedupeKey: `inbox-test:${randomUUID()}`, to: [{ userId: worker2Id }] });
});
afterAll(async () => {
  await api?.close();
});

const inbox = (auth: string, query = '') => request(api.url).get(`/api/me/notifications${query}`).set('Authorization', auth);
const unreadCount = async (auth: string) =>
  (await request(api.url).get('/api/me/notifications/unread-count').set('Authorization', auth).expect(200)).body.unread;

describe('the inbox (/api/me/notifications)', () => {
  it('a user sees only their own messages, newest first, with the unread count', async () => {
    const mine = await inbox(worker1).expect(200);
    expect(mine.body).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 20 });
    expect(mine.body.items.map((n: { title: string }) => n.title)).toEqual(['录用已确认', '收到录用意向']);
    expect(mine.body.items[1]).toMatchObject({
      template: 'offer_received', read: false, link: '/m/applications',
      body: '厦门集美宏泰电子有限公司向您发出「电子装配普工」岗位（月薪4500–6000元）的录用意向，请在“我的报名”中查看详情并答复。',
    });
    expect(mine.body.items[1].readAt).toBeUndefined();

    const theirs = await inbox(worker2).expect(200);
    expect(theirs.body).toMatchObject({ total: 1, unread: 1 });
    expect(theirs.body.items[0].title).toBe('企业邀请您报名');

    const paged = await inbox(worker1, '?page=2&pageSize=1').expect(200);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items.map((n: { title: string }) => n.title)).toEqual(['收到录用意向']);
  });

  it('marks one read (again is harmless); the unread count and the unread filter follow', async () => {
    const [newest] = (await inbox(worker1).expect(200)).body.items;
    const read = await request(api.url).post(`/api/me/notifications/${newest.id}/read`).set('Authorization', worker1).expect(200);
    expect(read.body).toMatchObject({ id: newest.id, read: true, readAt: expect.any(String) });
    const again = await request(api.url).post(`/api/me/notifications/${newest.id}/read`).set('Authorization', worker1).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    expect(await unreadCount(worker1)).toBe(1);
    const unread = await inbox(worker1, '?unread=true').expect(200);
    expect(unread.body).toMatchObject({ total: 1, unread: 1 });
    expect(unread.body.items[0].title).toBe('收到录用意向');
    expect(await unreadCount(worker2)).toBe(1); // nobody else's count moved
  });

  it("cannot read or mark another user's message", async () => {
    const [theirs] = (await inbox(worker2).expect(200)).body.items;
    const res = await request(api.url).post(`/api/me/notifications/${theirs.id}/read`).set('Authorization', worker1);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(await unreadCount(worker2)).toBe(1);
  });

  it('marks all read', async () => {
    const res = await request(api.url).post('/api/me/notifications/read-all').set('Authorization', worker1).expect(200);
    expect(res.body).toEqual({ marked: 1 });
    expect(await unreadCount(worker1)).toBe(0);
    expect((await inbox(worker1, '?unread=true').expect(200)).body).toMatchObject({ total: 0, unread: 0, items: [] });
    expect(await unreadCount(worker2)).toBe(1);
  });

  it('staff have an inbox too; bad parameters are a 400, no token a 401', async () => {
    expect((await inbox(admin)).status).toBe(200);
    expect((await inbox(worker1, '?unread=maybe')).status).toBe(400);
    expect((await inbox(worker1, '?pageSize=1000')).status).toBe(400);
    expect((await request(api.url).post('/api/me/notifications/not-a-uuid/read').set('Authorization', worker1)).status).toBe(400);
    expect((await request(api.url).get('/api/me/notifications')).status).toBe(401);
  });
});

describe('the SMS log (/api/admin/sms)', () => {
  it('is for admins only', async () => {
    expect((await request(api.url).get('/api/admin/sms').set('Authorization', worker1)).status).toBe(403);
    expect((await request(api.url).get('/api/admin/sms').set('Authorization', await bearer(api.url, 'broker_linxia'))).status).toBe(403);
  });

  it('shows body, template, status and attempts with the masked mobile, never the number', async () => {
    const res = await request(api.url).get('/api/admin/sms?status=pending&pageSize=100').set('Authorization', admin).expect(200);
    expect(res.body.items.every((m: { status: string }) => m.status === 'pending')).toBe(true);
    const ours = res.body.items.filter((m: { mobileMasked: string }) => m.mobileMasked === '137****0001');
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({
      template: 'offer_received', status: 'pending', statusName: '待发送', attempts: 0, error: '',
      body: expect.stringMatching(/^【到岗】厦门集美宏泰电子有限公司向您发出电子装配普工岗位的录用意向/),
    });
    expect(ours[0].sentAt).toBeUndefined();
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('13712340001');
    for (const m of res.body.items as Array<{ body: string; mobileMasked: string }>) {
      expect(m.mobileMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(m.body).not.toMatch(/1[3-9]\d{9}/); // no full mobile of anyone
    }
    expect(text).not.toMatch(/mobileEncrypted|v1\.t1\./);

    const sent = await request(api.url).get('/api/admin/sms?status=sent').set('Authorization', admin).expect(200);
    expect(sent.body.items.some((m: { mobileMasked: string }) => m.mobileMasked === '137****0001')).toBe(false);
    expect((await request(api.url).get('/api/admin/sms?status=lost').set('Authorization', admin)).status).toBe(400);
  });
});
