// The labour registry through the real web UI in headless Chromium: a broker registers and edits workers in the
// console (五名单, the form with the API's field errors, the detail with the audited full ID number, status changes,
// export), a broker imports a CSV and reads the error report, an officer reads 信息完整率, and a worker signs up on a
// phone and fills in their profile. Screenshots go to test-results/browser/ (gitignored).
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DISABILITY_KINDS, EDUCATION_ZH, EMPLOYMENT_STATUS_ZH, EMPLOYED_STATUSES, JOB_CATEGORIES, SKILLS, makeIdNumber } from '@daogang/registry';
import * as web from '../../apps/web/src/pages/registry.js';
import { startApi, type RunningApi } from './support/api.js';
import { apiFromPage, choose, eventually, expectText, login as loginAt, shot } from './support/console.js';
import { containsElementPlus, gzipSizeOfDist, startWeb, type WebServer } from './support/web.js';
import { launchChromium, newDesktopContext, newPhoneContext, screenshot, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
/** A journey through several pages; generous for a loaded CI machine. */
const JOURNEY_TIMEOUT_MS = 120_000;
/** The register and profile pages are lazy chunks outside the login budget, but stay small too: what they add (JS, gzip). */
const REGISTER_PROFILE_JS_BUDGET_BYTES = 12 * 1024;

let api: RunningApi | undefined;
let webServer: WebServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // The queue worker runs too: imports are processed by it.
  api = await startApi({ worker: true });
  webServer = await startWeb({ apiUrl: api.url });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await webServer?.close();
  await api?.close();
});



const input = (page: Page, field: string) => page.getByTestId(`field-${field}`).locator('input, textarea').first();
const fieldError = (page: Page, testId: string) => page.getByTestId(testId).locator('.el-form-item__error');


const TAB_LIST: Record<string, string> = {
  全部: 'all', 已就业: 'employed', 未就业: 'not_employed', 有培训意愿: 'wants_training', 有外出意愿: 'wants_to_move',
  有创业意愿: 'wants_business', 零就业户: 'zero',
};

/** Clicks a tab of 五名单 and waits for its list to arrive and be drawn. */
async function openTab(page: Page, label: string): Promise<void> {
  const list = TAB_LIST[label];
  const loaded = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return list === 'zero'
      ? url.pathname === '/api/households' && url.searchParams.get('zeroEmployment') === 'true'
      : url.pathname === '/api/workers' && url.searchParams.get('list') === list;
  });
  await page.getByRole('tab', { name: label, exact: true }).click();
  await loaded;
  await eventually(() => page.locator('.el-loading-mask:visible').count(), (n) => expect(n).toBe(0));
  await page.getByTestId(list === 'zero' ? 'household-table' : 'worker-table').waitFor();
}
const table = (page: Page) => page.getByTestId('worker-table');

