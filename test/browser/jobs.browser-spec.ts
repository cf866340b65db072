// Employers, job orders and search through the real web UI in headless Chromium: an employer posts a job order (the
// form refuses a discriminatory requirement under its field), publishes and pauses it; a worker on a phone searches,
// narrows by the facets, sorts by distance from home and opens a job, and finds the employer's order once it is
// published again (the API indexes through the outbox) and no longer once it is closed; an unverified employer cannot
// publish; a broker searches the workers of their own counties; a new employer signs up and an officer verifies it.
// Screenshots go to test-results/browser/ (gitignored).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BENEFIT_ZH, CREDIT_CODE_MESSAGES, EMPLOYER_KIND_ZH, JOB_ORDER_STATUS_ZH, SHIFT_ZH, VERIFICATION_ZH, checkCreditCode, makeCreditCode,
} from '@daogang/jobs';
import * as web from '../../apps/web/src/pages/jobs.js';
import { startApi, type RunningApi } from './support/api.js';
import { apiFromPage, choose, eventually, expectText, login as loginAt, shot } from './support/console.js';
import { containsElementPlus, gzipSizeOfDist, startWeb, type WebServer } from './support/web.js';
import { launchChromium, newDesktopContext, newPhoneContext, screenshot, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
const JOURNEY_TIMEOUT_MS = 150_000;
/** What the search and job pages add to a worker's phone after the home page (JS, gzip). */
const SEARCH_PAGES_JS_BUDGET_BYTES = 8 * 1024;
/** A published or closed order reaches the search index through the outbox within this time. */
const INDEX_TIMEOUT_MS = 15_000;

/** The job order the employer posts in the first test; the worker looks for it later. */
const ORDER_TITLE = '电子厂质检员（长白班，包住）';
let orderId = '';

let api: RunningApi | undefined;
let webServer: WebServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // The queue worker runs too, in case the search index is fed through the queue (SEARCH_INDEXER).
  api = await startApi({ worker: true });
  webServer = await startWeb({ apiUrl: api.url });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await webServer?.close();
  await api?.close();
});

test("the web's labels of the job codes are the API's, and its credit code check agrees", () => {
  expect(web.BENEFIT_ZH).toEqual(BENEFIT_ZH);
  expect(web.SHIFT_ZH).toEqual(SHIFT_ZH);
  expect(web.JOB_ORDER_STATUS_ZH).toEqual(JOB_ORDER_STATUS_ZH);
  expect(web.VERIFICATION_ZH).toEqual(VERIFICATION_ZH);
  expect(web.EMPLOYER_KIND_ZH).toEqual(EMPLOYER_KIND_ZH);
  const good = makeCreditCode('350211', 4321);
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  expect(checkCreditCode(good)).toBeNull();
  expect(web.creditCodeProblem(good)).toBe('');
  expect(web.creditCodeProblem(bad)).toBe(CREDIT_CODE_MESSAGES[checkCreditCode(bad)!]);
  expect(web.creditCodeProblem('91350211')).toBe(CREDIT_CODE_MESSAGES.format);
});

