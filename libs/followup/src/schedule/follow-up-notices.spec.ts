import { NotificationTemplate, renderNotification } from '@daogang/notifications';
import { dueNotices, escalatedNotices, followUpNoticeKey, MovedFollowUp, overdueNotices } from './follow-up-notices.js';

const row = (overrides: Partial<MovedFollowUp> = {}): MovedFollowUp => ({
  id: 'f0000000-0000-4000-8000-000000000001', status: 'due', application_id: 'a0000000-0000-4000-8000-000000000001',
  broker_id: 'b0000000-0000-4000-8000-000000000001', county_code: '622925', day_offset: 30, due_on: '2026-04-01',
  worker_id: 'w0000000-0000-4000-8000-000000000001', name: '马小军', user_id: 'u0000000-0000-4000-8000-000000000001',
  mobile_encrypted: 'v1.k1.iv.tag.data', mobile_masked: '139****0001', employer: '厦门集美宏泰电子有限公司', broker_name: '马建国',
  ...overrides,
});

describe('follow-up notices', () => {
  it('a due follow-up: the broker\'s inbox and the worker\'s check-in invitation (inbox and SMS), keyed per follow-up and step', () => {
    const [broker, worker] = dueNotices([row()]);
    expect(broker).toMatchObject({
      template: NotificationTemplate.FollowUpDue, dedupeKey: `follow-up:${row().id}:due`, link: '/console/follow-ups',
      to: [{ userId: row().broker_id }],
    });
    expect(renderNotification(broker.template, broker.params, '到岗').body).toMatch(/^马小军（厦门集美宏泰电子有限公司）第30天回访今天到期/);
    expect(worker).toMatchObject({
      template: NotificationTemplate.FollowUpCheckIn, dedupeKey: followUpNoticeKey(row().id, 'check-in'), link: '/m/check-in',
      to: [{ userId: row().user_id, sms: { workerId: row().worker_id, mobileEncrypted: 'v1.k1.iv.tag.data', mobileMasked: '139****0001' } }],
    });
    const sms = renderNotification(worker.template, worker.params, '到岗').sms;
    expect(sms).toBe('【到岗】您到岗已满30天，工作还顺利吗？请登录到岗点“报平安”，有困难可直接求助。');
    expect(sms).not.toMatch(/\d{11}|\d{17}/);
  });

  it('no broker: only the worker is invited; no account and no mobile: nobody', () => {
    expect(dueNotices([row({ broker_id: null })]).map((r) => r.template)).toEqual([NotificationTemplate.FollowUpCheckIn]);
    expect(dueNotices([row({ user_id: null, mobile_encrypted: null, mobile_masked: null })]).map((r) => r.template)).toEqual([NotificationTemplate.FollowUpDue]);
    expect(dueNotices([row({ user_id: null })])[1].to).toEqual([{ userId: null, sms: expect.objectContaining({ mobileMasked: '139****0001' }) }]);
  });

  it('a follow-up cancelled by the step (the placement ended) tells nobody', () => {
    const cancelled = row({ status: 'cancelled' });
    expect(dueNotices([cancelled])).toEqual([]);
    expect(overdueNotices([cancelled])).toEqual([]);
    expect(escalatedNotices([cancelled], new Map([['622925', ['o1']]]))).toEqual([]);
  });

  it('overdue: the broker; escalated: every officer of the worker\'s county, naming the broker', () => {
    expect(overdueNotices([row({ status: 'overdue' })])).toEqual([expect.objectContaining({
      template: NotificationTemplate.FollowUpOverdue, dedupeKey: `follow-up:${row().id}:overdue`, to: [{ userId: row().broker_id }],
    })]);
    expect(overdueNotices([row({ status: 'overdue', broker_id: null })])).toEqual([]);
    const officers = new Map([['622925', ['o1', 'o2']]]);
    const [escalated] = escalatedNotices([row({ status: 'overdue' }), row({ status: 'overdue', county_code: '500101' })], officers);
    expect(escalated).toMatchObject({ template: NotificationTemplate.FollowUpEscalated, to: [{ userId: 'o1' }, { userId: 'o2' }] });
    expect(renderNotification(escalated.template, escalated.params, '到岗').body).toContain('负责经纪人：马建国');
    const [unassigned] = escalatedNotices([row({ status: 'overdue', broker_id: null, broker_name: null })], officers);
    expect(unassigned.params.broker).toBe('未分配');
  });
});