test("the web's labels of the registry codes are the API's", () => {
  expect(web.EMPLOYMENT_STATUS_ZH).toEqual(EMPLOYMENT_STATUS_ZH);
  expect([...web.EMPLOYED_STATUSES].sort()).toEqual([...EMPLOYED_STATUSES].sort());
  expect(web.EDUCATION_ZH).toEqual(EDUCATION_ZH);
  expect(web.SKILLS).toEqual([...SKILLS]);
  expect(web.JOB_CATEGORIES).toEqual([...JOB_CATEGORIES]);
  expect(Object.keys(web.DISABILITY_ZH).sort()).toEqual([...DISABILITY_KINDS].sort());
  const id = makeIdNumber('622925', '1992-05-06', 321);
  expect(web.idNumberProblem(id)).toBe('');
  expect(web.idNumberProblem(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'))).toBe('身份证号校验位不正确，请核对是否输错');
});

test('a broker registers a worker, sees them in 未就业, opens the audited detail, moves them to 省外就业 and sees them in 已就业', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const name = '马福祥';
  const idNumber = makeIdNumber('622925', '1992-05-06', 321);
  const badId = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-labour').click();
    await page.waitForURL('**/console/labour');
    await page.getByTestId('labour-list').waitFor();
    expect((await page.getByRole('tab').allTextContents()).map((t) => t.trim())).toEqual([
      '全部', '已就业', '未就业', '有培训意愿', '有外出意愿', '有创业意愿', '零就业户',
    ]);
    await expectText(page.getByTestId('list-total'), '人'); // the demo villages are seeded

    // 登记劳动力
    await page.getByTestId('new-worker').click();
    await page.waitForURL('**/console/labour/new');
    await input(page, 'name').fill(name);
    await input(page, 'idNumber').fill(badId);
    await input(page, 'mobile').fill('13909305678');
    await choose(page, page.getByTestId('field-homeCountyCode'), '和政县');
    await choose(page, page.getByTestId('field-education'), '初中');
    await input(page, 'householdNo').fill('HZ-BR-0001');
    await input(page, 'township').fill('城关镇');
    await input(page, 'village').fill('陈家集村');
    await page.getByTestId('field-skills').getByText('电焊', { exact: true }).click();
    await page.getByTestId('field-wishCategories').getByText('建筑', { exact: true }).click();
    await page.getByTestId('field-wantsToMove').locator('.el-switch').click();
    await input(page, 'emergencyContactName').fill('马秀兰');
    await input(page, 'emergencyContactMobile').fill('13909305679');
    await page.getByTestId('add-certificate').click(); // left without a name: the API names the nested field

    // A mistyped ID number: the message is under the field and nothing is sent.
    await page.getByTestId('worker-submit').click();
    await expectText(fieldError(page, 'field-idNumber'), '身份证号校验位不正确');
    await shot(page, 'labour-new-bad-id');

    // The API's field errors land under their fields, nested paths too (certificates[0].name).
    await input(page, 'idNumber').fill(idNumber);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/workers') && r.request().method() === 'POST');
    await page.getByTestId('worker-submit').click();
    expect((await refused).status()).toBe(400);
    await expectText(fieldError(page, 'certificate-0-name'), '请填写证书名称');
    await eventually(() => fieldError(page, 'field-idNumber').count(), (n) => expect(n).toBe(0)); // after its fade-out
    await page.getByTestId('certificate-0-name').locator('input').fill('电工证');

    await page.getByTestId('worker-submit').click();
    await page.waitForURL(/\/console\/labour\/[0-9a-f-]{36}$/);
    const workerId = page.url().split('/').pop()!;

    // The detail: the full ID number (this broker keeps 和政县), and the note that the view is audited.
    await expectText(page.getByTestId('detail-name'), name);
    expect((await page.getByTestId('detail-idNumber').textContent())?.trim()).toBe(idNumber);
    await expectText(page.getByTestId('audit-note'), '查看完整证件号已记录');
    await expectText(page.getByTestId('detail-status'), '未就业');
    await expectText(page.getByTestId('detail-fields'), '电工证');
    await expectText(page.getByTestId('missing-fields'), '手机号（未核实）');
    expect((await page.getByTestId('history-item').allTextContents()).map((t) => t.trim())).toEqual(['未就业']);
    await shot(page, 'labour-detail');

    // 未就业 lists them (masked); 已就业 does not; the household is a 零就业户.
    await page.getByTestId('labour-nav-lists').click();
    await openTab(page, '未就业');
    expect(new URL(page.url()).searchParams.get('list')).toBe('not_employed');
    const row = table(page).locator('.el-table__row', { hasText: name });
    await expectText(row, `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(await row.textContent()).not.toContain(idNumber);
    await expectText(row, '139****5678');
    await expectText(row, '城关镇 陈家集村');
    await shot(page, 'labour-list-not-employed');
    await openTab(page, '已就业');
    expect(await table(page).getByText(name).count()).toBe(0);
    await openTab(page, '零就业户');
    await expectText(page.getByTestId('household-table'), 'HZ-BR-0001');
    await shot(page, 'labour-zero-employment');

    // 变更就业状态 → 省外就业
    await openTab(page, '未就业');
    await table(page).getByText(name).click();
    await page.waitForURL(`**/console/labour/${workerId}`);
    await page.getByTestId('change-status').click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByTestId('status-select'), '省外就业');
    await dialog.getByTestId('status-note').fill('已到厦门宏泰电子上岗');
    await dialog.getByTestId('status-submit').click();
    await expectText(page.getByTestId('detail-status'), '省外就业');
    await eventually(
      async () => (await page.getByTestId('history-item').allTextContents()).map((t) => t.trim()),
      (items) => expect(items).toEqual(['未就业 → 省外就业', '未就业']),
    );
    await shot(page, 'labour-status-changed');

    await page.getByTestId('labour-nav-lists').click();
    await openTab(page, '已就业');
    await expectText(table(page).locator('.el-table__row', { hasText: name }), '省外就业');
    await openTab(page, '未就业');
    expect(await table(page).getByText(name).count()).toBe(0);
    await openTab(page, '零就业户');
    expect(await page.getByTestId('household-table').getByText('HZ-BR-0001').count()).toBe(0);

    // Export of 已就业 with the same filters: a CSV download through the bearer token.
    await openTab(page, '已就业');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^已就业名单-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('姓名');
    expect(csv).toContain(name);
    expect(csv).not.toContain(idNumber);

    // The same ID number again: 409, 该身份证号已登记, with a link to the record.
    await page.getByTestId('labour-nav-new').click();
    await input(page, 'name').fill('马福祥');
    await input(page, 'idNumber').fill(idNumber);
    await choose(page, page.getByTestId('field-homeCountyCode'), '和政县');
    await page.getByTestId('worker-submit').click();
    await expectText(page.getByTestId('duplicate-alert'), '该身份证号已登记');
    await shot(page, 'labour-duplicate');
    await page.getByTestId('duplicate-link').click();
    await page.waitForURL(`**/console/labour/${workerId}`);

    // Edit while someone else saved first: 409 → the stale message and 刷新, which loads their version.
    await page.getByTestId('edit-worker').click();
    await page.waitForURL(`**/console/labour/${workerId}/edit`);
    await eventually(() => input(page, 'village').inputValue(), (v) => expect(v).toBe('陈家集村'));
    const current = await apiFromPage<{ version: number }>(page, `/api/workers/${workerId}`);
    const other = await apiFromPage(page, `/api/workers/${workerId}`, { method: 'PATCH', body: { version: current.body.version, village: '新庄村' } });
    expect(other.status).toBe(200);
    await input(page, 'township').fill('买家集镇');
    await page.getByTestId('worker-submit').click();
    await expectText(page.getByTestId('stale-alert'), '档案已被他人修改');
    await shot(page, 'labour-stale');
    await page.getByTestId('stale-refresh').click();
    await eventually(() => input(page, 'village').inputValue(), (v) => expect(v).toBe('新庄村'));
    expect(await page.getByTestId('stale-alert').count()).toBe(0);
    await input(page, 'township').fill('买家集镇');
    await page.getByTestId('worker-submit').click();
    await page.waitForURL(`**/console/labour/${workerId}`);
    await expectText(page.getByTestId('detail-fields'), '买家集镇 新庄村');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a broker imports a CSV list: progress reaches 100% and the error report lists the one bad row', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const good = makeIdNumber('622925', '1990-02-03', 801);
  const bad = makeIdNumber('622925', '1991-07-08', 803);
  const badChecksum = bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1');
  const rows = [
    ['姓名', '身份证号', '手机号', '户编号', '县代码', '乡镇', '村', '建档立卡', '文化程度', '意向工种', '就业状态'],
    ['马玉兰', good, '13909301002', 'IMP-0001', '622925', '城关镇', '新庄村', '是', '小学', '家政', '未就业'],
    ['冶海龙', makeIdNumber('622921', '1988-08-08', 805), '', 'IMP-0002', '622921', '韩集镇', '双城村', '否', '高中', '电子厂、普工', '省外就业'],
    ['错号码', badChecksum, '', '', '622925', '城关镇', '新庄村', '', '', '', ''],
    ['韩金花', makeIdNumber('622925', '1993-03-03', 806), '', 'IMP-0001', '622925', '城关镇', '新庄村', '是', '初中', '', '参加培训'],
  ];
  const csv = Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
  try {
    await login(page, 'broker_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.goto(`${webServer!.url}/console/labour`);
    await page.getByTestId('go-import').click();
    await page.waitForURL('**/console/labour/import');

    // The template downloads with the bearer token.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
    expect(template.suggestedFilename()).toMatch(/\.csv$/);
    expect(fs.readFileSync((await template.path())!, 'utf8')).toContain('身份证号');

    await page.getByTestId('import-file').setInputFiles({ name: '陈家集村名单.csv', mimeType: 'text/csv', buffer: csv });
    await expectText(page.getByTestId('import-file-name'), '陈家集村名单.csv');
    await page.getByTestId('import-upload').click();
    await page.waitForURL(/\/console\/labour\/import\?id=[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('import-state'), '已完成', 30_000);
    await expectText(page.getByTestId('import-progress'), '100%');
    await expectText(page.getByTestId('import-rows'), '4 / 4 行');
    expect((await page.getByTestId('count-inserted').textContent())?.trim()).toBe('3');
    expect((await page.getByTestId('count-failed').textContent())?.trim()).toBe('1');

    // The error report: the 4th line of the file (the header is line 1), the column and the problem.
    const report = page.getByTestId('import-errors');
    await report.locator('.el-table__row').first().waitFor();
    const cells = (await report.locator('.el-table__row').first().locator('td').allTextContents()).map((t) => t.trim());
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('身份证号');
    expect(cells[2]).toContain('校验位');
    expect(await report.locator('.el-table__row').count()).toBe(1);
    await shot(page, 'labour-import-done');

    const [errorCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-errors-csv').click()]);
    expect(errorCsv.suggestedFilename()).toMatch(/\.csv$/);
    expect(fs.readFileSync((await errorCsv.path())!, 'utf8')).toContain('校验位');

    // A reload shows the same import (its id is in the URL); the imported workers are in the list.
    await page.reload();
    await expectText(page.getByTestId('import-state'), '已完成');
    await page.goto(`${webServer!.url}/console/labour?list=not_employed`);
    await expectText(table(page), '马玉兰');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an officer has 我的劳动力 and reads 信息完整率 by village and the county ranking', async () => {
  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'officer_linxia');
    await page.getByTestId('console-home').waitFor();
    const items = (await page.getByTestId('console-menu').locator('.el-menu-item').allTextContents()).map((t) => t.trim());
    expect(items).toEqual(['工作台', '我的劳动力', '劳动力搜索', '企业审核', '就业回访', '帮扶工单', '留存率', '数据看板']);
    await page.getByTestId('menu-labour').click();
    await page.getByTestId('labour-nav-completeness').click();
    await page.waitForURL('**/console/labour/completeness');
    const ranking = page.getByTestId('ranking');
    await expectText(ranking, '和政县');
    expect(await ranking.locator('.el-table__row').count()).toBeGreaterThan(0);
    await expectText(page.getByTestId('by-village'), '城关镇');
    await shot(page, 'labour-completeness');

    // 去补全 opens the list of that village's incomplete records.
    await page.getByTestId('by-village').getByText('去补全').first().click();
    await page.waitForURL(/\/console\/labour\?.*completenessBelow=100/);
    await page.getByTestId('worker-table').locator('.el-table__row').first().waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('a worker registers on a phone, fills in their profile, and sees it saved and their name on the home page', async () => {
  const context = await newPhoneContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const assets: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/assets/')) assets.push(url.pathname);
  });
  const idNumber = makeIdNumber('622925', '1995-08-12', 402);
  try {
    await page.goto(`${webServer!.url}/login`);
    await page.getByTestId('login-page').waitFor();
    const loginAssets = new Set(assets);
    await page.getByTestId('register-link').click();
    await page.waitForURL('**/register');

    // Checked in the page first: a weak password.
    await page.locator('[data-testid="register-mobile"] input').fill('13700001234');
    await page.locator('[data-testid="register-password"] input').fill('12345678');
    await page.locator('[data-testid="register-name"] input').fill('马春花');
    await page.getByTestId('register-submit').click();
    await page.getByText('密码需8至128位，且同时包含字母和数字').waitFor();
    await page.locator('[data-testid="register-password"] input').fill('mima2026');
    await shot(page, 'worker-register');
    await page.getByTestId('register-submit').click();

    // Logged in at once, on to 完善档案 with the name filled in.
    await page.waitForURL('**/m/profile');
    await page.getByTestId('profile-form').waitFor();
    const added = assets.filter((a) => a.endsWith('.js') && !loginAssets.has(a));
    expect(gzipSizeOfDist(added)).toBeLessThanOrEqual(REGISTER_PROFILE_JS_BUDGET_BYTES);
    expect(await page.evaluate('!!localStorage.getItem("daogang.accessToken") && !!localStorage.getItem("daogang.refreshToken")')).toBe(true);
    expect(await page.locator('[data-testid="pf-name"] input').inputValue()).toBe('马春花');
    expect(await page.locator('[data-testid="pf-mobile"] input').inputValue()).toBe('13700001234');

    // A mistyped ID number is caught under its field before anything is sent.
    await page.locator('[data-testid="pf-idNumber"] input').fill(idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'));
    await page.getByTestId('profile-submit').click();
    await expectText(page.getByTestId('pf-idNumber'), '身份证号校验位不正确');
    await expectText(page.getByTestId('pf-county'), '请选择户籍所在县');
    await page.locator('[data-testid="pf-idNumber"] input').fill(idNumber);

    await page.getByTestId('pf-county').click();
    const picker = page.getByTestId('region-picker');
    await picker.getByRole('button', { name: '甘肃省' }).click();
    await picker.getByRole('button', { name: '临夏回族自治州' }).click();
    await picker.getByRole('button', { name: '和政县' }).waitFor();
    await shot(page, 'worker-region-picker');
    await picker.getByRole('button', { name: '和政县' }).click();
    expect(await picker.count()).toBe(0);
    await eventually(() => page.locator('[data-testid="pf-county"] input').inputValue(), (v) => expect(v).toBe('甘肃省 临夏回族自治州 和政县'));
    await page.locator('[data-testid="pf-township"] input').fill('城关镇');
    await page.locator('[data-testid="pf-village"] input').fill('陈家集村');
    await page.getByTestId('pf-education').getByRole('radio', { name: '初中' }).click();
    await page.getByTestId('pf-skills').getByRole('checkbox', { name: '缝纫' }).click();
    await page.getByTestId('pf-wish').getByRole('checkbox', { name: '纺织服装' }).click();
    await page.locator('[data-testid="pf-wage"] input').fill('4500');
    await page.getByTestId('sw-move').click();
    await page.locator('[data-testid="pf-available"] input').fill('2027-03-01');
    await page.locator('[data-testid="pf-ec-name"] input').fill('马福');
    await page.locator('[data-testid="pf-ec-mobile"] input').fill('13909300002');
    await shot(page, 'worker-profile-form');
    await page.getByTestId('profile-submit').click();

    await page.getByTestId('profile-saved').waitFor();
    await expectText(page.getByTestId('pv-name'), '马春花');
    await expectText(page.getByTestId('pv-home'), '和政县 城关镇 陈家集村');
    await expectText(page.getByTestId('pv-wish'), '纺织服装');
    await shot(page, 'worker-profile-saved');

    const saved = await apiFromPage<Record<string, unknown>>(page, '/api/me/worker-profile');
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      name: '马春花', idNumber, mobile: '13700001234', sex: 'F', homeCountyCode: '622925', township: '城关镇', village: '陈家集村', education: 'junior',
      skills: ['缝纫'], wishCategories: ['纺织服装'], minMonthlyWage: 4500, wantsToMove: true, wantsTraining: false,
      availableFrom: '2027-03-01', emergencyContactName: '马福', emergencyContactMobile: '13909300002',
    });

    await page.getByTestId('profile-home').click();
    await page.waitForURL('**/m/home');
    expect((await page.getByTestId('greeting').textContent())?.trim()).toBe('你好，马春花');
    await shot(page, 'worker-home-after-profile');

    // Back to the profile from home, and an edit (PATCH with the version).
    await page.getByTestId('profile-link').click();
    await page.waitForURL('**/m/profile');
    await page.getByTestId('profile-edit').click();
    await page.locator('[data-testid="pf-wage"] input').fill('5000');
    await page.getByTestId('profile-submit').click();
    await page.getByTestId('profile-saved').waitFor();
    await expectText(page.getByTestId('pv-wage'), '5000 元');
    const edited = await apiFromPage<{ minMonthlyWage: number; version: number }>(page, '/api/me/worker-profile');
    expect(edited.body.minMonthlyWage).toBe(5000);
    expect(edited.body.version).toBeGreaterThan((saved.body as { version: number }).version);

    // The phone never downloaded the console's UI library.
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);




const login = (page: Page, loginName: string) => loginAt(page, webServer!.url, loginName, PASSWORD);
