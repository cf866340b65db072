// Job recommendations, the SMS outbox and the console inbox through the real web UI in headless Chromium: a worker on
// a phone opens 为我推荐 (ranked jobs with the reasons that count) and goes on to a job; a broker opens a worker's
// record, reads 推荐岗位 and applies for the worker with their consent (a second try is the API's 409, shown as
// worded); an admin reads 短信记录 (what the development SMS sink would have sent, mobiles masked) and a broker reads
// their messages in the console. One API with the demo seed; the tests run in order on it. Screenshots go to
// test-results/browser/ (gitignored).
import type { Browser, Page } from 'playwright-core';
import { SMS_STATUS_ZH, TEMPLATES } from '@daogang/notifications';
import * as sms from '../../apps/web/src/pages/console/admin/sms.js';
import { apiCaller, startApi, type ApiCall, type RunningApi } from './support/api.js';
import { choose, eventually, expectText, login as loginAt, shot } from './support/console.js';
import { containsElementPlus, gzipSizeOfDist, startWeb, type WebServer } from './support/web.js';
import { launchChromium, newDesktopContext, newPhoneContext, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
const JOURNEY_TIMEOUT_MS = 150_000;
/** JS budget for a worker's phone: the login page plus the worker home page, gzip (as in login.browser-spec.ts). */
const WORKER_JS_BUDGET_BYTES = 60 * 1024;
/** What 为我推荐 adds to the phone after the home page (JS, gzip). */
const MATCHES_PAGE_JS_BUDGET_BYTES = 4 * 1024;

interface Part { key: string; label: string; points: number; maxPoints: number; explanation: string }
interface MatchPage {
  workerId: string;
  items: Array<{ rank: number; score: number; parts: Part[]; job: { id: string; title: string }; application?: { status: string } }>;
  total: number;
  considered: number;
  unavailable?: { rule: string; reason: string };
}

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

test("the web's labels of the SMS codes are the API's", () => {
  expect(sms.SMS_STATUS_ZH).toEqual(SMS_STATUS_ZH);
  expect(sms.SMS_TEMPLATE_ZH).toEqual(Object.fromEntries(Object.entries(TEMPLATES).map(([key, t]) => [key, t.title])));
});

test('the demo worker opens 为我推荐 on a phone, sees ranked jobs with the reasons, opens one and reaches its page; placed, the page says why there is no list', async () => {
  const worker = await apiAs('13900000001');
  const expected = (await worker('GET', '/api/me/job-matches?limit=20')).body as MatchPage;
  expect(expected.unavailable).toBeUndefined();
  expect(expected.items.length).toBeGreaterThanOrEqual(2);

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

    // From the home page's 找工作 tab.
    await page.getByTestId('matches-link').click();
    await page.waitForURL('**/m/matches');
    const cards = page.getByTestId('match-card');
    await cards.first().waitFor();
    await shot(page, 'matches-worker-list');

    // The API's ranking, best first, each card with its score and two or three reasons in the API's words.
    expect(await cards.count()).toBe(expected.items.length);
    expect(await page.getByTestId('match-title').allTextContents()).toEqual(expected.items.map((m) => m.job.title));
    const scores = (await page.getByTestId('match-score').allTextContents()).map((t) => Number(t.replace(/\D+$/, '')));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBe(Math.round(expected.items[0].score));
    const first = cards.first();
    const reasons = (await first.getByTestId('match-reason').allTextContents()).map((t) => t.trim());
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons.length).toBeLessThanOrEqual(3);
    const explanations = expected.items[0].parts.map((p) => p.explanation);
    for (const r of reasons) expect(explanations).toContain(r);
    // The seed's offer from Xiamen shows on its card.
    const offered = expected.items.findIndex((m) => m.application?.status === 'offered');
    expect(offered).toBeGreaterThanOrEqual(0);
    await expectText(cards.nth(offered).getByTestId('match-application'), '已发录用意向');

    // A card opens the job page, with its 报名 bar.
    const title = (await first.getByTestId('match-title').textContent())!.trim();
    await first.click();
    await page.waitForURL(`**/m/jobs/${expected.items[0].job.id}`);
    await expectText(page.getByTestId('job-detail-title'), title);
    await page.getByTestId('apply-bar').waitFor();
    await shot(page, 'matches-worker-job');

    // The page is small and carries no Element Plus.
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);
    const matchesAssets = assets.filter((a) => a.endsWith('.js') && !homeAssets.has(a) && !/\/(JobDetailPage|Sheet)-/.test(a));
    expect(matchesAssets.some((a) => /\/MatchesPage-/.test(a))).toBe(true);
    expect(gzipSizeOfDist(matchesAssets)).toBeLessThanOrEqual(MATCHES_PAGE_JS_BUDGET_BYTES);

    // Once he has accepted a job (the broker, with his consent), nothing is recommended, and the page says why.
    const broker = await apiAs('broker_linxia');
    const offers = (await broker('GET', `/api/applications?workerId=${expected.workerId}&status=offered`)).body as { items: Array<{ id: string }> };
    expect(offers.items.length).toBeGreaterThanOrEqual(1);
    const accepted = await broker('POST', `/api/applications/${offers.items[0].id}/transitions`, { action: 'accept', consent: { method: 'phone', note: '电话确认' } });
    expect(accepted.status).toBe(201);
    await page.goto(`${webServer!.url}/m/matches`);
    await expectText(page.getByTestId('matches-unavailable'), '已有录用');
    expect(await page.getByTestId('match-card').count()).toBe(0);
    await shot(page, 'matches-worker-unavailable');
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a new worker with no applications is pointed from 我的报名 to 为我推荐, which asks for the profile first', async () => {
  const mobile = `137${String(Date.now()).slice(-8)}`;
  const registered = await fetch(`${api!.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mobile, password: 'mima2026', displayName: '马春燕' }),
  });
  expect(registered.status).toBe(201);

  const phone = await newPhoneContext(browser!);
  const page = await phone.newPage();
  const errors = trackPageErrors(page);
  try {
    await loginAt(page, webServer!.url, mobile, 'mima2026');
    await page.getByTestId('worker-home').waitFor();
    await page.goto(`${webServer!.url}/m/applications`);
    await expectText(page.getByTestId('applications-empty'), '还没有报名记录');
    await page.getByTestId('applications-matches-link').click();
    await page.waitForURL('**/m/matches');
    await expectText(page.getByTestId('matches-error'), '我的档案');
    await page.getByTestId('matches-error').getByRole('link', { name: /去填写我的档案/ }).click();
    await page.waitForURL('**/m/profile');
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker opens a worker of 和政县, reads 推荐岗位 with the score explained, applies for her with her consent, and a second try is refused as worded', async () => {
  const broker = await apiAs('broker_linxia');
  const workerId = await workerIdByName(broker, '冶玉梅');
  const expected = (await broker('GET', `/api/workers/${workerId}/job-matches?limit=10`)).body as MatchPage;
  expect(expected.unavailable).toBeUndefined();
  expect(expected.items.length).toBeGreaterThanOrEqual(1);
  const top = expected.items[0];

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    // 我的劳动力 → her record.
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-labour').click();
    await page.waitForURL('**/console/labour');
    await page.getByTestId('worker-table').getByTestId('worker-link').filter({ hasText: '冶玉梅' }).click();
    await page.waitForURL(`**/console/labour/${workerId}`);
    const panel = page.getByTestId('worker-matches');
    const table = panel.getByTestId('matches-table');
    await table.getByTestId('match-score').first().waitFor();
    await expectText(panel.getByTestId('matches-counts'), '符合硬性条件');

    // Ranked as the API ranks them; a row opens to its explained parts.
    expect((await table.getByTestId('match-job').allTextContents()).map((t) => t.trim())).toEqual(expected.items.map((m) => m.job.title));
    const scores = (await table.getByTestId('match-score').allTextContents()).map(Number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    await table.locator('.el-table__expand-icon').first().click();
    await expectText(table.getByTestId('match-parts'), '技能');
    await expectText(table.getByTestId('match-parts'), top.parts.find((p) => p.key === 'category')!.explanation);
    await shot(page, 'matches-broker-panel');

    // The same record in a second tab, to try again later from a page that does not know of the application.
    const stale = await context.newPage();
    await stale.goto(`${webServer!.url}/console/labour/${workerId}`);
    await stale.getByTestId('worker-matches').getByTestId('apply-for-worker').first().waitFor();

    // 代为报名 asks how she agreed (required), then applies.
    const row = table.locator('.el-table__row', { hasText: top.job.title }).first();
    await row.getByTestId('apply-for-worker').click();
    const dialog = page.getByTestId('apply-dialog');
    await expectText(dialog, '代为报名须已征得本人同意');
    await dialog.getByTestId('apply-confirm').click();
    await expectText(dialog.getByTestId('apply-consent').locator('.el-form-item__error'), '请选择本人同意的方式');
    await choose(page, dialog.getByTestId('apply-consent'), '微信确认');
    await dialog.getByTestId('apply-note').locator('input').fill('微信语音联系本人，同意报名');
    await shot(page, 'matches-broker-consent');
    await dialog.getByTestId('apply-confirm').click();
    await expectText(panel.getByTestId('match-applied'), `已为冶玉梅报名「${top.job.title}」`);
    await expectText(row.getByTestId('match-application'), '已报名');
    expect(await row.getByTestId('apply-for-worker').count()).toBe(0);
    await shot(page, 'matches-broker-applied');

    // Recorded as the broker's, with her consent.
    const mine = (await broker('GET', `/api/applications?workerId=${workerId}&jobOrderId=${top.job.id}`)).body as {
      items: Array<{ status: string; channel: string; consentMethod?: string; consentNote: string }>;
    };
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ status: 'applied', channel: 'broker', consentMethod: 'wechat', consentNote: '微信语音联系本人，同意报名' });

    // The second tab still offers 代为报名 for that job: the API refuses it, and the dialog says so as worded.
    const staleRow = stale.getByTestId('matches-table').locator('.el-table__row', { hasText: top.job.title }).first();
    await staleRow.getByTestId('apply-for-worker').click();
    await choose(stale, stale.getByTestId('apply-dialog').getByTestId('apply-consent'), '电话确认');
    await stale.getByTestId('apply-dialog').getByTestId('apply-confirm').click();
    await expectText(stale.getByTestId('apply-problem'), '已报名该岗位');
    await shot(stale, 'matches-broker-409');
    // The list is read again: the row now shows the application.
    await expectText(staleRow.getByTestId('match-application'), '已报名');
    await stale.close();

    // A worker who has a job is not recommended any: the panel says why.
    await page.goto(`${webServer!.url}/console/labour/${await workerIdByName(broker, '冶海军')}`);
    await expectText(page.getByTestId('matches-unavailable'), '当前就业状态不在推荐范围');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an admin reads 短信记录: the offer SMS of the seed with the mobile masked, filtered by status', async () => {
  const admin = await apiAs('admin');
  const all = (await admin('GET', '/api/admin/sms?pageSize=100')).body as { items: Array<{ status: string; mobileMasked: string }>; total: number };
  expect(all.total).toBeGreaterThanOrEqual(1);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'admin');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-admin/sms').click();
    await page.waitForURL('**/console/admin/sms');
    const table = page.getByTestId('sms-table');
    await table.getByTestId('sms-mobile').first().waitFor();
    expect(await table.locator('.el-table__row').count()).toBe(Math.min(20, all.total));
    await expectText(page.getByTestId('sms-pager'), `共 ${all.total} 条`);

    // The seed's offer to the demo worker: masked, its template named, the text as it would have gone out.
    const offer = table.locator('.el-table__row', { hasText: '139****0001' }).filter({ hasText: '收到录用意向' }).first();
    await expectText(offer.getByTestId('sms-body'), '厦门集美宏泰电子有限公司向您发出');
    expect((await offer.getByTestId('sms-mobile').textContent())?.trim()).toMatch(/^139\*{4}0001$/);
    expect(await table.textContent()).not.toMatch(/1390000000\d/);
    const status = (await offer.getByTestId('sms-row-status').textContent())!.trim();
    expect(Object.values(SMS_STATUS_ZH)).toContain(status);
    await offer.getByTestId('sms-attempts').waitFor();
    await shot(page, 'matches-admin-sms');

    // Filtered by that status: every row has it, the count is the API's.
    const code = Object.entries(SMS_STATUS_ZH).find(([, label]) => label === status)![0];
    await choose(page, page.getByTestId('sms-status'), status);
    await page.waitForURL((url) => url.searchParams.get('status') === code);
    const same = all.items.filter((i) => i.status === code).length;
    await eventually(() => table.getByTestId('sms-row-status').allTextContents(), (labels) => {
      expect(labels.length).toBe(Math.min(20, same));
      expect(new Set(labels.map((l) => l.trim()))).toEqual(new Set([status]));
    });
    // Another status: its own rows only (none here unless the API has some).
    const other = Object.keys(SMS_STATUS_ZH).find((s) => s !== code && s === 'failed') ?? Object.keys(SMS_STATUS_ZH).find((s) => s !== code)!;
    await choose(page, page.getByTestId('sms-status'), SMS_STATUS_ZH[other as keyof typeof SMS_STATUS_ZH]);
    await page.waitForURL((url) => url.searchParams.get('status') === other);
    const otherCount = ((await admin('GET', `/api/admin/sms?status=${other}`)).body as { total: number }).total;
    if (otherCount === 0) await expectText(table, `没有「${SMS_STATUS_ZH[other as keyof typeof SMS_STATUS_ZH]}」的短信`);
    else await eventually(() => table.locator('.el-table__row').count(), (n) => expect(n).toBe(Math.min(20, otherCount)));

    // Other staff have no such page.
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }

  const broker = await newDesktopContext(browser!);
  const brokerPage = await broker.newPage();
  try {
    await login(brokerPage, 'broker_linxia');
    await brokerPage.getByTestId('console-home').waitFor();
    expect(await brokerPage.getByTestId('menu-admin/sms').count()).toBe(0);
    await brokerPage.goto(`${webServer!.url}/console/admin/sms`);
    await brokerPage.waitForURL(/\/console$/);
  } finally {
    await broker.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker reads their messages in the console: the unread count in the header, opening one, 全部已读', async () => {
  const broker = await apiAs('broker_linxia');
  const before = (await broker('GET', '/api/me/notifications?pageSize=100')).body as { items: Array<{ title: string; body: string; read: boolean }>; unread: number };
  // The seed's applications and the application made for 冶玉梅 in the test before.
  expect(before.unread).toBeGreaterThanOrEqual(2);
  expect(before.items.some((m) => m.title === '收到新的报名' && m.body.includes('冶玉梅'))).toBe(true);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await expectText(page.getByTestId('console-unread'), String(before.unread));
    await page.getByTestId('console-inbox-link').click();
    await page.waitForURL('**/console/inbox');
    const messages = page.getByTestId('console-message');
    await messages.first().waitFor();
    expect(await messages.count()).toBe(Math.min(20, before.items.length));
    expect(await page.locator('[data-testid="console-message"][data-unread="true"]').count()).toBe(before.unread);
    const hers = messages.filter({ hasText: '冶玉梅' }).first();
    await expectText(hers.getByTestId('console-message-title'), '收到新的报名');
    await shot(page, 'matches-console-inbox');

    // 查看 marks it read and opens the order's 报名看板; the header's count goes down by one.
    await hers.getByTestId('message-open').click();
    await page.waitForURL(/\/console\/job-orders\/[0-9a-f-]{36}\/pipeline$/);
    await page.getByTestId('pipeline-page').waitFor();
    await expectText(page.getByTestId('pipeline-board'), '冶玉梅');
    await expectText(page.getByTestId('console-unread'), String(before.unread - 1));
    await eventually(async () => ((await broker('GET', '/api/me/notifications/unread-count')).body as { unread: number }).unread, (n) => expect(n).toBe(before.unread - 1));

    // 未读 lists the rest; 全部已读 clears them and the badge.
    await page.getByTestId('console-inbox-link').click();
    await page.getByTestId('inbox-show-unread').click();
    await page.waitForURL((url) => url.searchParams.get('show') === 'unread');
    await eventually(() => page.getByTestId('console-message').count(), (n) => expect(n).toBe(before.unread - 1));
    await page.getByTestId('inbox-read-all').click();
    await expectText(page.getByTestId('inbox-empty'), '没有未读消息');
    await eventually(() => page.getByTestId('console-unread').count(), (n) => expect(n).toBe(0));
    await page.getByTestId('inbox-show-all').click();
    await eventually(() => page.locator('[data-testid="console-message"][data-unread="true"]').count(), (n) => expect(n).toBe(0));
    expect(((await broker('GET', '/api/me/notifications/unread-count')).body as { unread: number }).unread).toBe(0);
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

async function workerIdByName(call: Call, name: string): Promise<string> {
  const res = (await call('GET', `/api/workers?name=${encodeURIComponent(name)}&pageSize=10`)).body as { items: Array<{ id: string; name: string }> };
  const worker = res.items?.find((w) => w.name === name);
  if (!worker) throw new Error(`no worker ${name}: ${JSON.stringify(res)}`);
  return worker.id;
}
