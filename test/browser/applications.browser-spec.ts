// Applications, offers and placements through the real web UI in headless Chromium (issue 6): a worker on a phone
// applies for a job and answers offers (a 409 shown as the API words it); a broker moves applications on an order's
// pipeline board and sends batch offers with a result per worker; an employer confirms a placement with a start date,
// the arrival, and meets the rule of the two exclusive subsidies. The tests run in order on one seeded database.
// Screenshots go to test-results/browser/ (gitignored).
import type { Browser, Page } from 'playwright-core';
import { APPLICATION_ACTION_ZH, APPLICATION_STATUS_ZH, CONSENT_METHOD_ZH, SUBSIDY_KIND_ZH } from '@daogang/matching';
import * as web from '../../apps/web/src/pages/applications.js';
import { workerInput } from '../support/factories.js';
import { apiCaller, startApi, type ApiCall, type RunningApi } from './support/api.js';
import { choose, eventually, expectText, login as loginAt, shot } from './support/console.js';
import { containsElementPlus, gzipSizeOfDist, startWeb, type WebServer } from './support/web.js';
import { launchChromium, newDesktopContext, newPhoneContext, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
const JOURNEY_TIMEOUT_MS = 150_000;
/** JS budget for a worker's phone: the login page plus the worker home page, gzip (as in login.browser-spec.ts). */
const WORKER_JS_BUDGET_BYTES = 60 * 1024;
/** What 报名 on the job page, 我的报名 and 消息 add to the phone after the home page (JS, gzip). */
const APPLICATION_PAGES_JS_BUDGET_BYTES = 12 * 1024;
const CONSENT = { method: 'phone', note: '电话联系本人，同意' };
/** Names of the workers the tests register: none of them is a demo worker's, so a card is found by its name. */
const NEW_NAMES = ['苏晓燕', '杨国庆', '丁海鹏', '沙玉兰', '穆建军', '马福祥', '祁永红', '鲁小梅', '王德胜', '周春花', '孔繁华', '白玉山', '纳明亮', '喇桂英', '韩德海'];

let api: RunningApi | undefined;
let webServer: WebServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  api = await startApi();
  webServer = await startWeb({ apiUrl: api.url });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await webServer?.close();
  await api?.close();
});

test("the web's labels of the application codes are the API's", () => {
  expect(web.APPLICATION_STATUS_ZH).toEqual(APPLICATION_STATUS_ZH);
  expect(web.APPLICATION_ACTION_ZH).toEqual(APPLICATION_ACTION_ZH);
  expect(web.CONSENT_METHOD_ZH).toEqual(CONSENT_METHOD_ZH);
  expect(web.SUBSIDY_KIND_ZH).toEqual(SUBSIDY_KIND_ZH);
});

