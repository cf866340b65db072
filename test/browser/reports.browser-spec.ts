// County officers' reports through the real web UI in headless Chromium (issue 9): the demo officer of 临夏州 opens 数据看板
// → 日调度 on a 1366×768 laptop — tiles of the total, the destination bars per county and the retention curves drawn as
// SVG, the ranking with 和政县's figures and day-over-day changes as the API counts them — ranks by another figure,
// reads yesterday's snapshot and is told plainly when a day has none, exports the ranking as CSV, prints it without
// the console around it; sets a target for 和政县 on 目标任务 (a negative figure refused under its field in the API's
// words) and finds it in the table, beside 东部吸纳; and on 劳动就业去向 reads the villages of 和政县 since yesterday and
// drills into 陈家集村, whose labourers carry 有变化 / 新登记.
// One API with the demo seed, which takes yesterday's snapshot (the day to compare with) and sets last year's figures.
// The seed's status history is moved three days back with SQL (so that "since yesterday" is not the whole registry);
// then, today, the broker changes one labourer's status and placements arrive through the API (months ago, for the
// retention curves).
// A full-page screenshot of the dashboard goes to test-results/screenshots/reports-dashboard.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { EMPLOYMENT_STATUS_ZH } from '@daogang/registry';
import { DESTINATION_ZH, DESTINATIONS, RANK_BY_ZH, SNAPSHOT_DAY } from '@daogang/reporting';
import { DESTINATION_KEYS } from '@daogang/reporting/dashboard/county-figures.js';
import * as web from '../../apps/web/src/pages/console/reports/reports.js';
import type { RetentionReport } from '../../apps/web/src/pages/console/followup/followup.js';
import { workerInput } from '../support/factories.js';
import { apiCaller, type ApiCall, type RunningApi } from './support/api.js';
import { closeStack, startStackWithDatabase } from './support/stack.js';
import { choose, eventually, expectText, login as loginAt, shot } from './support/console.js';
import { repoRoot } from './support/paths.js';
import type { WebServer } from './support/web.js';
import { trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
const JOURNEY_TIMEOUT_MS = 180_000;
const HEZHENG = '622925';
const CONSENT = { method: 'phone', note: '电话确认' };
const SCREENSHOTS = path.join(repoRoot, 'test-results/screenshots');

let api: RunningApi | undefined;
let webServer: WebServer | undefined;
let browser: Browser | undefined;
let db: pg.Client | undefined;

beforeAll(async () => {
  ({ api, webServer, browser, db } = await startStackWithDatabase('reports.browser-spec'));
  await prepareHistory();
}, 300_000);

afterAll(async () => {
  await closeStack({ browser, webServer, db, api });
});

test("the web's report labels are the API's", () => {
  expect(web.RANK_BY_ZH).toEqual(RANK_BY_ZH);
  expect(web.DESTINATIONS).toEqual([...DESTINATIONS]);
  expect(web.DESTINATION_ZH).toEqual(DESTINATION_ZH);
  expect(web.DESTINATION_CLASSES.map((c) => [c.key, c.status])).toEqual(Object.entries(DESTINATION_KEYS));
  for (const c of web.DESTINATION_CLASSES) expect(c.title).toBe(EMPLOYMENT_STATUS_ZH[c.status as keyof typeof EMPLOYMENT_STATUS_ZH]);
});

test('an officer reads 日调度: tiles, SVG charts and the ranking as the API counts them, other rankings and days, CSV, print', async () => {
  const officer = await apiAs('officer_linxia');
  const dashboard = (await officer('GET', '/api/reports/dashboard')).body as web.Dashboard;
  const hezheng = dashboard.counties.find((c) => c.countyCode === HEZHENG)!;
  expect(hezheng).toBeDefined();
  expect(hezheng.mine).toBe(true);
  expect(dashboard.previousDay).toBe(day(-1));
  expect(hezheng.change).not.toBeNull();
  const retention = (await officer('GET', '/api/reports/retention?by=month')).body as RetentionReport;
  expect(retention.rows.length).toBeGreaterThanOrEqual(3);

  const context = await laptop();
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'officer_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-dashboard').click();
    await page.waitForURL('**/console/dashboard');
    await page.getByTestId('ranking-table').waitFor();

    // The ranking: every county in the API's order, 和政县 (one of the officer's) highlighted with the API's figures.
    const rows = page.getByTestId('ranking-row');
    await eventually(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-county'))), (codes) =>
      expect(codes).toEqual(dashboard.counties.map((c) => c.countyCode)));
    const row = page.locator(`[data-testid="ranking-row"][data-county="${HEZHENG}"]`);
    expect(await row.getAttribute('data-mine')).toBe('true');
    expect(await row.getAttribute('class')).toContain('rank__mine');
    const cell = async (id: string) => ((await row.getByTestId(id).textContent()) ?? '').trim();
    expect(await cell('rk-county')).toContain('和政县');
    expect(await cell('rk-rank')).toBe(String(hezheng.rank));
    for (const f of ['workers', 'employed', 'zeroHouseholds', 'overdue', 'openCases'] as const) {
      expect(await cell(`rk-${f}`)).toBe(String(hezheng[f]));
      expect(await cell(`rk-delta-${f}`)).toBe(web.signed(hezheng.change![f]));
    }
    expect(await cell('rk-employmentRate')).toBe(web.pct(hezheng.employmentRate));
    expect(await cell('rk-completenessRate')).toBe(web.pct(hezheng.completenessRate));
    expect(await cell('rk-delta-employmentRate')).toBe(web.signed(hezheng.change!.employmentRate, true));
    const moved = hezheng.change!.rank;
    expect(await cell('rk-move')).toBe(moved === null ? '新' : moved > 0 ? `▲${moved}` : moved < 0 ? `▼${-moved}` : '—');

    // The tiles: the API's total.
    const tile = (key: string) => page.getByTestId(`tile-${key}`).getByTestId('tile-value');
    expect((await tile('workers').textContent())?.trim()).toBe(String(dashboard.total.workers));
    expect((await tile('employmentRate').textContent())?.trim()).toBe(web.pct(dashboard.total.employmentRate));
    expect((await tile('zeroHouseholds').textContent())?.trim()).toBe(String(dashboard.total.zeroHouseholds));
    expect((await tile('overdue').textContent())?.trim()).toBe(String(dashboard.total.overdue));

    // The charts, drawn as SVG: a bar per county whose segments add up to its labourers, a legend; a line per
    // retention length with a rate in two months or more, a point per month with a rate.
    const bars = page.getByTestId('chart-destinations').getByTestId('bar');
    expect(await bars.count()).toBe(dashboard.counties.length);
    const segments = await page.locator(`[data-testid="bar"][data-county="${HEZHENG}"] rect[data-class]`).evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-class'), Number(e.getAttribute('data-n')), Number(e.getAttribute('width'))] as const));
    expect(segments.reduce((n, [, count]) => n + count, 0)).toBe(hezheng.workers);
    expect(Object.fromEntries(segments.map(([k, n]) => [k, n]))).toEqual(
      Object.fromEntries(Object.entries(hezheng.destinations).filter(([, n]) => n > 0)));
    expect(segments.every(([, , w]) => w > 0)).toBe(true);
    expect((await page.getByTestId('chart-legend').textContent())?.replace(/\s+/g, '')).toBe('省外省内县外县内公益性岗位自主创业培训未就业');
    const lines = page.getByTestId('chart-retention').getByTestId('retention-line');
    for (const n of [30, 90, 180] as const) {
      const rated = retention.rows.filter((r) => r[`retained${n}`].rate !== null).length;
      expect(await page.locator(`[data-testid="chart-retention"] g[data-days="${n}"] circle`).count()).toBe(rated);
    }
    expect(await lines.count()).toBeGreaterThanOrEqual(2);
    const thirty = await page.locator('[data-testid="retention-line"][data-days="30"]').getAttribute('d');
    expect((thirty?.match(/[ML]/g) ?? []).length).toBeGreaterThanOrEqual(3);

    // The whole dashboard on a laptop screen (the file is looked at by a person too: Chinese glyphs, layout).
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-dashboard.png'), fullPage: true });

    // The ranking as a CSV file: the API's, with a BOM for Excel.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^日调度.*\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF排名')).toBe(true);
    expect(text).toContain('和政县');

    // Printing: the page without the console's header and menu, the filters, the navigation and the buttons.
    await page.emulateMedia({ media: 'print' });
    for (const id of ['console-menu', 'logout', 'dashboard-csv', 'dashboard-xlsx', 'dashboard-print', 'dashboard-day', 'reports-nav-targets']) {
      expect([id, await page.getByTestId(id).isVisible()]).toEqual([id, false]);
    }
    for (const id of ['ranking-table', 'chart-destinations', 'chart-retention', 'dashboard-tiles', 'reports-title']) {
      expect([id, await page.getByTestId(id).isVisible()]).toEqual([id, true]);
    }
    expect(await page.getByTestId('chart-destinations').getByTestId('bar').first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reports-dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('console-menu').isVisible()).toBe(true);

    // Ranked by 逾期回访 instead: the API's order, in the URL.
    await choose(page, page.getByTestId('dashboard-rank-by'), '逾期回访');
    await page.waitForURL((url) => url.searchParams.get('rankBy') === 'overdue');
    const byOverdue = (await officer('GET', '/api/reports/dashboard?rankBy=overdue')).body as web.Dashboard;
    await eventually(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-county'))), (codes) =>
      expect(codes).toEqual(byOverdue.counties.map((c) => c.countyCode)));
    await expectText(page.getByTestId('dashboard-note'), '按逾期回访排名');

    // Yesterday: its snapshot (no earlier one to compare with). Five days ago: no snapshot, said plainly.
    await pickDay(page, day(-1));
    await page.waitForURL((url) => url.searchParams.get('day') === day(-1));
    await expectText(page.getByTestId('dashboard-note'), `${day(-1)} 的快照`);
    await expectText(page.getByTestId('dashboard-note'), '还没有更早的快照');
    const yesterday = (await officer('GET', `/api/reports/dashboard?day=${day(-1)}&rankBy=overdue`)).body as web.Dashboard;
    const before = yesterday.counties.find((c) => c.countyCode === HEZHENG)!;
    await eventually(() => row.getByTestId('rk-workers').textContent(), (t) => expect(t?.trim()).toBe(String(before.workers)));
    expect(before.workers).toBe(hezheng.workers - hezheng.change!.workers);
    await pickDay(page, day(-5));
    await page.waitForURL((url) => url.searchParams.get('day') === day(-5));
    await expectText(page.getByTestId('dashboard-no-snapshot'), '该日没有快照');
    expect(await page.getByTestId('ranking-table').count()).toBe(0);
    expect((await officer('GET', `/api/reports/dashboard?day=${day(-5)}`)).status).toBe(404);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an officer sets 和政县’s target on 目标任务 (a negative figure refused under its field) and reads 东部吸纳', async () => {
  const officer = await apiAs('officer_linxia');
  const context = await laptop();
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'officer_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.goto(`${webServer!.url}/console/dashboard`);
    await page.getByTestId('reports-nav-targets').click();
    await page.waitForURL('**/console/dashboard/targets');
    const table = page.getByTestId('targets-table');
    await expectText(table, '和政县');

    const form = page.getByTestId('target-form');
    await choose(page, form.getByTestId('tf-county'), '和政县');
    const lastYear = form.getByTestId('tf-out_of_province.lastYear');
    const target = form.getByTestId('tf-out_of_province.target');
    await lastYear.locator('input').fill('-3');
    await target.locator('input').fill('8');
    await page.getByTestId('target-save').click();
    const refused = await officer('PUT', '/api/reports/targets', { year: thisYear(), countyCode: HEZHENG, out_of_province: { lastYear: -3 } });
    expect(refused.status).toBe(400);
    const message = (refused.body as { errors: Array<{ field: string; message: string }> }).errors.find((e) => e.field === 'out_of_province.lastYear')!.message;
    expect(message).toBe('上年人数不能为负');
    await expectText(lastYear.locator('.el-form-item__error'), message);
    await shot(page, 'reports-target-error');

    await lastYear.locator('input').fill('5');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/reports/targets' && r.request().method() === 'PUT'),
      page.getByTestId('target-save').click(),
    ]);
    expect(saved.status()).toBe(200);
    expect(saved.request().postDataJSON()).toEqual({
      year: thisYear(), countyCode: HEZHENG,
      out_of_province: { lastYear: 5, target: 8 }, in_province: { lastYear: 6, target: 8 }, in_county: { lastYear: 3, target: null },
    });
    const targets = (await officer('GET', `/api/reports/targets?year=${thisYear()}`)).body as web.Targets;
    const figure = targets.rows.find((r) => r.code === HEZHENG && r.level === 'county')!.figures.find((f) => f.destination === 'out_of_province')!;
    expect([figure.lastYear, figure.target, figure.targetSource]).toEqual([5, 8, 'set']);
    const row = table.locator('.el-table__body .el-table__row', { has: page.locator(`[data-testid="target-name"][data-code="${HEZHENG}"]`) }).first();
    await expectText(row.getByTestId('t-out_of_province-target'), '8');
    expect((await row.getByTestId('t-out_of_province-lastYear').textContent())?.trim()).toBe('5');
    expect((await row.getByTestId('t-out_of_province-current').textContent())?.trim()).toBe(String(figure.current));
    expect((await row.getByTestId('t-out_of_province-gap').textContent())?.trim()).toBe(String(figure.gap));
    expect((await row.getByTestId('t-out_of_province-met').textContent())?.trim()).toBe(figure.met ? '已达' : '未达');
    // The province's row adds it up.
    const province = targets.rows.find((r) => r.level === 'province')!;
    await expectText(table, `${province.name}（合计）`);

    // 东部吸纳: the API's pairings.
    const absorption = ((await officer('GET', '/api/reports/absorption')).body as { rows: web.AbsorptionRow[] }).rows;
    expect(absorption.length).toBeGreaterThan(0);
    const absorbed = page.getByTestId('absorption-table').getByTestId('absorbed');
    await eventually(() => absorbed.allTextContents().then((t) => t.map((x) => x.trim())), (t) => expect(t).toEqual(absorption.map((r) => String(r.absorbed))));
    await expectText(page.getByTestId('absorption-table'), absorption[0].westName);
    await shot(page, 'reports-targets');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an officer reads 劳动就业去向 of 和政县 since yesterday and drills into 陈家集村 (有变化, 新登记, only the changes)', async () => {
  const officer = await apiAs('officer_linxia');
  const villages = (await officer('GET', `/api/reports/destinations/villages?countyCode=${HEZHENG}&since=${day(-1)}`)).body as web.Villages;
  const chen = villages.villages.find((v) => v.village === '陈家集村')!;
  expect(chen.changed).toBeGreaterThanOrEqual(1);
  expect(chen.registered).toBeGreaterThanOrEqual(1);
  const all = (await officer('GET', `/api/reports/destinations?countyCode=${HEZHENG}&township=城关镇&village=陈家集村&since=${day(-1)}`)).body as web.DestinationPage;
  const changed = (await officer('GET', `/api/reports/destinations?countyCode=${HEZHENG}&township=城关镇&village=陈家集村&since=${day(-1)}&changedOnly=true`)).body as web.DestinationPage;
  expect(changed.total).toBe(chen.changed! + chen.registered!);

  const context = await laptop();
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'officer_linxia');
    await page.getByTestId('console-home').waitFor();
    await page.goto(`${webServer!.url}/console/dashboard/destinations`);
    await page.getByTestId('villages-table').waitFor();
    await choose(page, page.getByTestId('destinations-county'), '和政县');
    await page.waitForURL((url) => url.searchParams.get('county') === HEZHENG);
    await pickDay(page, day(-1), 'destinations-since');
    await page.waitForURL((url) => url.searchParams.get('since') === day(-1));

    // The villages of 和政县 as the API counts them since yesterday.
    const table = page.getByTestId('villages-table');
    const village = table.locator('.el-table__body .el-table__row', { hasText: '陈家集村' });
    const counts = async () => [await village.getByTestId('village-changed').textContent(), await village.getByTestId('village-registered').textContent()];
    await eventually(counts, (c) => expect(c.map((x) => x?.trim())).toEqual([String(chen.changed), String(chen.registered)]));
    expect(await table.locator('.el-table__body .el-table__row').count()).toBe(villages.villages.length);
    await shot(page, 'reports-villages');

    // Into 陈家集村: every labourer, 冶玉梅 marked 有变化 with her status of yesterday, the new ones 新登记.
    await village.getByTestId('village-link').click();
    await page.waitForURL((url) => url.searchParams.get('village') === '陈家集村' && url.searchParams.get('township') === '城关镇');
    await expectText(page.getByTestId('village-title'), '和政县 · 城关镇 · 陈家集村');
    const workers = page.getByTestId('workers-table').locator('.el-table__body .el-table__row');
    await eventually(() => workers.count(), (n) => expect(n).toBe(all.items.length));
    const yu = workers.filter({ hasText: '冶玉梅' });
    await expectText(yu.getByTestId('worker-change'), '有变化');
    expect((await yu.getByTestId('worker-status-at-since').textContent())?.trim()).toBe('未就业');
    expect((await yu.getByTestId('worker-status').textContent())?.trim()).toBe('县内就业');
    const registered = all.items.filter((r) => r.change === 'registered');
    expect(registered.length).toBeGreaterThan(0);
    await expectText(workers.filter({ hasText: registered[0].name }).getByTestId('worker-change'), '新登记');
    const unchanged = all.items.find((r) => r.change === 'unchanged')!;
    expect(await workers.filter({ hasText: unchanged.name }).getByTestId('worker-change').count()).toBe(0);
    await shot(page, 'reports-village-workers');

    // 只看有变化: the API's rows only.
    await page.getByTestId('changed-only').click();
    await page.waitForURL((url) => url.searchParams.get('changed') === '1');
    await eventually(() => page.getByTestId('workers-table').getByTestId('worker-name').allTextContents().then((t) => t.map((x) => x.trim())),
      (names) => expect(names).toEqual(changed.items.map((r) => r.name)));

    // The village's table as a file.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('village-csv').click()]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF乡镇')).toBe(true);
    expect(text).toContain('冶玉梅');
    expect(text).toContain('有变化');

    // Back to the villages.
    await page.getByTestId('back-to-villages').click();
    await page.waitForURL((url) => !url.searchParams.has('village'));
    await page.getByTestId('villages-table').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an admin reads 日调度 of every county (none their own) and picks any county on 劳动就业去向 by typing its name', async () => {
  const admin = await apiAs('admin');
  const dashboard = (await admin('GET', '/api/reports/dashboard')).body as web.Dashboard;
  expect(dashboard.counties.map((c) => c.countyCode)).toEqual(expect.arrayContaining([HEZHENG, '422801', '500101']));
  const enshi = (await admin('GET', '/api/reports/destinations/villages?countyCode=422801')).body as web.Villages;

  const context = await laptop();
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'admin');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-dashboard').click();
    await page.waitForURL('**/console/dashboard');
    const rows = page.getByTestId('ranking-row');
    await eventually(() => rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-county'), e.getAttribute('data-mine')])), (r) =>
      expect(r).toEqual(dashboard.counties.map((c) => [c.countyCode, 'false'])));
    expect(await page.getByTestId('chart-destinations').getByTestId('bar').count()).toBe(dashboard.counties.length);

    await page.getByTestId('reports-nav-destinations').click();
    await page.waitForURL('**/console/dashboard/destinations');
    await expectText(page.getByTestId('destinations-page'), '请先选择一个县');
    await page.getByTestId('destinations-county').locator('input').fill('恩施');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^\s*恩施市 · / }).click();
    await page.waitForURL((url) => url.searchParams.get('county') === '422801');
    const villages = page.getByTestId('villages-table').getByTestId('village-link');
    await eventually(() => villages.allTextContents().then((t) => t.map((x) => x.trim())), (t) => expect(t).toEqual(enshi.villages.map((v) => v.village)));
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

