// Follow-up after placement through the real web UI in headless Chromium (issue 8): a broker works 就业回访 (today's
// follow-ups with the overdue ones highlighted, the tabs and their counts), records a visit that finds wage arrears and
// follows the link to the case it opened, then finds it in 帮扶工单; a broker records a worker no longer employed, reads
// the case's re-employment suggestions (a job in the home county first), applies for the worker with their consent and
// closes the case 离职返乡; the demo worker, placed and arrived, checks in on a phone (first 409 while not placed, then
// 一切都好 and 我需要帮助 with a note) and the broker sees the new case; an officer reads the pages without their buttons,
// and a broker closes a case 换了工作 with the worker's new placement; the officer reads 留存率 as the API counts it.
// One API with the demo seed; the tests run in order on it. Placements arrive through the API; their follow-ups are
// inserted with SQL (as test/e2e/followup-visits.e2e-spec.ts does): the schedule that creates them from the arrivals
// runs in the worker app, which is not booted here. Screenshots go to test-results/browser/.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import {
  CASE_OUTCOME_ZH, CASE_REASON_ZH, FOLLOW_UP_STATUS_ZH, PUBLIC_WELFARE_CATEGORIES, RETENTION_BY_ZH, STAFF_CHANNELS,
  VISIT_PROBLEMS,
} from '@daogang/followup';
import { makeIdNumber } from '@daogang/registry';
import * as web from '../../apps/web/src/pages/console/followup/followup.js';
import { workerInput } from '../support/factories.js';
import { apiCaller, type ApiCall, type RunningApi } from './support/api.js';
import { closeStack, startStackWithDatabase } from './support/stack.js';
import { choose, eventually, expectText, login as loginAt, shot } from './support/console.js';
import { containsElementPlus, gzipSizeOfDist, type WebServer } from './support/web.js';
import { newDesktopContext, newPhoneContext, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
const JOURNEY_TIMEOUT_MS = 180_000;
/** JS budget for a worker's phone: the login page plus the worker home page, gzip (as in login.browser-spec.ts). */
const WORKER_JS_BUDGET_BYTES = 60 * 1024;
/** What 报平安 adds to the phone after the home page (JS, gzip). */
const CHECK_IN_PAGE_JS_BUDGET_BYTES = 5 * 1024;
const CONSENT = { method: 'phone', note: '电话确认' };

let api: RunningApi | undefined;
let webServer: WebServer | undefined;
let browser: Browser | undefined;
let db: pg.Client | undefined;

beforeAll(async () => {
  ({ api, webServer, browser, db } = await startStackWithDatabase('followup.browser-spec'));
}, 240_000);

afterAll(async () => {
  await closeStack({ browser, webServer, db, api });
});

test("the web's labels of the follow-up codes are the API's", () => {
  expect(web.CASE_REASON_ZH).toEqual(CASE_REASON_ZH);
  expect(web.CASE_OUTCOME_ZH).toEqual(CASE_OUTCOME_ZH);
  expect(web.FOLLOW_UP_STATUS_ZH).toEqual(FOLLOW_UP_STATUS_ZH);
  expect(Object.keys(web.PROBLEM_ZH)).toEqual(VISIT_PROBLEMS);
  expect(web.STAFF_CHANNELS).toEqual([...STAFF_CHANNELS]);
  expect(web.PUBLIC_WELFARE_CATEGORIES).toEqual(PUBLIC_WELFARE_CATEGORIES);
  expect(web.CLOSE_CHOICES.map((c) => c.value)).toEqual(Object.keys(CASE_OUTCOME_ZH));
  expect(web.RETENTION_BY_ZH).toEqual(RETENTION_BY_ZH);
});

test('a broker sees today’s follow-ups (overdue highlighted), records a visit with 欠薪, follows the case it opened, and finds it in 帮扶工单', async () => {
  const broker = await apiAs('broker_linxia');
  // 马秀英 arrived three days ago: her day-3 follow-up is due today. 韩德明 arrived five days ago and was not called.
  const due = await arrived('马秀英', day(-3));
  await followUps(due.applicationId, [[3, day(0), 'due'], [7, day(4), 'scheduled'], [30, day(27), 'scheduled']]);
  const late = await arrived('韩德明', day(-5));
  await followUps(late.applicationId, [[3, day(-2), 'overdue'], [7, day(2), 'scheduled']]);
  const today = (await broker('GET', '/api/follow-ups?view=today')).body as web.FollowUpPage;
  expect(today.counts.overdue).toBeGreaterThanOrEqual(1);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-follow-ups').click();
    await page.waitForURL('**/console/follow-ups');

    // 今日待办: due and overdue, the overdue row highlighted; the counts of both tabs are the API's.
    const table = page.getByTestId('follow-up-table');
    const row = (name: string) => table.locator('.el-table__row', { hasText: name });
    await expectText(row('马秀英').getByTestId('fu-status'), '今日到期');
    await expectText(row('韩德明').getByTestId('fu-status'), '已逾期');
    expect(await row('韩德明').getAttribute('class')).toContain('fu__row--overdue');
    expect(await row('马秀英').getAttribute('class')).not.toContain('fu__row--overdue');
    await expectText(page.getByTestId('count-today'), String(today.counts.today));
    await expectText(page.getByTestId('count-overdue'), String(today.counts.overdue));
    await expectText(page.getByTestId('overdue-note'), `有 ${today.counts.overdue} 个回访已逾期`);
    await expectText(row('马秀英'), '第3天');
    await shot(page, 'followup-today');

    // The other tabs, in the URL.
    await page.getByTestId('tab-overdue').click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'overdue');
    await eventually(() => row('马秀英').count(), (n) => expect(n).toBe(0));
    await expectText(row('韩德明').getByTestId('fu-status'), '已逾期');
    await page.getByTestId('tab-upcoming').click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'upcoming');
    await expectText(row('马秀英'), '第7天');
    await expectText(row('韩德明'), '第7天');
    await page.getByTestId('tab-today').click();
    await page.waitForURL((url) => !url.searchParams.has('view'));

    // 记录回访 from the row.
    await row('马秀英').getByTestId('fu-open').click();
    await page.waitForURL(`**/console/placements/${due.applicationId}/visit?**`);
    await expectText(page.getByTestId('visit-due'), '第3天');
    await expectText(page.getByTestId('placement-worker'), '马秀英');
    await expectText(page.getByTestId('placement-status'), '已到岗');
    await expectText(page.getByTestId('visit-table'), '还没有回访记录');
    const form = page.getByTestId('visit-form');

    // Nothing said about being employed: asked in the page. A wage that is not a number: the API's words under it.
    await form.getByTestId('visit-submit').click();
    await expectText(form.getByTestId('vf-stillEmployed'), '请选择是否仍在岗');
    await form.getByTestId('vf-stillEmployed').getByText('在岗', { exact: true }).click();
    await form.getByTestId('vf-monthlyWage').locator('input').fill('五千八');
    const refused = await broker('POST', `/api/placements/${due.applicationId}/visits`, { channel: 'phone', stillEmployed: true, monthlyWage: '五千八' });
    expect(refused.status).toBe(400);
    const wageMessage = (refused.body as { errors: Array<{ field: string; message: string }> }).errors.find((e) => e.field === 'monthlyWage')!.message;
    await form.getByTestId('visit-submit').click();
    await expectText(form.getByTestId('vf-monthlyWage').locator('.el-form-item__error'), wageMessage);
    expect(await page.getByTestId('visit-result').count()).toBe(0);

    // The visit: by phone, employed, wages not paid on time, 欠薪 ticked.
    await form.getByTestId('vf-channel').getByText('电话', { exact: true }).click();
    await form.getByTestId('vf-wagePaidOnTime').getByText('否', { exact: true }).click();
    await form.getByTestId('vf-monthlyWage').locator('input').fill('5800');
    await form.getByTestId('vf-hoursPerWeek').locator('input').fill('60');
    await form.getByTestId('vf-housingOk').getByText('满意', { exact: true }).click();
    await form.getByTestId('vf-problems').getByText('欠薪', { exact: true }).click();
    await form.getByTestId('vf-notes').locator('textarea').fill('3月工资还没发，车间说下周补');
    await shot(page, 'followup-visit-form');
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/placements/${due.applicationId}/visits`) && r.request().method() === 'POST');
    await form.getByTestId('visit-submit').click();
    const response = await posted;
    expect(response.status()).toBe(201);
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({
      channel: 'phone', stillEmployed: true, wagePaidOnTime: false, monthlyWage: 5800, hoursPerWeek: 60, housingOk: true,
      problems: ['wage_arrears'], notes: '3月工资还没发，车间说下周补',
    });
    const visit = (await response.json()) as web.Visit;
    expect(visit.risks).toEqual(['欠薪']);
    expect(visit.caseId).toBeTruthy();

    // The risks in the API's words and the case it opened; the history has the visit.
    const result = page.getByTestId('visit-result');
    await expectText(result, '完成第3天回访');
    expect((await result.getByTestId('visit-risk').allTextContents()).map((t) => t.trim())).toEqual(visit.risks);
    expect(await result.getByTestId('visit-case-link').getAttribute('href')).toBe(`/console/cases/${visit.caseId}`);
    await eventually(() => page.getByTestId('visit-table').locator('.el-table__row').count(), (n) => expect(n).toBe(1));
    await expectText(page.getByTestId('visit-problems'), '欠薪');
    await expectText(page.getByTestId('visit-notes'), '3月工资还没发');
    await shot(page, 'followup-visit-saved');

    // The case page: the reason, due in two days, the placement and the visit.
    await result.getByTestId('visit-case-link').click();
    await page.waitForURL(`**/console/cases/${visit.caseId}`);
    const theCase = (await broker('GET', `/api/cases/${visit.caseId}`)).body as web.Case;
    expect(theCase).toMatchObject({ status: 'open', reasons: ['wage_arrears'], dueOn: day(2), workerName: '马秀英' });
    await expectText(page.getByTestId('case-status'), '处理中');
    await expectText(page.getByTestId('case-reasons'), '欠薪');
    await expectText(page.getByTestId('case-due'), day(2));
    await expectText(page.getByTestId('placement-job'), '电子厂装配工');
    await expectText(page.getByTestId('visit-history').getByTestId('visit-channel'), '电话');
    await shot(page, 'followup-case');

    // 帮扶工单: the case among the open ones, its reason a tag; the follow-up is done and the row says 帮扶中.
    await page.getByTestId('menu-cases').click();
    await page.waitForURL('**/console/cases');
    const caseRow = page.getByTestId('case-table').locator('.el-table__row', { hasText: '马秀英' });
    await expectText(caseRow.getByTestId('case-reasons'), '欠薪');
    await expectText(caseRow.getByTestId('case-due'), day(2));
    const open = (await broker('GET', '/api/cases?status=open')).body as web.CasePage;
    await expectText(page.getByTestId('open-count'), String(open.total));
    await shot(page, 'followup-cases');
    await page.getByTestId('menu-follow-ups').click();
    await page.getByTestId('tab-done').click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'done');
    await expectText(row('马秀英').getByTestId('fu-status'), '已完成');
    await expectText(row('马秀英').getByTestId('fu-open-case'), '帮扶中');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker records 不在岗; the case offers a home-county job first, the broker applies for the worker with consent and closes the case 离职返乡', async () => {
  const broker = await apiAs('broker_linxia');
  // Young enough for any job (the ranking applies statutory retirement ages).
  const young = workerInput('622925', { name: '马晓东', idNumber: makeIdNumber('622925', '1997-03-12', 700 + Math.floor(Math.random() * 200)) });
  const lost = await arrived('马晓东', day(-7), young);
  await followUps(lost.applicationId, [[7, day(0), 'due'], [30, day(23), 'scheduled']]);
  const local = await homeCountyJob('扶贫车间手工编织');

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-follow-ups').click();
    await page.getByTestId('follow-up-table').locator('.el-table__row', { hasText: '马晓东' }).getByTestId('fu-open').click();
    await page.waitForURL(`**/console/placements/${lost.applicationId}/visit?**`);

    // 不在岗: the page says what saving does; the API ends the placement and opens a case.
    const form = page.getByTestId('visit-form');
    await form.getByTestId('vf-stillEmployed').getByText('不在岗（已离职）', { exact: true }).click();
    await expectText(form.getByTestId('vf-leave-note'), '登记离职');
    await form.getByTestId('vf-notes').locator('textarea').fill('厂里裁员，已回和政');
    await form.getByTestId('visit-submit').click();
    const result = page.getByTestId('visit-result');
    await expectText(result, '已登记离职，后续回访已取消');
    await expectText(result.getByTestId('visit-risk'), '已离职待再就业');
    await expectText(page.getByTestId('placement-status'), '已离职');
    await page.getByTestId('visit-closed').waitFor();
    expect(await page.getByTestId('visit-form').count()).toBe(0);
    await expectText(page.getByTestId('visit-employed'), '不在岗');
    const caseId = ((await result.getByTestId('visit-case-link').getAttribute('href')) ?? '').split('/').pop()!;
    expect(((await broker('GET', `/api/applications/${lost.applicationId}`)).body as { status: string }).status).toBe('left');

    // The case: re-employment suggestions as the API orders them, the home-county job first and tagged 本县.
    await result.getByTestId('visit-case-link').click();
    await page.waitForURL(`**/console/cases/${caseId}`);
    await expectText(page.getByTestId('case-reasons'), '已离职待再就业');
    const recs = (await broker('GET', `/api/cases/${caseId}/recommendations`)).body as web.RecommendationPage;
    expect(recs.items[0].job).toMatchObject({ id: local, workCountyCode: '622925' });
    const recTable = page.getByTestId('recommendation-table');
    await eventually(() => recTable.getByTestId('recommendation-job').allTextContents(), (titles) =>
      expect(titles.map((t) => t.trim())).toEqual(recs.items.map((r) => r.job.title)));
    const first = recTable.locator('.el-table__row').first();
    await expectText(first.getByTestId('recommendation-local'), '本县');
    expect(await recTable.getByTestId('recommendation-local').count()).toBe(recs.items.filter((r) => r.job.workCountyCode === '622925').length);
    await shot(page, 'followup-case-recommendations');

    // 代为报名 asks how the worker agreed first.
    await first.getByTestId('recommendation-apply').click();
    const dialog = page.getByTestId('case-apply-dialog');
    await expectText(dialog, '扶贫车间手工编织');
    await dialog.getByTestId('case-apply-confirm').click();
    await expectText(dialog.getByTestId('case-apply-consent'), '请选择本人同意的方式');
    await choose(page, dialog.getByTestId('case-apply-consent'), '电话确认');
    await dialog.getByTestId('case-apply-note').locator('input').fill('电话联系本人，愿意去本县扶贫车间');
    await dialog.getByTestId('case-apply-confirm').click();
    await expectText(page.getByTestId('recommendation-applied'), '已为马晓东报名「扶贫车间手工编织」');
    await expectText(first.getByTestId('recommendation-application'), '已报名');
    const mine = (await broker('GET', `/api/applications?workerId=${lost.workerId}&jobOrderId=${local}`)).body as { items: Array<{ status: string; consentMethod: string; consentNote: string }> };
    expect(mine.items).toEqual([expect.objectContaining({ status: 'applied', consentMethod: 'phone', consentNote: '电话联系本人，愿意去本县扶贫车间' })]);

    // 关闭工单: the API's field errors under their fields (a note is required; a changed job needs the new placement,
    // and an application only 已报名 is not one), then 离职返乡.
    await page.getByTestId('open-close').click();
    const close = page.getByTestId('close-dialog');
    await close.getByTestId('close-confirm').click();
    await expectText(close.getByTestId('cf-outcome'), '请选择处理结果');
    await close.getByTestId('cf-outcome').getByText('换了工作', { exact: true }).click();
    await expectText(close.getByTestId('no-new-placement'), '还没有已接受、已录用或已到岗的新岗位');
    await close.getByTestId('close-confirm').click();
    await expectText(close.getByTestId('cf-note').locator('.el-form-item__error'), '请填写处理情况');
    await close.getByTestId('cf-note').locator('textarea').fill('在家照顾老人，已报名本县扶贫车间');
    await close.getByTestId('close-confirm').click();
    await expectText(close.getByTestId('cf-newApplicationId').locator('.el-form-item__error'), '换工作请选择新的录用');
    await shot(page, 'followup-close-errors');
    await close.getByTestId('cf-outcome').getByText('离职返乡', { exact: true }).click();
    await close.getByTestId('close-confirm').click();
    await expectText(page.getByTestId('case-status'), '已关闭');
    await expectText(page.getByTestId('case-outcome'), '已离职返乡');
    await expectText(page.getByTestId('case-outcome-note'), '在家照顾老人');
    expect(await page.getByTestId('open-close').count()).toBe(0);
    expect(await page.getByTestId('recommendation-apply').count()).toBe(0);
    expect((await broker('GET', `/api/cases/${caseId}`)).body).toMatchObject({ status: 'closed', outcome: 'left_home', outcomeNote: '在家照顾老人，已报名本县扶贫车间' });
    await shot(page, 'followup-case-closed');

    // 已关闭 in 帮扶工单.
    await page.getByTestId('back-to-cases').click();
    await page.getByTestId('case-tab-closed').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'closed');
    await expectText(page.getByTestId('case-table').locator('.el-table__row', { hasText: '马晓东' }).getByTestId('case-outcome'), '已离职返乡');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('the demo worker checks in on a phone (not placed: the API’s 409; arrived: 一切都好, then 我需要帮助 with a note), and the broker sees the new case', async () => {
  const worker = await apiAs('13900000001');
  const employer = await apiAs('employer_xiamen');
  const broker = await apiAs('broker_linxia');

  let helped: web.Visit | undefined;
  const phone = await newPhoneContext(browser!);
  const page = await phone.newPage();
  const errors = trackPageErrors(page);
  const assets: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/assets/')) assets.push(url.pathname);
  });
  try {
    await login(page, '13900000001');
    await page.getByTestId('worker-home').waitFor();
    await page.waitForLoadState('networkidle');
    const homeAssets = new Set(assets);
    expect(gzipSizeOfDist([...homeAssets].filter((a) => a.endsWith('.js')))).toBeLessThanOrEqual(WORKER_JS_BUDGET_BYTES);

    // From the home page's 我的行程 tab. Not placed yet: the API's 409 as worded.
    await page.getByTestId('worker-tabbar-trips').click();
    await page.getByTestId('checkin-link').click();
    await page.waitForURL('**/m/check-in');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const notPlaced = await worker('POST', '/api/me/check-in', { answer: 'ok' });
    expect(notPlaced.status).toBe(409);
    await page.getByTestId('checkin-ok').click();
    await expectText(page.getByTestId('checkin-error'), (notPlaced.body as { message: string }).message);
    await shot(page, 'followup-checkin-not-placed');

    // The seeded offer: accepted, placed and arrived today.
    const offers = (await worker('GET', '/api/applications?status=offered')).body as { items: Array<{ id: string; job: { title: string; employerName: string } }> };
    expect(offers.items.length).toBeGreaterThanOrEqual(1);
    const offer = offers.items[0];
    expect((await worker('POST', `/api/applications/${offer.id}/transitions`, { action: 'accept' })).status).toBe(201);
    expect((await employer('POST', `/api/applications/${offer.id}/transitions`, { action: 'place', startDate: day(0) })).status).toBe(201);
    expect((await employer('POST', `/api/applications/${offer.id}/transitions`, { action: 'arrive' })).status).toBe(201);

    // 我的报名 links the arrived placement to 报平安.
    await page.goto(`${webServer!.url}/m/applications`);
    await page.locator('[data-testid="application-card"][data-status="arrived"]').getByTestId('application-checkin').click();
    await page.waitForURL('**/m/check-in');
    await expectText(page.getByTestId('checkin-job'), `${offer.job.employerName} · ${offer.job.title}`);

    // 一切都好: one tap, then the confirmation.
    const ok = page.waitForResponse((r) => r.url().endsWith('/api/me/check-in') && r.request().method() === 'POST');
    await page.getByTestId('checkin-ok').click();
    expect((await ok).status()).toBe(201);
    expect(JSON.parse((await ok).request().postData() ?? '{}')).toEqual({ answer: 'ok' });
    await expectText(page.getByTestId('checkin-done'), '已报平安');
    await shot(page, 'followup-checkin-ok');

    // 我需要帮助: a sheet for an optional note (a common trouble in one tap), then sent.
    await page.reload();
    await page.getByTestId('checkin-help').click();
    await expectText(page.getByTestId('sheet-title'), '我需要帮助');
    await page.getByTestId('sheet').getByRole('button', { name: '工资没按时发' }).click();
    expect(await page.getByTestId('checkin-note').inputValue()).toBe('工资没按时发');
    await page.getByTestId('checkin-note').fill('工资没按时发，已经拖了两个月');
    await shot(page, 'followup-checkin-help');
    const help = page.waitForResponse((r) => r.url().endsWith('/api/me/check-in') && r.request().method() === 'POST');
    await page.getByTestId('sheet-confirm').click();
    expect((await help).status()).toBe(201);
    helped = (await (await help).json()) as web.Visit;
    expect(helped).toMatchObject({ channel: 'self_check_in', needsHelp: true, risks: ['本人求助'], notes: '工资没按时发，已经拖了两个月' });
    await expectText(page.getByTestId('checkin-done'), '求助已发送');
    expect(await page.getByTestId('sheet').count()).toBe(0);
    await shot(page, 'followup-checkin-sent');

    // The page is small and carries no Element Plus.
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);
    const added = assets.filter((a) => a.endsWith('.js') && !homeAssets.has(a) && !/\/(MyApplicationsPage|ApplicationCard|DecideSheet)-/.test(a));
    expect(added.some((a) => /\/CheckInSafePage-/.test(a))).toBe(true);
    expect(gzipSizeOfDist(added.filter((a) => /\/(CheckInSafePage|TopBar|Sheet)-/.test(a)))).toBeLessThanOrEqual(CHECK_IN_PAGE_JS_BUDGET_BYTES);
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }

  // The broker sees the new case: 本人求助, and the two check-ins in the placement's history.
  const cases = (await broker('GET', '/api/cases?status=open')).body as web.CasePage;
  const mine = cases.items.find((c) => c.workerName === '马小军')!;
  expect(mine).toMatchObject({ reasons: ['needs_help'], id: helped!.caseId });
  const desk = await newDesktopContext(browser!);
  const staff = await desk.newPage();
  const consoleErrors = trackPageErrors(staff);
  try {
    await login(staff, 'broker_linxia');
    await staff.getByTestId('console-home').waitFor();
    await staff.getByTestId('menu-cases').click();
    const row = staff.getByTestId('case-table').locator('.el-table__row', { hasText: '马小军' });
    await expectText(row.getByTestId('case-reasons'), '本人求助');
    await row.getByTestId('case-open').click();
    await staff.waitForURL(`**/console/cases/${mine.id}`);
    const history = staff.getByTestId('visit-history');
    await eventually(() => history.getByTestId('visit-channel').allTextContents(), (t) => expect(t.map((x) => x.trim())).toEqual(['本人报平安', '本人报平安']));
    await expectText(history.getByTestId('visit-help'), '求助');
    await expectText(history.getByTestId('visit-notes'), '工资没按时发，已经拖了两个月');
    await shot(staff, 'followup-case-needs-help');
    expect(consoleErrors).toEqual([]);
  } finally {
    await desk.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an officer reads 就业回访 and 帮扶工单 without their buttons; a broker closes a case 换了工作 with the worker’s new placement', async () => {
  const broker = await apiAs('broker_linxia');
  // 何春燕 left her job (a visit said so) and has accepted another offer since.
  const left = await arrived('何春燕', day(-30));
  await followUps(left.applicationId, [[30, day(0), 'due']]);
  const visit = await broker('POST', `/api/placements/${left.applicationId}/visits`, { channel: 'wechat', stillEmployed: false, notes: '嫌工资低，已离职' });
  expect(visit.status).toBe(201);
  const caseId = (visit.body as web.Visit).caseId!;
  const newOrder = await xiamenOrder('注塑车间操作工');
  const fresh = await broker('POST', '/api/applications', { jobOrderId: newOrder, workerId: left.workerId, consent: CONSENT });
  expect(fresh.status).toBe(201);
  const freshId = (fresh.body as { id: string }).id;
  expect((await broker('POST', `/api/applications/${freshId}/transitions`, { action: 'offer' })).status).toBe(201);
  expect((await broker('POST', `/api/applications/${freshId}/transitions`, { action: 'accept', consent: CONSENT })).status).toBe(201);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    // The officer: the menu items, the lists, a visit page and a case page, all without buttons that change anything.
    await login(page, 'officer_linxia');
    await page.getByTestId('console-home').waitFor();
    const items = (await page.getByTestId('console-menu').locator('.el-menu-item').allTextContents()).map((t) => t.trim());
    expect(items).toEqual(expect.arrayContaining(['就业回访', '帮扶工单']));
    await page.getByTestId('menu-follow-ups').click();
    await page.getByTestId('tab-done').click();
    const doneRow = page.getByTestId('follow-up-table').locator('.el-table__row', { hasText: '马秀英' });
    await expectText(doneRow.getByTestId('fu-open'), '查看');
    await doneRow.getByTestId('fu-open').click();
    await page.waitForURL('**/console/placements/**/visit');
    await page.getByTestId('visit-read-only').waitFor();
    expect(await page.getByTestId('visit-form').count()).toBe(0);
    await expectText(page.getByTestId('visit-problems'), '欠薪');
    await page.goto(`${webServer!.url}/console/cases/${caseId}`);
    await page.getByTestId('case-read-only').waitFor();
    await expectText(page.getByTestId('case-reasons'), '已离职待再就业');
    // (She has accepted a new job: the API may say why it recommends none instead of a list.)
    await page.locator('[data-testid="recommendation-table"], [data-testid="recommendations-unavailable"]').first().waitFor();
    expect(await page.getByTestId('open-close').count()).toBe(0);
    expect(await page.getByTestId('recommendation-apply').count()).toBe(0);
    await shot(page, 'followup-officer-case');
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');

    // The broker closes it 换了工作: the new placement is offered among the worker's accepted ones.
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.goto(`${webServer!.url}/console/cases/${caseId}`);
    await page.getByTestId('open-close').click();
    const close = page.getByTestId('close-dialog');
    await close.getByTestId('cf-outcome').getByText('换了工作', { exact: true }).click();
    await choose(page, close.getByTestId('cf-newApplicationId'), '注塑车间操作工 · 厦门集美宏泰电子有限公司 · 已接受');
    await close.getByTestId('cf-note').locator('textarea').fill('经介绍到同一企业注塑车间');
    await shot(page, 'followup-close-changed-job');
    await close.getByTestId('close-confirm').click();
    await expectText(page.getByTestId('case-outcome'), '已换工作');
    await page.getByTestId('case-new-placement').waitFor();
    expect((await broker('GET', `/api/cases/${caseId}`)).body).toMatchObject({ status: 'closed', outcome: 'changed_job', newApplicationId: freshId });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an officer reads 留存率 by employer and by origin county as the API counts it, narrows the dates, and downloads CSV and Excel', async () => {
  const officer = await apiAs('officer_linxia');
  const report = async (query: string) => (await officer('GET', `/api/reports/retention?${query}`)).body as web.RetentionReport;
  const byEmployer = await report('by=employer');
  // The placements of the tests above are counted: 何春燕 arrived 30 days ago, so she counts for the 30-day rate.
  expect(byEmployer.total.placements).toBeGreaterThanOrEqual(5);
  expect(byEmployer.total.retained30.eligible).toBeGreaterThanOrEqual(1);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'officer_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-retention').click();
    await page.waitForURL('**/console/retention');
    const table = page.getByTestId('retention-table');
    const labels = () => table.getByTestId('retention-label').allTextContents().then((t) => t.map((x) => x.trim()));
    const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

    // By employer: the API's rows and its 合计 row.
    await eventually(labels, (t) => expect(t).toEqual(byEmployer.rows.map((r) => r.label)));
    const first = table.locator('.el-table__body .el-table__row').first();
    await expectText(first.getByTestId('retention-30'), pct(byEmployer.rows[0].retained30.rate));
    await expectText(first.getByTestId('retention-completion'), pct(byEmployer.rows[0].completionRate));
    const footer = table.locator('.el-table__footer');
    await expectText(footer, '合计');
    await expectText(footer, `${pct(byEmployer.total.retained30.rate)}（${byEmployer.total.retained30.retained}/${byEmployer.total.retained30.eligible}）`);
    await expectText(footer, pct(byEmployer.total.overdueRate));
    await shot(page, 'followup-retention-employer');

    // By origin county, in the URL.
    await choose(page, page.getByTestId('retention-by'), '输出县');
    await page.waitForURL((url) => url.searchParams.get('by') === 'origin_county');
    const byCounty = await report('by=origin_county');
    expect(byCounty.rows.map((r) => r.label)).toContain('临夏回族自治州和政县');
    await eventually(labels, (t) => expect(t).toEqual(byCounty.rows.map((r) => r.label)));

    // The last ten days of placements only (何春燕, 30 days ago, drops out).
    const range = page.getByTestId('retention-range').locator('input');
    await range.nth(0).fill(day(-10));
    await range.nth(1).fill(day(0));
    await range.nth(1).press('Enter');
    await page.getByTestId('retention-search').click();
    await page.waitForURL((url) => url.searchParams.get('from') === day(-10) && url.searchParams.get('to') === day(0));
    const recent = await report(`by=origin_county&from=${day(-10)}&to=${day(0)}`);
    expect(recent.total.placements).toBeLessThan(byCounty.total.placements);
    await eventually(() => footer.textContent(), (t) => expect(t).toContain(`合计${recent.total.placements}${recent.total.arrived}`));

    // A report day in the future: the API's words under the field.
    const asOf = page.getByTestId('retention-asOf').locator('input');
    await asOf.fill(day(3));
    await asOf.press('Enter');
    await page.getByTestId('retention-search').click();
    const refused = await officer('GET', `/api/reports/retention?by=origin_county&from=${day(-10)}&to=${day(0)}&asOf=${day(3)}`);
    expect(refused.status).toBe(400);
    const message = (refused.body as { errors: Array<{ field: string; message: string }> }).errors.find((e) => e.field === 'asOf')!.message;
    await expectText(page.getByTestId('retention-asOf').locator('.el-form-item__error'), message);
    await shot(page, 'followup-retention-error');
    await asOf.fill('');
    await asOf.press('Enter');
    await page.getByTestId('retention-search').click();
    await page.waitForURL((url) => !url.searchParams.has('asOf'));
    await eventually(labels, (t) => expect(t).toEqual(recent.rows.map((r) => r.label)));

    // The same report as files.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('retention-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^就业留存-按输出县-.*\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('和政县');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('retention-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

// ---------------------------------------------------------------------------------------------------------------------

const login = (page: Page, loginName: string) => loginAt(page, webServer!.url, loginName, PASSWORD);

type Call = ApiCall;

/** Calls the API directly as a demo user (what another person does meanwhile). */
const apiAs = (loginName: string): Promise<Call> => apiCaller(api!.url, loginName, PASSWORD);

/** A published order of the Xiamen employer (verified in the seed). */
async function xiamenOrder(title = '电子厂装配工（回访）'): Promise<string> {
  const employer = await apiAs('employer_xiamen');
  const job = (await employer('POST', '/api/job-orders', {
    title, category: '电子厂', headcount: 20, wageMin: 5500, wageMax: 7000, startDate: day(1), ageMin: 16, ageMax: 60,
  })).body as { id: string; version: number };
  expect((await employer('POST', `/api/job-orders/${job.id}/transitions`, { action: 'publish', version: job.version })).status).toBe(201);
  return job.id;
}

/** A job in 和政县 (the home county of the test workers), posted and published by the admin for the Xiamen employer. */
async function homeCountyJob(title: string): Promise<string> {
  const admin = await apiAs('admin');
  const [{ employer_id: employerId }] = (await db!.query(`SELECT e.id AS employer_id FROM employers e JOIN users u ON u.employer_id = e.id WHERE u.username = 'employer_xiamen'`)).rows;
  const created = await admin('POST', '/api/job-orders', {
    employerId, title, category: '其他', headcount: 10, wageMin: 2500, wageMax: 3500, startDate: day(10), ageMin: 16, ageMax: 60, workCountyCode: '622925',
  });
  expect(created.status).toBe(201);
  const job = created.body as { id: string; version: number };
  expect((await admin('POST', `/api/job-orders/${job.id}/transitions`, { action: 'publish', version: job.version })).status).toBe(201);
  return job.id;
}

/**
 * A worker of 和政县 registered by the admin, applied for by the broker (with consent), offered, accepted (with consent),
 * placed and arrived at the Xiamen employer on `arrivedOn`.
 */
async function arrived(name: string, arrivedOn: string, input: Record<string, unknown> = workerInput('622925', { name })): Promise<{ applicationId: string; workerId: string }> {
  const [admin, broker, employer] = await Promise.all([apiAs('admin'), apiAs('broker_linxia'), apiAs('employer_xiamen')]);
  const w = await admin('POST', '/api/workers', input);
  expect(w.status).toBe(201);
  const workerId = (w.body as { id: string }).id;
  const a = await broker('POST', '/api/applications', { jobOrderId: await xiamenOrder(), workerId, consent: CONSENT });
  expect(a.status).toBe(201);
  const id = (a.body as { id: string }).id;
  expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'offer' })).status).toBe(201);
  expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'accept', consent: CONSENT })).status).toBe(201);
  expect((await employer('POST', `/api/applications/${id}/transitions`, { action: 'place', startDate: arrivedOn })).status).toBe(201);
  expect((await employer('POST', `/api/applications/${id}/transitions`, { action: 'arrive', date: arrivedOn })).status).toBe(201);
  return { applicationId: id, workerId };
}

/** Follow-up rows of a placement, as the schedule would have made and moved them: [day, due on, status]. */
async function followUps(applicationId: string, rows: Array<[number, string, string]>): Promise<void> {
  const [a] = (await db!.query('SELECT worker_id, worker_county_code FROM applications WHERE id = $1', [applicationId])).rows;
  for (const [offset, due, status] of rows) {
    await db!.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, day_offset, due_on, status, broker_id)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE username = 'broker_linxia'))`,
      [applicationId, a.worker_id, a.worker_county_code, offset, due, status],
    );
  }
}

/** YYYY-MM-DD, `n` days from today (Beijing). */
function day(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