test('an employer posts a job order: a discriminatory description is refused under 岗位描述; fixed, it is saved, published and paused', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'employer_xiamen');
    await page.getByTestId('console-home').waitFor();
    const items = (await page.getByTestId('console-menu').locator('.el-menu-item').allTextContents()).map((t) => t.trim());
    expect(items).toEqual(['工作台', '企业信息', '招聘订单', '到厂车次']);

    // 企业信息: verified.
    await page.getByTestId('menu-company').click();
    await expectText(page.getByTestId('verification-status'), '已认证');
    await expectText(page.getByTestId('cv-name'), '厦门集美宏泰电子有限公司');
    expect(await page.getByTestId('verification-note').count()).toBe(0);

    // 招聘订单: the seeded orders, published.
    await page.getByTestId('menu-orders').click();
    await page.waitForURL('**/console/orders');
    await expectText(page.getByTestId('orders-table'), '电子厂普工（长白班，包吃住）');
    expect(await page.getByTestId('unverified-note').count()).toBe(0);
    await shot(page, 'jobs-employer-orders');

    await page.getByTestId('new-order').click();
    await page.waitForURL('**/console/orders/new');
    await input(page, 'title').fill(ORDER_TITLE);
    await choose(page, page.getByTestId('field-category'), '电子厂');
    await input(page, 'headcount').fill('12');
    await input(page, 'wageMin').fill('5000');
    await input(page, 'wageMax').fill('6500');
    await page.getByTestId('field-benefits').getByText('包住', { exact: true }).click();
    await page.getByTestId('field-benefits').getByText('五险', { exact: true }).click();
    // The work place defaults to the employer's county.
    await eventually(() => page.getByTestId('field-workCountyCode').locator('.el-select__placeholder').first().textContent(), (t) => expect(t).toContain('集美区'));
    await input(page, 'startDate').fill(daysFromNow(60));
    await page.getByTestId('field-trainingOffered').locator('.el-switch').click();
    await input(page, 'trainingNote').fill('岗前培训2天，带薪');
    await input(page, 'description').fill('产品外观检验、包装，限男性，需能久站。');

    // The API refuses the requirement; the reason is under 岗位描述.
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/job-orders' && r.request().method() === 'POST');
    await page.getByTestId('order-save').click();
    expect((await refused).status()).toBe(400);
    await expectText(fieldError(page, 'field-description'), '「限男性」');
    await expectText(fieldError(page, 'field-description'), '招聘不得限定或优先某一性别');
    expect(new URL(page.url()).pathname).toBe('/console/orders/new');
    await shot(page, 'jobs-order-refused');

    await input(page, 'description').fill('产品外观检验、包装，需能久站，视力良好。');
    await page.getByTestId('order-save').click();
    await page.waitForURL(/\/console\/orders\/[0-9a-f-]{36}$/);
    orderId = page.url().split('/').pop()!;
    await expectText(page.getByTestId('order-status'), '草稿');
    expect(await input(page, 'title').inputValue()).toBe(ORDER_TITLE);

    // 发布 → 招聘中, 暂停 → 暂停: each sends the version it read.
    const published = page.waitForResponse((r) => r.url().endsWith(`/api/job-orders/${orderId}/transitions`));
    await page.getByTestId('action-publish').click();
    const publishBody = JSON.parse((await published).request().postData() ?? '{}');
    expect(publishBody).toMatchObject({ action: 'publish', version: expect.any(Number) });
    await expectText(page.getByTestId('order-status'), '招聘中');
    await shot(page, 'jobs-order-published');
    await page.getByTestId('action-pause').click();
    await expectText(page.getByTestId('order-status'), '暂停');
    await page.getByTestId('action-resume').waitFor();

    // The list's 暂停 tab has it.
    await page.getByTestId('back-to-orders').click();
    await page.getByRole('tab', { name: '暂停', exact: true }).click();
    await page.waitForURL('**/console/orders?status=paused');
    await expectText(page.getByTestId('orders-table'), ORDER_TITLE);
    await shot(page, 'jobs-orders-paused');

    // Someone else changes the order meanwhile: 恢复 with the old version is a 409, and the list refreshes.
    const current = await apiFromPage<{ version: number }>(page, `/api/job-orders/${orderId}`);
    const other = await apiFromPage(page, `/api/job-orders/${orderId}`, { method: 'PATCH', body: { version: current.body.version, headcount: 15 } });
    expect(other.status).toBe(200);
    const row = page.getByTestId('orders-table').locator('.el-table__row', { hasText: ORDER_TITLE });
    await row.getByTestId('action-resume').click();
    await expectText(page.getByTestId('action-error'), '招聘订单已被他人修改');
    await eventually(() => row.textContent(), (t) => expect(t).toContain('0 / 15'));
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a worker searches jobs on a phone: 电子 highlighted, the 城市 facet, 离家最近, the job; then finds the new order once published and no longer once closed', async () => {
  expect(orderId).not.toBe('');
  const phone = await newPhoneContext(browser!);
  const page = await phone.newPage();
  const errors = trackPageErrors(page);
  const assets: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/assets/')) assets.push(url.pathname);
  });
  let desk: BrowserContext | undefined;
  try {
    await login(page, '13900000001');
    await page.getByTestId('worker-home').waitFor();
    const homeAssets = new Set(assets);
    await page.getByTestId('job-search-entry').click();
    await page.waitForURL('**/m/jobs');
    await page.getByTestId('job-card').first().waitFor();

    // 电子: the Xiamen orders, with the word marked in the title (the API's escaped HTML, rendered).
    await search(page, '电子');
    expect(new URL(page.url()).searchParams.get('q')).toBe('电子');
    const titles = await page.getByTestId('job-title').allTextContents();
    expect(titles).toContain('电子厂普工（长白班，包吃住）');
    expect(titles).not.toContain('仓库分拣员');
    const marked = await page.getByTestId('job-card').filter({ hasText: '电子厂普工' }).locator('[data-testid="job-title"] em').allTextContents();
    expect(marked).toContain('电子');
    await shot(page, 'jobs-worker-search');

    // 城市 facet: 厦门市 with its count; tapped, every job is in Xiamen.
    const xiamen = page.getByTestId('facet-city').getByRole('button', { name: /厦门市/ });
    expect(await xiamen.textContent()).toMatch(/厦门市\s*\d+/);
    await xiamen.click();
    await page.waitForURL((url) => url.searchParams.get('city') === '350200');
    await eventually(() => page.getByTestId('job-place').allTextContents(), (places) => {
      expect(places.length).toBeGreaterThan(0);
      for (const p of places) expect(p).toContain('厦门');
    });
    expect(await xiamen.getAttribute('aria-pressed')).toBe('true');

    // 离家最近: from the worker's home county (和政县, Gansu), about 1,800 km to Xiamen.
    await page.getByTestId('sort-distance').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'distance');
    await eventually(async () => (await page.getByTestId('job-distance').allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, ''))), (km) => {
      expect(km.length).toBeGreaterThan(0);
      for (const d of km) expect(d).toBeGreaterThan(1000);
      expect([...km].sort((a, b) => a - b)).toEqual(km);
    });
    await shot(page, 'jobs-worker-xiamen-distance');

    // The job: everything a worker asks, in Chinese.
    await page.getByTestId('job-card').filter({ hasText: '电子厂普工' }).click();
    await page.waitForURL(/\/m\/jobs\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('job-detail-title'), '电子厂普工（长白班，包吃住）');
    await expectText(page.getByTestId('job-wage'), '每月 5500-7000 元');
    await expectText(page.getByTestId('job-benefits'), '包住、包吃、五险、报销路费');
    await expectText(page.getByTestId('job-shift'), '长白班');
    await expectText(page.getByTestId('job-start'), '到岗日期');
    await expectText(page.getByTestId('job-age'), '18-55 周岁');
    await expectText(page.getByTestId('job-training'), '提供岗前培训：岗前培训3天，带薪');
    await expectText(page.getByTestId('job-place'), '福建省厦门市集美区杏林街道');
    await expectText(page.getByTestId('job-employer'), '厦门集美宏泰电子有限公司（已认证）');
    await shot(page, 'jobs-worker-detail');
    // Back: the search as it was.
    await page.getByTestId('job-back').click();
    await page.waitForURL((url) => url.pathname === '/m/jobs' && url.searchParams.get('city') === '350200' && url.searchParams.get('sort') === 'distance');
    await page.getByTestId('job-card').first().waitFor();

    // The search pages stay small, and the phone never downloads the console's UI library.
    const added = assets.filter((a) => a.endsWith('.js') && !homeAssets.has(a));
    expect(gzipSizeOfDist(added)).toBeLessThanOrEqual(SEARCH_PAGES_JS_BUDGET_BYTES);
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);

    // The order paused in the previous test is not found; its employer resumes it and the worker finds it within seconds.
    await page.goto(`${webServer!.url}/m/jobs?q=${encodeURIComponent('质检员')}`);
    await page.getByTestId('job-search-page').waitFor();
    await searchUntil(page, '质检员', (titles) => expect(titles).not.toContain(ORDER_TITLE));
    desk = await newDesktopContext(browser!);
    const employer = await desk.newPage();
    const employerErrors = trackPageErrors(employer);
    await login(employer, 'employer_xiamen');
    await employer.getByTestId('console-home').waitFor();
    await employer.goto(`${webServer!.url}/console/orders/${orderId}`);
    await expectText(employer.getByTestId('order-status'), '暂停');
    await employer.getByTestId('action-resume').click();
    await expectText(employer.getByTestId('order-status'), '招聘中');
    const resumedAt = Date.now();
    await searchUntil(page, '质检员', (titles) => expect(titles).toContain(ORDER_TITLE));
    expect(Date.now() - resumedAt).toBeLessThan(INDEX_TIMEOUT_MS);
    await shot(page, 'jobs-worker-finds-new-order');

    // Closed with a reason: it leaves the search, and its page says so.
    await employer.getByTestId('action-close').click();
    await employer.getByTestId('close-reason').fill('已招满');
    await employer.getByTestId('close-confirm').click();
    await expectText(employer.getByTestId('order-status'), '已结束');
    await expectText(employer.getByTestId('closed-note'), '已招满');
    expect(await employer.getByTestId('action-publish').count()).toBe(0);
    await shot(employer, 'jobs-order-closed');
    await searchUntil(page, '质检员', (titles) => expect(titles).not.toContain(ORDER_TITLE));
    await page.goto(`${webServer!.url}/m/jobs/${orderId}`);
    await expectText(page.getByTestId('job-not-open'), '已结束');
    expect(employerErrors).toEqual([]);

    // Nothing found: the empty state. The search engine busy (degraded answer from the database): the notice.
    await page.goto(`${webServer!.url}/m/jobs?q=${encodeURIComponent('宇航')}`);
    await page.getByTestId('jobs-empty').waitFor();
    await shot(page, 'jobs-worker-empty');
    await page.route('**/api/jobs/search**', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), degraded: true, engine: 'database' } });
    });
    await page.goto(`${webServer!.url}/m/jobs?q=${encodeURIComponent('电子')}`);
    await expectText(page.getByTestId('degraded-notice'), '搜索服务繁忙，结果可能不全');
    await page.getByTestId('job-card').first().waitFor();
    await shot(page, 'jobs-worker-degraded');
    expect(errors).toEqual([]);
  } finally {
    await desk?.close();
    await phone.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an employer pending verification saves drafts but cannot publish, and sees why', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'employer_jining');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-company').click();
    await expectText(page.getByTestId('verification-status'), '待审核');
    await expectText(page.getByTestId('verification-note'), '审核通过前可以保存招聘草稿，不能发布');

    await page.getByTestId('menu-orders').click();
    await expectText(page.getByTestId('unverified-note'), '审核通过后才能发布');
    const row = page.getByTestId('orders-table').locator('.el-table__row', { hasText: '机加工学徒（以岗定训）' });
    await expectText(row.getByTestId('order-status'), '草稿');
    const refused = page.waitForResponse((r) => r.url().includes('/transitions'));
    await row.getByTestId('action-publish').click();
    expect((await refused).status()).toBe(403);
    await expectText(page.getByTestId('action-error'), '企业尚未通过审核，可以保存草稿，审核通过后才能发布');
    await expectText(row.getByTestId('order-status'), '草稿');
    await shot(page, 'jobs-unverified-publish');

    // The same on the order's own page.
    await row.getByTestId('order-link').click();
    await page.waitForURL(/\/console\/orders\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('order-status'), '草稿');
    await page.getByTestId('action-publish').click();
    await expectText(page.getByTestId('action-error'), '企业尚未通过审核');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an employer edits the organisation profile; a stale version (409) asks to refresh, then the edit is saved', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'employer_xiamen');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-company').click();
    await page.getByTestId('company-view').waitFor();
    await page.getByTestId('company-edit').click();
    const id = (await page.evaluate('JSON.parse(localStorage.getItem("daogang.user")).employerId')) as string;
    const current = await apiFromPage<{ version: number }>(page, `/api/employers/${id}`);
    const other = await apiFromPage(page, `/api/employers/${id}`, { method: 'PATCH', body: { version: current.body.version, description: '食堂有清真窗口，宿舍四人间，有空调。' } });
    expect(other.status).toBe(200);

    await input(page, 'address').fill('福建省厦门市集美区杏林街道杏林湾路');
    await page.getByTestId('company-save').click();
    await expectText(page.getByTestId('stale-alert'), '企业信息已被他人修改');
    await shot(page, 'jobs-company-stale');
    await page.getByTestId('stale-refresh').click();
    await eventually(() => input(page, 'description').inputValue(), (v) => expect(v).toBe('食堂有清真窗口，宿舍四人间，有空调。'));
    await input(page, 'address').fill('福建省厦门市集美区杏林街道杏林湾路');
    await page.getByTestId('company-save').click();
    await page.getByTestId('company-view').waitFor();
    await expectText(page.getByTestId('cv-address'), '杏林湾路');
    await expectText(page.getByTestId('cv-description'), '有空调');
    // Name and credit code unchanged: still verified.
    await expectText(page.getByTestId('verification-status'), '已认证');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker searches the workers of their own counties: 缝纫 finds 冶玉梅 of 和政县, not 冉秀英 of 恩施', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-talent').click();
    await page.waitForURL('**/console/talent');
    await page.getByTestId('worker-search').waitFor();

    await page.getByTestId('ws-q').fill('缝纫'); // Element Plus puts the input's attributes on the <input>
    await page.getByTestId('ws-search').click();
    await page.waitForURL((url) => url.searchParams.get('q') === '缝纫');
    const table = page.getByTestId('ws-table');
    await expectText(table, '冶玉梅');
    const names = (await table.getByTestId('ws-worker-link').allTextContents()).map((t) => t.trim());
    expect(names).toContain('冶玉梅');
    expect(names).not.toContain('冉秀英');
    // Facet counts: only the broker's counties.
    const counties = page.getByTestId('facet-county');
    await expectText(counties, '和政县');
    expect(await counties.textContent()).not.toContain('恩施');
    expect(await page.getByTestId('facet-county-622925').textContent()).toMatch(/和政县\s*\d+/);
    await shot(page, 'jobs-broker-worker-search');

    // A facet narrows the search; filters too (愿意外出, 意向工种).
    await page.getByTestId('facet-status-not_employed').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'not_employed');
    await expectText(table, '冶玉梅');
    await choose(page, page.getByTestId('ws-category'), '纺织服装');
    await choose(page, page.getByTestId('ws-move'), '愿意外出务工');
    await page.getByTestId('ws-search').click();
    await page.waitForURL((url) => url.searchParams.get('category') === '纺织服装' && url.searchParams.get('wantsToMove') === 'true');
    await expectText(table, '冶玉梅');
    await expectText(page.getByTestId('ws-total'), '共 1 人');
    // 可到岗: she can start on 2027-02-20.
    await page.getByTestId('ws-available').fill('2027-01-31');
    await page.getByTestId('ws-search').click();
    await page.waitForURL((url) => url.searchParams.get('availableBy') === '2027-01-31');
    await expectText(table, '没有符合条件的劳动力');
    await page.getByTestId('ws-available').fill('2027-03-01');
    await page.getByTestId('ws-search').click();
    await page.waitForURL((url) => url.searchParams.get('availableBy') === '2027-03-01');
    await expectText(table, '冶玉梅');

    // The worker's record.
    await table.getByTestId('ws-worker-link').first().click();
    await page.waitForURL(/\/console\/labour\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('detail-name'), '冶玉梅');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a new employer signs up from the login page; an officer verifies it and turns down another with a reason', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const creditCode = makeCreditCode('350211', 7000 + Math.floor(Math.random() * 1000));
  try {
    await page.goto(`${webServer!.url}/login`);
    await page.getByTestId('employer-register-link').click();
    await page.waitForURL('**/employer/register');
    await page.getByTestId('employer-register-form').waitFor();

    await input(page, 'name').fill('厦门集美新禾服装有限公司');
    await input(page, 'creditCode').fill(creditCode.slice(0, 17) + (creditCode[17] === '1' ? '2' : '1'));
    await page.getByTestId('field-countyCode').locator('.el-select__wrapper').click();
    await page.getByTestId('field-countyCode').locator('input').fill('jimei');
    await page.locator('.el-select-dropdown__item:visible', { hasText: '集美区' }).first().click();
    await input(page, 'address').fill('福建省厦门市集美区灌口镇');
    await input(page, 'contactName').fill('陈丽娟');
    await input(page, 'contactTitle').fill('人事经理');
    await input(page, 'contactMobile').fill('13805920123');
    await input(page, 'username').fill('xinhe_hr');
    await input(page, 'password').fill('xinhe2026');
    await input(page, 'displayName').fill('陈丽娟');

    // A mistyped credit code is caught in the page.
    await page.getByTestId('employer-register-submit').click();
    await expectText(fieldError(page, 'field-creditCode'), '校验位不正确');
    await shot(page, 'jobs-employer-register');
    await input(page, 'creditCode').fill(creditCode);
    await page.getByTestId('employer-register-submit').click();
    await expectText(page.getByTestId('employer-registered'), '等待审核');
    await expectText(page.getByTestId('registered-username'), 'xinhe_hr');
    await shot(page, 'jobs-employer-registered');

    // Then log in (the account name is filled in): 企业信息 says 待审核.
    await page.getByTestId('go-login').click();
    await page.waitForURL('**/login?login=xinhe_hr');
    expect(await page.locator('[data-testid="login-input"] input').inputValue()).toBe('xinhe_hr');
    await page.locator('[data-testid="password-input"] input').fill('xinhe2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-company').click();
    await expectText(page.getByTestId('verification-status'), '待审核');
    await expectText(page.getByTestId('cv-name'), '厦门集美新禾服装有限公司');

    // The officer: 企业审核 lists both pending employers; 通过 the new one, 不通过 济宁 with a reason.
    const officerContext = await newDesktopContext(browser!);
    try {
      const officer = await officerContext.newPage();
      const officerErrors = trackPageErrors(officer);
      await login(officer, 'officer_linxia');
      await officer.getByTestId('console-home').waitFor();
      await officer.getByTestId('menu-employers').click();
      await officer.waitForURL('**/console/employers');
      const table = officer.getByTestId('employer-table');
      await expectText(table, '厦门集美新禾服装有限公司');
      await expectText(table, '济宁任城鲁达机械制造有限公司');
      await shot(officer, 'jobs-officer-review');
      await table.locator('.el-table__row', { hasText: '厦门集美新禾服装有限公司' }).getByTestId('approve').click();
      await eventually(() => table.textContent(), (t) => expect(t).not.toContain('厦门集美新禾服装有限公司'));

      await table.locator('.el-table__row', { hasText: '济宁任城鲁达机械制造有限公司' }).getByTestId('reject').click();
      const dialog = officer.getByRole('dialog');
      await dialog.getByTestId('reject-confirm').click();
      await expectText(dialog.getByTestId('reject-reason-error'), '请说明不通过的理由');
      await dialog.getByTestId('reject-reason').fill('营业执照与企业名称不符');
      await dialog.getByTestId('reject-confirm').click();
      await expectText(officer.getByTestId('employer-table'), '没有待审核的企业');
      await officer.getByRole('tab', { name: '未通过', exact: true }).click();
      await expectText(officer.getByTestId('employer-table'), '营业执照与企业名称不符');
      expect(officerErrors).toEqual([]);
    } finally {
      await officerContext.close();
    }

    // The new employer is verified now.
    await page.reload();
    await expectText(page.getByTestId('verification-status'), '已认证');
    await shot(page, 'jobs-employer-verified');

    // 济宁 sees 未通过 and the reason.
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await login(page, 'employer_jining');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-company').click();
    await expectText(page.getByTestId('verification-status'), '未通过');
    await expectText(page.getByTestId('verification-reason'), '营业执照与企业名称不符');
    await expectText(page.getByTestId('verification-note'), '审核未通过：营业执照与企业名称不符');
    await shot(page, 'jobs-employer-rejected');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

// ---------------------------------------------------------------------------------------------------------------------


/** Types the words into the phone's search box and waits for the answer to be drawn. */
async function search(page: Page, words: string): Promise<void> {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/jobs/search' && new URL(r.url()).searchParams.get('q') === words);
  await page.getByTestId('job-q').fill(words);
  await page.getByTestId('job-search-submit').click();
  await answered;
  await eventually(() => page.getByTestId('jobs-loading').count(), (n) => expect(n).toBe(0));
}

/** Searches again (the search button) until the titles found pass `check`: the index follows the database. */
async function searchUntil(page: Page, words: string, check: (titles: string[]) => void): Promise<void> {
  await eventually(
    async () => {
      await search(page, words);
      return page.getByTestId('job-title').allTextContents();
    },
    check,
    INDEX_TIMEOUT_MS,
  );
}


const input = (page: Page, field: string) => page.getByTestId(`field-${field}`).locator('input, textarea').first();
const fieldError = (page: Page, testId: string) => page.getByTestId(testId).locator('.el-form-item__error');

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}





const login = (page: Page, loginName: string) => loginAt(page, webServer!.url, loginName, PASSWORD);