// ---------------------------------------------------------------------------------------------------------------------

const login = (page: Page, loginName: string) => loginAt(page, webServer!.url, loginName, PASSWORD);
const apiAs = (loginName: string): Promise<ApiCall> => apiCaller(api!.url, loginName, PASSWORD);

/** A county officer's laptop: 1366×768. */
function laptop(): Promise<BrowserContext> {
  return browser!.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Types a day into a date picker (by its form item's test id) and confirms it. */
async function pickDay(page: Page, value: string, testid = 'dashboard-day'): Promise<void> {
  const input = page.getByTestId(testid).locator('input');
  await input.fill(value);
  await input.press('Enter');
}

/**
 * Yesterday's snapshot and today's changes: the seed's status history three days back, yesterday's snapshot (the
 * seed's, else the summary as it stands); then 冶玉梅 (陈家集村) finds work in her county, and four new labourers of 陈家集村 are
 * placed in Xiamen and arrive 200, 130, 75 and 40 days ago (the one of 130 days ago left after 50 days).
 */
async function prepareHistory(): Promise<void> {
  const [officer, broker] = await Promise.all([apiAs('officer_linxia'), apiAs('broker_linxia')]);
  await db!.query(`UPDATE worker_status_changes SET changed_at = changed_at - interval '3 days'`);
  // The demo seed takes yesterday's snapshot; an API seeded on another day may lack it (the worker app's job, by hand).
  const [{ n }] = (await db!.query('SELECT count(*)::int AS n FROM report_daily WHERE day = $1::date', [day(-1)])).rows;
  if (!n) {
    expect((await officer('GET', '/api/reports/dashboard')).status).toBe(200); // folds the summary
    await db!.query(SNAPSHOT_DAY, [day(-1)]);
  }

  const page = (await officer('GET', `/api/reports/destinations?countyCode=${HEZHENG}&village=陈家集村&pageSize=100`)).body as web.DestinationPage;
  const yu = page.items.find((r) => r.name === '冶玉梅')!;
  expect((await broker('POST', `/api/workers/${yu.workerId}/status`, { status: 'employed_in_county', note: '县城扶贫车间上班' })).status).toBe(201);

  const order = await xiamenOrder();
  for (const [name, ago, leftAfter] of [['马福林', 200], ['冶春花', 130, 50], ['何占山', 75], ['马玉兰', 40]] as Array<[string, number, number?]>) {
    const applicationId = await arrived(order, name, day(-ago));
    if (leftAfter) {
      const left = await broker('POST', `/api/applications/${applicationId}/transitions`, { action: 'leave', reason: '家中有事', date: day(-ago + leftAfter) });
      expect(left.status).toBe(201);
    }
  }
}

/** A published order of the Xiamen employer (verified in the seed). */
async function xiamenOrder(): Promise<string> {
  const employer = await apiAs('employer_xiamen');
  const job = (await employer('POST', '/api/job-orders', {
    title: '电子厂装配工（日调度）', category: '电子厂', headcount: 20, wageMin: 5500, wageMax: 7000, startDate: day(1), ageMin: 16, ageMax: 60,
  })).body as { id: string; version: number };
  expect((await employer('POST', `/api/job-orders/${job.id}/transitions`, { action: 'publish', version: job.version })).status).toBe(201);
  return job.id;
}

/** A new labourer of 陈家集村 registered by the admin, applied for, offered, accepted, placed and arrived on `arrivedOn`. */
async function arrived(jobOrderId: string, name: string, arrivedOn: string): Promise<string> {
  const [admin, broker, employer] = await Promise.all([apiAs('admin'), apiAs('broker_linxia'), apiAs('employer_xiamen')]);
  const w = await admin('POST', '/api/workers', workerInput(HEZHENG, { name }));
  expect(w.status).toBe(201);
  const a = await broker('POST', '/api/applications', { jobOrderId, workerId: (w.body as { id: string }).id, consent: CONSENT });
  expect(a.status).toBe(201);
  const id = (a.body as { id: string }).id;
  expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'offer' })).status).toBe(201);
  expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'accept', consent: CONSENT })).status).toBe(201);
  expect((await employer('POST', `/api/applications/${id}/transitions`, { action: 'place', startDate: arrivedOn })).status).toBe(201);
  expect((await employer('POST', `/api/applications/${id}/transitions`, { action: 'arrive', date: arrivedOn })).status).toBe(201);
  return id;
}

/** A Beijing day `n` days from today, YYYY-MM-DD. */
function day(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
function thisYear(): number {
  return Number(day(0).slice(0, 4));
}