test('a worker applies on a phone, sees it in 我的报名, accepts an offer a broker made, and is told plainly when a second one cannot be accepted', async () => {
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
    // The seed's offer from Xiamen is waiting: 消息 shows an unread badge.
    await expectText(page.getByTestId('unread-badge'), '1');
    await page.waitForLoadState('networkidle');
    const homeAssets = new Set(assets);
    expect(gzipSizeOfDist([...homeAssets].filter((a) => a.endsWith('.js')))).toBeLessThanOrEqual(WORKER_JS_BUDGET_BYTES);

    // A published job: 报名 asks first, then the bar says 已报名.
    await page.getByTestId('job-search-entry').click();
    await page.getByTestId('job-card').filter({ hasText: 'SMT操作工' }).click();
    await page.waitForURL(/\/m\/jobs\/[0-9a-f-]{36}$/);
    await page.getByTestId('apply').click();
    await expectText(page.getByTestId('sheet-title'), '确认报名');
    await expectText(page.getByTestId('sheet'), '企业和您的劳务经纪人会看到您的姓名');
    await shot(page, 'applications-worker-apply-confirm');
    await page.getByTestId('sheet-confirm').click();
    await expectText(page.getByTestId('applied-state'), '已报名');
    await expectText(page.getByTestId('apply-done'), '报名成功');
    expect(await page.getByTestId('sheet').count()).toBe(0);
    await shot(page, 'applications-worker-applied');
    // Coming back to the job later: still 已报名, no button.
    await page.reload();
    await expectText(page.getByTestId('applied-state'), '已报名');
    expect(await page.getByTestId('apply').count()).toBe(0);

    // 我的报名: the new application and the seed's offer (offers first).
    await page.getByTestId('my-applications-link').click();
    await page.waitForURL('**/m/applications');
    const smt = card(page, 'SMT操作工');
    await expectText(smt.getByTestId('application-status'), '已报名');
    await expectText(card(page, '电子厂普工').getByTestId('application-status'), '已发录用意向');
    expect(await page.getByTestId('application-card').first().getAttribute('data-status')).toBe('offered');
    await shot(page, 'applications-worker-list');

    // broker_linxia applies for the worker (with consent) to the Jiaxing sewing job and makes an offer.
    const worker = await apiAs('13900000001');
    const me = (await worker('GET', '/api/me/worker-profile')).body as { id: string };
    const broker = await apiAs('broker_linxia');
    const sewing = await orderId(broker, '缝纫工（计件，多劳多得）');
    const created = await broker('POST', '/api/applications', { jobOrderId: sewing, workerId: me.id, consent: CONSENT });
    expect(created.status).toBe(201);
    const offered = await broker('POST', `/api/applications/${(created.body as { id: string }).id}/transitions`, { action: 'offer' });
    expect(offered.status).toBe(201);

    // The offer shows up; 待答复 has two. 接受 asks first, then 已接受.
    await page.reload();
    await expectText(page.getByTestId('show-offered'), '2');
    await page.getByTestId('show-offered').click();
    await page.waitForURL((url) => url.searchParams.get('show') === 'offered');
    const offer = card(page, '缝纫工');
    await offer.getByTestId('app-accept').click();
    await expectText(page.getByTestId('sheet-title'), '接受录用意向');
    await shot(page, 'applications-worker-accept-confirm');
    await page.getByTestId('sheet-confirm').click();
    await expectText(page.getByTestId('applications-notice'), '已接受「缝纫工（计件，多劳多得）」');
    await page.getByTestId('show-all').click();
    await expectText(card(page, '缝纫工').getByTestId('application-status'), '已接受');
    await shot(page, 'applications-worker-accepted');

    // The second offer cannot be accepted too: the API's 409 is shown as it is worded.
    const xiamen = card(page, '电子厂普工');
    await xiamen.getByTestId('app-accept').click();
    await page.getByTestId('sheet-confirm').click();
    await expectText(page.getByTestId('sheet-error'), '已接受其他岗位');
    await shot(page, 'applications-worker-refused');
    await page.getByTestId('sheet-cancel').click();

    // Declining it needs a reason: asked under the field, then one tap on a common reason.
    await xiamen.getByTestId('app-decline').click();
    await page.getByTestId('sheet-confirm').click();
    await expectText(page.getByTestId('reason-error'), '请填写原因');
    await page.getByTestId('reason-field').getByRole('button', { name: '已找到其他工作' }).click();
    await page.getByTestId('sheet-confirm').click();
    await expectText(xiamen.getByTestId('application-status'), '已拒绝');
    await expectText(xiamen.getByTestId('application-reason'), '已找到其他工作');

    // 消息: the offers arrived as messages; opening one marks it read and goes to 我的报名.
    await page.goto(`${webServer!.url}/m/home`);
    await page.getByTestId('inbox-link').click();
    await page.waitForURL('**/m/inbox');
    const message = page.getByTestId('message').filter({ hasText: '缝纫工' }).first();
    await expectText(message, '收到录用意向');
    expect(await message.getAttribute('data-unread')).toBe('true');
    await shot(page, 'applications-worker-inbox');
    await message.click();
    await page.waitForURL('**/m/applications');
    await page.goBack();
    await page.getByTestId('read-all').click();
    await eventually(() => page.locator('[data-testid="message"][data-unread="true"]').count(), (n) => expect(n).toBe(0));

    // The phone never downloads Element Plus, and these pages stay small.
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);
    const added = assets.filter((a) => a.endsWith('.js') && !homeAssets.has(a));
    const jobPages = assets.filter((a) => /\/(JobSearchPage|JobDetailPage)-/.test(a));
    expect(gzipSizeOfDist(added.filter((a) => !jobPages.includes(a)))).toBeLessThanOrEqual(APPLICATION_PAGES_JS_BUDGET_BYTES);
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker moves an application on the pipeline board (筛选 → 录用意向) and sends a batch offer with a result per worker', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    const broker = await apiAs('broker_linxia');
    const smt = await orderId(broker, 'SMT操作工（两班倒）');
    // Three more workers of the broker's counties apply (through the broker, with consent) to the SMT job; the third
    // then accepts a job in Jiaxing, so an offer for SMT can no longer be made to him.
    const names = await applyForWorkers(broker, smt, 3);
    const busy = await applyForWorkers(broker, await orderId(broker, '仓库分拣员'), 1, offerAndAccept(broker), names[2]);
    expect(busy).toEqual([names[2]]);

    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-matching').click();
    await page.waitForURL('**/console/matching');
    const row = page.getByTestId('matching-table').locator('.el-table__row', { hasText: 'SMT操作工' });
    await row.getByTestId('open-pipeline').click();
    await page.waitForURL(`**/console/job-orders/${smt}/pipeline`);
    await expectText(page.getByTestId('pipeline-title'), 'SMT操作工（两班倒）');

    // 马小军 applied in the previous test: 进入筛选, then 发录用意向 (asked first).
    const applied = page.getByTestId('column-applied');
    await expectText(applied, '马小军');
    await expectText(applied.getByTestId('column-count'), '4');
    await shot(page, 'applications-broker-pipeline');
    await boardCard(page, 'applied', '马小军').getByTestId('card-screen').click();
    await expectText(page.getByTestId('column-screening'), '马小军');
    await boardCard(page, 'screening', '马小军').getByTestId('card-offer').click();
    await expectText(page.getByTestId('action-dialog'), '务工人员会收到短信和站内消息');
    await page.getByTestId('action-confirm').click();
    await expectText(page.getByTestId('column-offered'), '马小军');
    expect(await page.getByTestId('column-screening').textContent()).not.toContain('马小军');
    // He has accepted the sewing job, so for him the board offers no 接受 button that could work: the API says so.
    await boardCard(page, 'offered', '马小军').getByTestId('card-accept').click();
    await choose(page, page.getByTestId('af-consent'), '电话确认');
    await page.getByTestId('action-confirm').click();
    await expectText(page.getByTestId('action-problem'), '已接受其他岗位');
    await shot(page, 'applications-broker-refused');
    await page.keyboard.press('Escape');

    // Batch offer from the board: the three new applicants; a result for each, the refusal with its reason.
    await page.getByTestId('pipeline-refresh').click();
    for (const name of names) await boardCard(page, 'applied', name).getByTestId('card-select').click();
    await expectText(page.getByTestId('batch-bar'), '已选 3 人');
    await page.getByTestId('batch-offer').click();
    const dialog = page.getByTestId('batch-dialog');
    await expectText(dialog.getByTestId('batch-targets'), names[0]);
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/job-orders/${smt}/offers`));
    await dialog.getByTestId('batch-send').click();
    const body = JSON.parse((await sent).request().postData() ?? '{}');
    expect(body.idempotencyKey).toMatch(/^[A-Za-z0-9_.:-]{8,64}$/);
    expect(body.workerIds).toHaveLength(3);
    await expectText(dialog.getByTestId('batch-summary'), '已发送 2 人，未发送 1 人');
    const results = dialog.getByTestId('batch-results');
    expect(await results.getByTestId('outcome-offered').count()).toBe(2);
    await expectText(results.locator('.el-table__row', { hasText: names[2] }), '已接受其他岗位或已在岗');
    await expectText(results.locator('.el-table__row', { hasText: names[0] }), '已发送');
    await shot(page, 'applications-broker-batch-board');
    await dialog.getByTestId('batch-close').click();
    for (const name of names.slice(0, 2)) await expectText(page.getByTestId('column-offered'), name);
    await expectText(page.getByTestId('column-applied'), names[2]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker picks ranked candidates with their score explained and sends a batch offer: sent, already sent, not sent and why', async () => {
  const broker = await apiAs('broker_linxia');
  const sewing = await orderId(broker, '缝纫工（计件，多劳多得）');
  const probe = await broker('GET', `/api/job-orders/${sewing}/candidates?limit=5`);
  expect(probe.status).toBe(200);
  expect((probe.body as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-matching').click();
    const row = page.getByTestId('matching-table').locator('.el-table__row', { hasText: '缝纫工' });
    await row.getByTestId('open-candidates').click();
    await page.waitForURL(`**/console/job-orders/${sewing}/candidates`);
    const table = page.getByTestId('candidates-table');
    await table.getByTestId('candidate-score').first().waitFor();
    await expectText(page.getByTestId('candidates-counts'), '符合岗位硬性条件');
    // Scores run from the best down; a row opens to its explained parts.
    const scores = (await table.getByTestId('candidate-score').allTextContents()).map(Number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    await table.locator('.el-table__expand-icon').first().click();
    await expectText(table.getByTestId('score-parts'), '技能');
    await shot(page, 'applications-broker-candidates');

    // Tick the first two that can be offered, send, and read the result per worker.
    const boxes = table.locator('.el-table__body .el-checkbox:not(.is-disabled)');
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await page.getByTestId('batch-offer').click();
    const dialog = page.getByTestId('batch-dialog');
    await dialog.getByTestId('batch-send').click();
    await expectText(dialog.getByTestId('batch-summary'), '已发送');
    expect(await dialog.getByTestId('batch-results').locator('.el-table__row').count()).toBe(2);
    await shot(page, 'applications-broker-batch-candidates');
    await dialog.getByTestId('batch-close').click();
    await expectText(table, '已发录用意向');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an employer confirms a placement with a start date, the arrival, and is told the subsidy rule when claiming the second exclusive subsidy', async () => {
  const broker = await apiAs('broker_linxia');
  const xiamen = await orderId(broker, '电子厂普工（长白班，包吃住）');
  // A worker has accepted an offer for the Xiamen order (the broker, with the worker's consent).
  const [name] = await applyForWorkers(broker, xiamen, 1, offerAndAccept(broker));

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'employer_xiamen');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-orders').click();
    const row = page.getByTestId('orders-table').locator('.el-table__row', { hasText: '电子厂普工（长白班，包吃住）' });
    await row.getByTestId('order-pipeline').click();
    await page.waitForURL(`**/console/job-orders/${xiamen}/pipeline`);
    await expectText(page.getByTestId('column-accepted'), name);

    // 确认录用: the start date is asked (the order's date filled in); cleared, it is required under the field.
    await boardCard(page, 'accepted', name).getByTestId('card-place').click();
    const date = page.getByTestId('af-startDate').locator('input');
    expect(await date.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await date.fill('');
    await page.getByTestId('action-confirm').click();
    await expectText(page.getByTestId('af-startDate').locator('.el-form-item__error'), '请填写约定上岗日期');
    const start = daysFromNow(30);
    await date.fill(start);
    await shot(page, 'applications-employer-place');
    await page.getByTestId('action-confirm').click();
    await expectText(page.getByTestId('column-placed'), name);
    await expectText(boardCard(page, 'placed', name), `上岗 ${start}`);

    // 确认到岗 (today by default).
    await boardCard(page, 'placed', name).getByTestId('card-arrive').click();
    await page.getByTestId('action-confirm').click();
    await expectText(page.getByTestId('column-arrived'), name);

    // 补贴申领 on the placement: 一次性吸纳就业补贴 is recorded; 以工代训 then is refused with the rule.
    await boardCard(page, 'arrived', name).getByTestId('card-open').click();
    const detail = page.getByTestId('application-detail');
    await expectText(detail.getByTestId('detail-status'), '已到岗');
    await expectText(detail.getByTestId('detail-events'), '已录用');
    await choose(page, detail.getByTestId('sf-kind'), '一次性吸纳就业补贴');
    await detail.getByTestId('subsidy-submit').click();
    await expectText(detail.getByTestId('subsidy-table'), '一次性吸纳就业补贴');
    await choose(page, detail.getByTestId('sf-kind'), '以工代训（岗位技能培训）补贴');
    await detail.getByTestId('subsidy-submit').click();
    await expectText(detail.getByTestId('subsidy-problem'), '两者不可同时享受');
    await expectText(detail.getByTestId('subsidy-problem'), '该录用已申领一次性吸纳就业补贴');
    await shot(page, 'applications-employer-subsidy-rule');
    await page.keyboard.press('Escape');

    // 登记离职 needs a reason.
    await boardCard(page, 'arrived', name).getByTestId('card-leave').click();
    await page.getByTestId('action-confirm').click();
    await expectText(page.getByTestId('af-reason').locator('.el-form-item__error'), '请填写原因');
    await page.getByTestId('af-reason').locator('textarea').fill('家中老人生病，回乡照顾');
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('toggle-ended').click();
    await expectText(page.getByTestId('column-ended'), name);
    await expectText(boardCard(page, 'ended', name).getByTestId('card-reason'), '家中老人生病');

    // Another employer's order is not theirs to see.
    const jiaxing = await orderId(broker, '仓库分拣员');
    await page.goto(`${webServer!.url}/console/job-orders/${jiaxing}/pipeline`);
    await expectText(page.getByTestId('pipeline-error'), '找不到这个招聘订单，或您没有查看它的权限');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

// ---------------------------------------------------------------------------------------------------------------------

const login = (page: Page, loginName: string) => loginAt(page, webServer!.url, loginName, PASSWORD);

/** A card of 我的报名 by its job title. */
const card = (page: Page, title: string) => page.getByTestId('application-card').filter({ has: page.getByTestId('application-title').filter({ hasText: title }) });

/** A card of the pipeline board by its column and the worker's name. */
const boardCard = (page: Page, column: string, name: string) =>
  page.getByTestId(`column-${column}`).locator(`[data-testid="pipeline-card"][data-worker="${name}"]`);

type Call = ApiCall;

/** Calls the API directly as a demo user (what another person does meanwhile). */
const apiAs = (loginName: string): Promise<Call> => apiCaller(api!.url, loginName, PASSWORD);

async function orderId(call: Call, title: string): Promise<string> {
  const page = (await call('GET', '/api/job-orders?status=published&pageSize=100')).body as { items: Array<{ id: string; title: string }> };
  const order = page.items.find((o) => o.title === title);
  if (!order) throw new Error(`no published order ${title}`);
  return order.id;
}

/** Workers registered by the tests: name → id. */
const registered = new Map<string, string>();

/**
 * The broker registers `count` new workers of their county (or takes the one named `existing`) and applies for them
 * (with consent); `then` may move each application further. A new worker refused by the order (e.g. outside its age
 * range) is skipped. Returns their names.
 */
async function applyForWorkers(
  broker: Call, jobOrderId: string, count: number, then?: (applicationId: string) => Promise<void>, existing?: string,
): Promise<string[]> {
  const names: string[] = [];
  for (let tries = 0; names.length < count && tries < count + 10; tries++) {
    const known = existing ? registered.get(existing) : undefined;
    const worker = known ? { status: 201, body: { id: known, name: existing } } : await broker('POST', '/api/workers', workerInput('622925', { name: NEW_NAMES.shift() }));
    expect(worker.status).toBe(201);
    const { id, name } = worker.body as { id: string; name: string };
    registered.set(name, id);
    const res = await broker('POST', '/api/applications', { jobOrderId, workerId: id, consent: CONSENT });
    if (res.status !== 201) continue;
    await then?.((res.body as { id: string }).id);
    names.push(name);
  }
  expect(names).toHaveLength(count);
  return names;
}

/** The broker offers, and accepts for the worker (with consent). */
const offerAndAccept = (broker: Call) => async (id: string) => {
  expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'offer' })).status).toBe(201);
  const accepted = await broker('POST', `/api/applications/${id}/transitions`, { action: 'accept', consent: { method: 'in_person', note: '村委会当面确认' } });
  expect(accepted.status).toBe(201);
};

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
