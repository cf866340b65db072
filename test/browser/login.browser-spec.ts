// Logging in through the real web UI in headless Chromium: a worker on a phone, a broker at a desktop,
// and a wrong password. Screenshots go to test-results/browser/ (gitignored).
import type { Browser, Page } from 'playwright-core';
import { startApi, type RunningApi } from './support/api.js';
import { containsElementPlus, gzipSizeOfDist, startWeb, type WebServer } from './support/web.js';
import { launchChromium, newDesktopContext, newPhoneContext, screenshot, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
/** JS budget for a worker's phone: the login page plus the worker home page, gzip. */
const WORKER_JS_BUDGET_BYTES = 60 * 1024;

let api: RunningApi | undefined;
let web: WebServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  api = await startApi();
  web = await startWeb({ apiUrl: api.url });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

async function fillLogin(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${web!.url}/login`);
  await page.getByTestId('login-page').waitFor();
  await page.locator('[data-testid="login-input"] input').fill(login);
  await page.locator('[data-testid="password-input"] input').fill(password);
  await page.getByTestId('login-submit').click();
}

test('a worker logs in on a phone and lands on the worker home page', async () => {
  const context = await newPhoneContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const assets: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/assets/')) assets.push(url.pathname);
  });
  try {
    await page.goto(`${web!.url}/login`);
    await page.getByTestId('login-page').waitFor();
    expect(await page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    await screenshot(page, 'login-phone');

    await fillLogin(page, '13900000001', PASSWORD);
    await page.waitForURL('**/m/home');
    const greeting = page.getByTestId('greeting');
    await greeting.waitFor();
    expect((await greeting.textContent())?.trim()).toBe('你好，马小军');
    for (const tab of ['找工作', '我的申请', '我的行程']) {
      expect(await page.getByTestId('worker-tabbar').getByText(tab, { exact: true }).isVisible()).toBe(true);
    }
    expect(await page.evaluate('!!localStorage.getItem("daogang.accessToken") && !!localStorage.getItem("daogang.refreshToken")')).toBe(true);
    await screenshot(page, 'worker-home-phone');

    // A reload keeps the session (GET /api/auth/me with the stored token).
    await page.reload();
    await page.getByTestId('worker-home').waitFor();
    expect((await page.getByTestId('greeting').textContent())?.trim()).toBe('你好，马小军');

    // The worker's phone never downloads the staff console or Element Plus, and stays within its JS budget.
    expect(assets.filter((a) => /\/Console[A-Za-z]*-[^/]*$/.test(a))).toEqual([]);
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);
    expect(gzipSizeOfDist(assets.filter((a) => a.endsWith('.js')))).toBeLessThanOrEqual(WORKER_JS_BUDGET_BYTES);

    // A worker typing the console address is sent back to the phone home page.
    await page.goto(`${web!.url}/console`);
    await page.waitForURL('**/m/home');

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    expect(await page.evaluate('localStorage.getItem("daogang.accessToken")')).toBeNull();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a broker logs in and lands on the console with the broker menu', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await fillLogin(page, 'broker_linxia', PASSWORD);
    await page.waitForURL(/\/console$/);
    await page.getByTestId('console-home').waitFor();
    expect((await page.getByTestId('role-name').textContent())?.trim()).toBe('劳务经纪人');
    expect((await page.getByTestId('display-name').textContent())?.trim()).not.toBe('');

    const menu = page.getByTestId('console-menu');
    const items = (await menu.locator('.el-menu-item').allTextContents()).map((t) => t.trim());
    expect(items).toEqual(['工作台', '我的劳动力', '劳动力搜索', '岗位匹配', '就业回访', '帮扶工单']);
    await screenshot(page, 'console-broker');

    await page.getByTestId('menu-matching').click();
    await page.waitForURL('**/console/matching');
    await page.getByTestId('matching-orders').waitFor();

    // Sections of other roles are not reachable by URL.
    await page.goto(`${web!.url}/console/users`);
    await page.waitForURL(/\/console$/);

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a wrong password shows 账号或密码错误 and stays on the login page', async () => {
  const context = await newPhoneContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    // Empty form: checked in the page, nothing sent.
    await page.goto(`${web!.url}/login`);
    await page.getByTestId('login-submit').click();
    await page.getByText('请输入手机号或账号').waitFor();

    await fillLogin(page, '13900000001', 'wrong-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('账号或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate('localStorage.getItem("daogang.accessToken")')).toBeNull();
    await screenshot(page, 'login-wrong-password');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an admin lands on the console and opens 队列监控 in a new tab', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await fillLogin(page, 'admin', PASSWORD);
    await page.getByTestId('console-home').waitFor();
    expect((await page.getByTestId('role-name').textContent())?.trim()).toBe('系统管理员');
    const items = (await page.getByTestId('console-menu').locator('.el-menu-item').allTextContents()).map((t) => t.trim());
    expect(items).toEqual(['工作台', '用户管理', '企业审核', '输转调度', '就业回访', '帮扶工单', '数据看板', '短信记录', '队列监控 ↗']);

    // The dashboard is served by the API; the console first trades the bearer token for a cookie scoped to it,
    // then the new tab loads the dashboard, whose own data calls must be let through by that cookie.
    const dashboardCalls: number[] = [];
    context.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/admin/queues/api/')) dashboardCalls.push(res.status());
    });
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('menu-queues').click()]);
    await tab.waitForURL('**/api/admin/queues**');
    await tab.waitForLoadState('networkidle');
    expect(dashboardCalls.length).toBeGreaterThan(0);
    expect(dashboardCalls.every((status) => status === 200)).toBe(true);
    await screenshot(tab, 'admin-queues');
    await tab.close();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a rejected access token is refreshed once; a rejected refresh token sends the user to the login page', async () => {
  const context = await newPhoneContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const refreshCalls: number[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname === '/api/auth/refresh') refreshCalls.push(res.status());
  });
  try {
    await fillLogin(page, '13900000001', PASSWORD);
    await page.getByTestId('worker-home').waitFor();
    const oldRefresh = await page.evaluate('localStorage.getItem("daogang.refreshToken")');

    // The access token is refused (e.g. expired): GET /api/auth/me → 401 → one refresh → page shown with new tokens.
    await page.evaluate('localStorage.setItem("daogang.accessToken", "not-a-valid-token")');
    await page.reload();
    await page.getByTestId('worker-home').waitFor();
    expect(refreshCalls).toEqual([200]);
    expect(await page.evaluate('localStorage.getItem("daogang.accessToken")')).not.toBe('not-a-valid-token');
    expect(await page.evaluate('localStorage.getItem("daogang.refreshToken")')).not.toBe(oldRefresh);

    // Both tokens refused: back to the login page, remembering where the user was going.
    await page.evaluate('localStorage.setItem("daogang.accessToken", "x"); localStorage.setItem("daogang.refreshToken", "y")');
    await page.reload();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/m/home');
    expect(refreshCalls.length).toBe(2);
    expect(refreshCalls[1]).toBeGreaterThanOrEqual(400);
    expect(await page.evaluate('localStorage.getItem("daogang.refreshToken")')).toBeNull();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
