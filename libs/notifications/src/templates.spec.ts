import { NotificationTemplate } from './notification-request.js';
import { renderNotification, TEMPLATES } from './templates.js';

/** Every parameter any template uses, with realistic values. */
const PARAMS = {
  name: '马小军',
  employer: '厦门集美宏泰电子有限公司',
  title: '电子装配普工',
  wage: '4500–6000元',
  reason: '年龄不符合岗位要求',
  startDate: '2026-03-02',
  trip: '0227-厦门-03',
  pickup: '和政县汽车站',
  time: '2月27日 06:30',
  seat: 17,
  destination: '厦门市集美区',
  coordinator: '王海燕',
  phone: '13809300009',
  before: '24小时',
  day: 30,
  dueOn: '2026-04-01',
  broker: '马建国',
};

describe('notification templates', () => {
  it.each(Object.values(NotificationTemplate))('%s has an inbox title and body and a signed SMS, all filled', (template) => {
    const text = renderNotification(template, PARAMS, '到岗');
    expect(text.title.length).toBeGreaterThan(0);
    expect(text.title.length).toBeLessThanOrEqual(60);
    expect(text.body.length).toBeGreaterThan(text.title.length);
    expect(text.sms.startsWith('【到岗】')).toBe(true);
    for (const rendered of [text.title, text.body, text.sms]) expect(rendered).not.toMatch(/[{}]/);
    // Short: one or two 70-character segments even with a long employer name.
    expect(text.sms.length).toBeLessThanOrEqual(80);
  });

  it('fills the parameters into the text', () => {
    const text = renderNotification(NotificationTemplate.PlacementConfirmed, PARAMS, '到岗');
    expect(text.body).toBe('恭喜！厦门集美宏泰电子有限公司已确认录用您（电子装配普工），到岗日期2026-03-02。出行安排会另行通知。');
    expect(text.sms).toBe('【到岗】厦门集美宏泰电子有限公司已确认录用您（电子装配普工），2026-03-02到岗，请留意出行安排。');
  });

  it('puts the configured signature in front of the SMS', () => {
    expect(renderNotification(NotificationTemplate.Invited, PARAMS, '临夏劳务').sms).toMatch(/^【临夏劳务】/);
  });

  it('throws when a placeholder has no value (a programming error, never a half-filled message)', () => {
    const { reason: _, ...withoutReason } = PARAMS;
    expect(() => renderNotification(NotificationTemplate.ApplicationRejected, withoutReason, '到岗')).toThrow(/"reason" is missing/);
    expect(() => renderNotification(NotificationTemplate.OfferReceived, { ...PARAMS, employer: ' ' }, '到岗')).toThrow(/"employer"/);
  });

  it('accepts numbers as parameters', () => {
    expect(renderNotification(NotificationTemplate.OfferDeclined, { name: '冉秀英', title: 1024 }, '到岗').body).toContain('「1024」');
  });

  it('clips a very long parameter in the SMS but keeps it whole in the inbox', () => {
    const employer = '甘肃省临夏回族自治州和政县某某某某某某劳务服务有限责任公司第二分公司';
    const text = renderNotification(NotificationTemplate.OfferReceived, { ...PARAMS, employer }, '到岗');
    expect(text.body).toContain(employer);
    expect(text.sms).not.toContain(employer);
    expect(text.sms).toContain('…');
  });

  it('refuses to put an ID number into an SMS', () => {
    expect(() => renderNotification(NotificationTemplate.ApplicationReceived, { ...PARAMS, name: '62292519900101123X' }, '到岗')).toThrow(/ID number/);
  });

  it('no SMS text asks for or shows personal data beyond a name', () => {
    for (const text of Object.values(TEMPLATES)) expect(text.sms).not.toMatch(/身份证|手机号|\{mobile\}|\{idNumber\}/);
  });
});
