// Transport dispatch through the real web UI in headless Chromium (issue 7): a coordinator plans a window of placed
// workers (the plan runs as a BullMQ job in the worker app, booted here), watches its progress and reads the summary,
// opens a trip, moves a rider, is told as the API words it when a departure would arrive late, and confirms; on a phone
// the coordinator checks riders in at the bus door (one does not come), departs and confirms the arrival, and the
// no-show's placement stays 已录用; the demo worker reads 我的行程 once the trip is confirmed; the manifest prints without
// the console around it, shows ID numbers masked and downloads as CSV; an employer confirms the arrival of a trip to
// its workplace. One API with the demo seed; the tests run in order on it. Screenshots go to test-results/browser/.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_PLAN_OPTIONS, RIDER_STATUS_ZH, TRIP_STATUS_ZH } from '@daogang/transport';
import * as web from '../../apps/web/src/pages/console/transport/transport.js';
import { workerInput } from '../support/factories.js';
import { apiCaller, startApi, type ApiCall, type RunningApi } from './support/api.js';
import { eventually, expectText, login as loginAt, shot } from './support/console.js';
import { containsElementPlus, gzipSizeOfDist, startWeb, type WebServer } from './support/web.js';
import { launchChromium, newDesktopContext, newPhoneContext, trackPageErrors } from './support/browser.js';

const PASSWORD = 'daogang123';
const JOURNEY_TIMEOUT_MS = 180_000;
/** JS budget for a worker's phone: the login page plus the worker home page, gzip (as in login.browser-spec.ts). */
const WORKER_JS_BUDGET_BYTES = 60 * 1024;
/** What 我的行程 adds to the phone after the home page (JS, gzip). */
const TRIP_PAGE_JS_BUDGET_BYTES = 4 * 1024;
const CONSENT = { method: 'in_person', note: '村委会当面确认' };
/** The demo coordinator (王海燕) as the seed registers her. */
const COORDINATOR_PHONE = '13809300009';

let api: RunningApi | undefined;
let webServer: WebServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  // The worker app runs the PlanTrips jobs (and sends the notifications).
  api = await startApi({ worker: true });
  webServer = await startWeb({ apiUrl: api.url });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await webServer?.close();
  await api?.close();
});

test("the web's labels of the trip and rider codes and the planner's defaults are the API's", () => {
  expect(web.TRIP_STATUS_ZH).toEqual(TRIP_STATUS_ZH);
  expect(web.RIDER_STATUS_ZH).toEqual(RIDER_STATUS_ZH);
  const { seats, maxStops, maxRideHours, maxEarlyDays } = DEFAULT_PLAN_OPTIONS;
  expect(web.DEFAULT_OPTIONS).toEqual({ seats, maxStops, maxRideHours, maxEarlyDays });
});

/** The trip of test (a), confirmed there with its riders; its manifest is read in test (d). */
let confirmedTrip = { id: '', riders: 0 };

test('a coordinator plans a window of placed workers, sees the progress and the summary, opens a trip, moves a rider and confirms it', async () => {
  const start = day(20);
  // Seven workers placed with the Xiamen employer: six start on one day (four board in 城关镇, two in 三合镇), one the
  // day after.
  const names = ['冶春花', '马玉兰', '韩国栋', '何建军', '苏海霞', '马德才'];
  const late = '王振华';
  const order = await xiamenOrder(10, start);
  const ids = await placeWorkers(order, start, names, (i) => (i < 4 ? '城关镇' : '三合镇'));
  await placeWorkers(order, day(21), [late]);
  const coordinator = await apiAs('coordinator');

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'coordinator');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-dispatch').click();
    await page.waitForURL('**/console/dispatch');

    // The date window, typed into the picker: both start dates are in it.
    const range = page.getByTestId('dispatch-window').locator('input');
    await range.nth(0).fill(day(19));
    await range.nth(1).fill(day(22));
    await range.nth(1).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === day(19) && url.searchParams.get('to') === day(22));

    // 待安排: two groups (by start date), seven people; a group opens to its names.
    await expectText(page.getByTestId('unassigned-total'), '7 人');
    const group = page.locator(`[data-testid="unassigned-group"][data-start="${start}"]`);
    await expectText(group.getByTestId('group-count'), '6 人');
    await expectText(group, '厦门集美宏泰电子有限公司');
    await group.getByTestId('group-toggle').click();
    for (const name of names) await expectText(group.getByTestId('group-people'), name);
    await expectText(page.getByTestId('trips-empty'), '还没有车次');
    await shot(page, 'transport-dispatch-unassigned');

    // 生成计划 with five-seat vehicles and no early arrival: the plan is queued and its progress shown, then its summary.
    await page.getByTestId('plan-open').click();
    const dialog = page.getByTestId('plan-dialog');
    await dialog.getByTestId('opt-seats').locator('input').fill('五十');
    await dialog.getByTestId('plan-create').click();
    await expectText(dialog.getByTestId('opt-seats'), '请填写座位数');
    await dialog.getByTestId('opt-seats').locator('input').fill('5');
    await dialog.getByTestId('opt-maxEarlyDays').locator('input').fill('0');
    await dialog.getByTestId('opt-maxEarlyDays').locator('input').blur();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/dispatch/plans') && r.request().method() === 'POST');
    await dialog.getByTestId('plan-create').click();
    const sent = JSON.parse((await created).request().postData() ?? '{}');
    expect(sent).toEqual({ startFrom: day(19), startTo: day(22), options: { seats: [5], maxStops: 4, maxRideHours: 40, maxEarlyDays: 0 } });
    const planId = ((await (await created).json()) as { id: string }).id;
    await page.getByTestId('plan-progress').waitFor();
    await page.waitForURL((url) => url.searchParams.get('plan') === planId);
    await expectText(page.getByTestId('plan-status'), '草案', 20_000);
    const plan = (await coordinator('GET', `/api/dispatch/plans/${planId}`)).body as { status: string; summary: web.PlanSummary };
    expect(plan.status).toBe('draft');
    expect(plan.summary).toMatchObject({ riders: 7, planned: 7, unplanned: [] });
    const summary = page.getByTestId('plan-summary');
    await expectText(summary.getByTestId('summary-vehicles'), `${plan.summary.vehicles} 辆车`);
    await expectText(summary.getByTestId('summary-vehicles'), `理论最少 ${plan.summary.lowerBound} 辆`);
    await expectText(summary.getByTestId('summary-km'), Math.round(plan.summary.km).toLocaleString('zh-CN'));
    await expectText(summary.getByTestId('summary-riders'), '已安排 7 / 7 人');
    await expectText(page.getByTestId('unassigned-total'), '0 人');

    // The trips: as many as the summary says, five seats each, every rider on one.
    const trips = (await coordinator('GET', `/api/trips?planId=${planId}`)).body as web.Trip[];
    expect(trips).toHaveLength(plan.summary.vehicles);
    expect(trips.reduce((n, t) => n + t.riderCount, 0)).toBe(7);
    await eventually(() => page.getByTestId('trip-card').count(), (n) => expect(n).toBe(trips.length));
    // Six riders of one day need two five-seat vehicles: the fuller one gives a rider to the other.
    const sameDay = trips.filter((t) => t.startDate === start).sort((a, b) => b.riderCount - a.riderCount);
    expect(sameDay.map((t) => t.riderCount).reduce((a, b) => a + b, 0)).toBe(6);
    expect(sameDay).toHaveLength(2);
    const [full, other] = sameDay;
    expect(full.seats).toBe(5);
    const fullCard = page.locator(`[data-testid="trip-card"][data-code="${full.code}"]`);
    await expectText(fullCard.getByTestId('trip-seats'), `${full.riderCount}/5 座`);
    await expectText(fullCard.getByTestId('trip-status'), '待确认');
    await expectText(fullCard, full.stops[0].name);
    await shot(page, 'transport-dispatch-plan');

    // Locking the other trip of the day keeps it out of a re-plan.
    await page.locator(`[data-testid="trip-card"][data-code="${other.code}"]`).getByTestId('trip-lock').click();
    await eventually(async () => ((await coordinator('GET', `/api/trips/${other.id}`)).body as web.Trip).locked, (locked) => expect(locked).toBe(true));

    // The full trip's page: stops, riders by seat; 换车 offers the other trip of that day and workplace.
    await fullCard.getByTestId('trip-link').click();
    await page.waitForURL(`**/console/trips/${full.id}`);
    await expectText(page.getByTestId('trip-code'), full.code);
    const riders = page.getByTestId('riders-table');
    await eventually(() => riders.getByTestId('rider-name').count(), (n) => expect(n).toBe(full.riderCount));
    const moved = ((await riders.getByTestId('rider-name').first().textContent()) ?? '').trim();
    expect(names).toContain(moved);
    await riders.locator('.el-table__row').first().getByTestId('rider-move').click();
    const move = page.getByTestId('move-dialog');
    await move.getByTestId('move-target').locator('.el-select__wrapper').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await eventually(() => options.allTextContents(), (texts) => expect(texts.map((t) => t.trim())).toEqual([expect.stringContaining(`${other.code} · 出发`)]));
    await expectText(options.first(), `空 ${5 - other.riderCount} 座`);
    await options.first().click();
    await shot(page, 'transport-trip-move');
    await move.getByTestId('move-confirm').click();
    const left = full.riderCount - 1;
    await eventually(() => riders.getByTestId('rider-name').count(), (n) => expect(n).toBe(left));
    await expectText(page.getByTestId('trip-seats'), `${left}/5`);
    const after = (await coordinator('GET', `/api/trips/${other.id}`)).body as web.Trip;
    expect(after.riders!.map((r) => r.name)).toContain(moved);
    expect(after.riderCount).toBe(other.riderCount + 1);

    // A departure that would arrive after the start date: the API's refusal, as worded.
    await page.getByTestId('open-departure').click();
    const when = page.getByTestId('departure-dialog').getByTestId('departure-input').locator('input');
    await when.fill(`${day(21)} 20:00`);
    await when.press('Enter');
    await page.getByTestId('departure-confirm').click();
    await expectText(page.getByTestId('departure-problem'), `晚于到岗日期${start}`);
    await shot(page, 'transport-trip-arrives-late');
    await page.keyboard.press('Escape');

    // 确认车次: asked first (the riders will be told), then 已确认, and each rider has a message on the way.
    await page.getByTestId('open-confirm').click();
    await expectText(page.getByTestId('confirm-dialog'), `${left} 位乘车人会收到短信和站内消息`);
    await shot(page, 'transport-trip-confirm');
    await page.getByTestId('confirm-go').click();
    await expectText(page.getByTestId('trip-status'), '已确认');
    expect(await page.getByTestId('open-confirm').count()).toBe(0);
    const confirmed = (await coordinator('GET', `/api/trips/${full.id}`)).body as web.Trip;
    expect(confirmed).toMatchObject({ status: 'confirmed', locked: true, riderCount: left });
    const admin = await apiAs('admin');
    await eventually(
      async () => ((await admin('GET', '/api/admin/sms?pageSize=100')).body as { items: Array<{ template: string; body: string }> }).items.filter((m) => m.template === 'trip_confirmed'),
      (sms) => expect(sms).toHaveLength(left),
    );
    await page.getByTestId('check-in-link').waitFor();
    await shot(page, 'transport-trip-confirmed');
    confirmedTrip = { id: full.id, riders: left };

    // A late placement for that day, then 重新规划 (asked first) from the board as it was left: the confirmed and the
    // locked trips stay exactly as they are; the late rider and the rider of the unlocked draft are planned again.
    const [lateId] = await placeWorkers(order, start, ['马文斌']);
    const lockedBefore = (await coordinator('GET', `/api/trips/${other.id}`)).body as web.Trip;
    await page.getByTestId('back-to-dispatch').click();
    await page.waitForURL((url) => url.pathname === '/console/dispatch' && url.searchParams.get('plan') === planId);
    await page.reload();
    await expectText(page.getByTestId('unassigned-total'), '1 人');
    await page.getByTestId('replan').click();
    await expectText(page.getByTestId('replan-dialog'), '已锁定和已确认的车次保持不变');
    await page.getByTestId('replan-confirm').click();
    await expectText(page.getByTestId('plan-status'), '草案', 20_000);
    await expectText(page.getByTestId('summary-riders'), '已安排 2 / 2 人');
    await expectText(page.getByTestId('unassigned-total'), '0 人');
    expect((await coordinator('GET', `/api/trips/${other.id}`)).body).toEqual(lockedBefore);
    expect(((await coordinator('GET', `/api/trips/${full.id}`)).body as web.Trip).riderCount).toBe(left);
    const replanned = await Promise.all(((await coordinator('GET', `/api/trips?planId=${planId}`)).body as web.Trip[]).map(async (t) => (await coordinator('GET', `/api/trips/${t.id}`)).body as web.Trip));
    expect(replanned.flatMap((t) => t.riders!.map((r) => r.applicationId))).toContain(lateId);
    await eventually(() => page.getByTestId('trip-card').count(), (n) => expect(n).toBe(replanned.length));
    await shot(page, 'transport-dispatch-replanned');
    expect(ids).toHaveLength(6);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('on a phone the coordinator checks riders in (one 未到), departs and confirms the arrival; the no-show stays 已录用', async () => {
  const start = day(25);
  const names = ['马晓燕', '冶文清', '何玉珍'];
  const order = await xiamenOrder(5, start);
  const applicationIds = await placeWorkers(order, start, names);
  const coordinator = await apiAs('coordinator');
  const [trip] = await planAndWait(coordinator, start, start);
  expect((await coordinator('POST', `/api/trips/${trip.id}/confirm`)).status).toBe(201);

  const phone = await newPhoneContext(browser!);
  const page = await phone.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'coordinator');
    await page.getByTestId('console-home').waitFor();
    await page.goto(`${webServer!.url}/console/trips/${trip.id}`);
    await page.getByTestId('check-in-link').click();
    await page.waitForURL(`**/console/trips/${trip.id}/check-in`);
    await expectText(page.getByTestId('count-pending'), '3');
    // Made for the phone: nothing sticks out sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const row = (name: string) => page.locator(`[data-testid="rider-row"][data-name="${name}"]`);
    for (const name of names) await expectText(page.getByTestId('stop-group'), name);
    await shot(page, 'transport-checkin-start');

    await row(names[0]).getByTestId('mark-boarded').click();
    await expectText(row(names[0]).getByTestId('rider-status'), '已上车');
    await row(names[1]).getByTestId('mark-boarded').click();
    await expectText(page.getByTestId('count-boarded'), '2');
    await expectText(page.getByTestId('checkin-status'), '上车中');

    // 发车 with one rider not checked in: the API says so.
    await page.getByTestId('depart').click();
    await expectText(page.getByTestId('step-dialog'), '还有 1 人没有登记');
    await page.getByTestId('step-confirm').click();
    await expectText(page.getByTestId('step-problem'), '还有1人未登记上车或未到');
    await page.getByTestId('step-dialog').getByRole('button', { name: '返回' }).click();

    await row(names[2]).getByTestId('mark-no-show').click();
    await expectText(row(names[2]).getByTestId('rider-status'), '未到');
    await expectText(page.getByTestId('count-no-show'), '1');
    await expectText(page.getByTestId('count-pending'), '0');
    await shot(page, 'transport-checkin-done');

    await page.getByTestId('depart').click();
    await expectText(page.getByTestId('step-dialog'), '已上车 2 人，未到 1 人');
    await page.getByTestId('step-confirm').click();
    await expectText(page.getByTestId('checkin-status'), '已发车');
    expect(await page.getByTestId('mark-boarded').count()).toBe(0);

    await page.getByTestId('arrive').click();
    await expectText(page.getByTestId('step-dialog'), '未到的 1 人录用状态不变');
    await page.getByTestId('step-confirm').click();
    await expectText(page.getByTestId('checkin-status'), '已到达');
    await expectText(page.getByTestId('checkin-done'), '已确认到达');
    await expectText(row(names[0]).getByTestId('rider-status'), '已到达');
    await expectText(row(names[2]).getByTestId('rider-status'), '未到');
    await shot(page, 'transport-checkin-arrived');

    // The boarded riders' placements are 已到岗; the no-show's stays 已录用.
    const broker = await apiAs('broker_linxia');
    const status = async (id: string) => ((await broker('GET', `/api/applications/${id}`)).body as { status: string; statusZh: string });
    expect(await status(applicationIds[0])).toMatchObject({ status: 'arrived' });
    expect(await status(applicationIds[1])).toMatchObject({ status: 'arrived' });
    expect(await status(applicationIds[2])).toMatchObject({ status: 'placed', statusZh: '已录用' });
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('the demo worker sees 我的行程 once the trip is confirmed: pickup and time, seat, and the coordinator to call', async () => {
  // Place the seeded offer of the demo worker (马小军, 和政县): he accepts, the Xiamen employer places him.
  const worker = await apiAs('13900000001');
  const employer = await apiAs('employer_xiamen');
  const start = day(28);
  const offers = (await worker('GET', '/api/applications?status=offered')).body as { items: Array<{ id: string }> };
  expect(offers.items.length).toBeGreaterThanOrEqual(1);
  expect((await worker('POST', `/api/applications/${offers.items[0].id}/transitions`, { action: 'accept' })).status).toBe(201);
  expect((await employer('POST', `/api/applications/${offers.items[0].id}/transitions`, { action: 'place', startDate: start })).status).toBe(201);
  const coordinator = await apiAs('coordinator');
  const [trip] = await planAndWait(coordinator, start, start);

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

    // From the home page's 我的行程 tab. The trip is still a draft: nothing to show yet, and the page says when.
    await page.getByTestId('worker-tabbar-trips').click();
    await page.getByTestId('trip-link').click();
    await page.waitForURL('**/m/trip');
    await expectText(page.getByTestId('trip-empty'), '车次确认后');
    await shot(page, 'transport-worker-trip-empty');

    // The coordinator confirms (and assigns a bus): the page shows where and when to board, the seat, whom to call.
    const bus = ((await coordinator('GET', '/api/vehicles?active=true')).body as { items: web.Vehicle[] }).items.find((v) => v.plateOrTrainNo === '甘N·C0833')!;
    expect((await coordinator('POST', `/api/trips/${trip.id}/vehicle`, { vehicleId: bus.id })).status).toBe(201);
    expect((await coordinator('POST', `/api/trips/${trip.id}/confirm`)).status).toBe(201);
    const [mine] = (await worker('GET', '/api/me/trips')).body as Array<{ pickup: string; seat: number; destinationName: string }>;
    await page.reload();
    const card = page.getByTestId('trip-card');
    await card.waitFor();
    await expectText(card.getByTestId('trip-status'), '已确认');
    await expectText(card.getByTestId('trip-pickup'), mine.pickup);
    await expectText(card.getByTestId('trip-pickup-at'), '月');
    await expectText(card.getByTestId('trip-seat'), String(mine.seat));
    await expectText(card.getByTestId('trip-vehicle'), '甘N·C0833');
    await expectText(card.getByTestId('trip-destination'), mine.destinationName);
    await expectText(card, '王海燕');
    expect(await card.getByTestId('trip-call').getAttribute('href')).toBe(`tel:${COORDINATOR_PHONE}`);
    await shot(page, 'transport-worker-trip');

    // 我的报名 links a placed application to 我的行程 too.
    await page.goto(`${webServer!.url}/m/applications`);
    await page.getByTestId('application-trip').first().click();
    await page.waitForURL('**/m/trip');

    // The page is small and carries no Element Plus.
    expect(assets.filter((a) => containsElementPlus(a))).toEqual([]);
    const tripAssets = assets.filter((a) => a.endsWith('.js') && !homeAssets.has(a) && !/\/(MyApplicationsPage|ApplicationCard|DecideSheet|Sheet)-/.test(a));
    expect(tripAssets.some((a) => /\/TripPage-/.test(a))).toBe(true);
    expect(gzipSizeOfDist(tripAssets.filter((a) => /\/(TripPage|TopBar)-/.test(a)))).toBeLessThanOrEqual(TRIP_PAGE_JS_BUDGET_BYTES);
    expect(errors).toEqual([]);
  } finally {
    await phone.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('the manifest prints without the console around it, shows ID numbers masked, and downloads as CSV', async () => {
  expect(confirmedTrip.id).not.toBe('');
  const confirmedTripId = confirmedTrip.id;
  const coordinator = await apiAs('coordinator');
  const expected = (await coordinator('GET', `/api/trips/${confirmedTripId}/manifest`)).body as web.Manifest;
  expect(expected.riders).toHaveLength(confirmedTrip.riders);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'coordinator');
    await page.getByTestId('console-home').waitFor();
    await page.goto(`${webServer!.url}/console/trips/${confirmedTripId}`);
    await page.getByTestId('manifest-link').click();
    await page.waitForURL(`**/console/trips/${confirmedTripId}/manifest`);
    await expectText(page.getByTestId('manifest-title'), expected.code);
    const rows = page.getByTestId('manifest-row');
    await eventually(() => rows.count(), (n) => expect(n).toBe(confirmedTrip.riders));

    // Seat order; every ID number masked as the API masks it, none in full anywhere on the page.
    expect((await page.getByTestId('manifest-name').allTextContents()).map((t) => t.trim())).toEqual(expected.riders.map((r) => r.name));
    const shown = (await page.getByTestId('manifest-id').allTextContents()).map((t) => t.trim());
    expect(shown).toEqual(expected.riders.map((r) => r.idNumber));
    for (const id of shown) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$|^\d{3,6}\*+[\dX]{2,4}$/);
    expect(await page.getByTestId('manifest-table').textContent()).not.toMatch(/\d{17}[\dX]/);
    // Coordinators phone riders: mobiles in full, and the page says the read was audited.
    expect((await page.getByTestId('manifest-mobile').first().textContent())?.trim()).toMatch(/^1\d{10}$/);
    await expectText(page.getByTestId('manifest-page'), '访问审计');

    // Printed: the roster only (no header, no menu, no buttons).
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('console-menu').isVisible()).toBe(false);
    expect(await page.getByTestId('display-name').isVisible()).toBe(false);
    expect(await page.getByTestId('manifest-csv').isVisible()).toBe(false);
    expect(await page.getByTestId('manifest-table').isVisible()).toBe(true);
    await shot(page, 'transport-manifest-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('console-menu').isVisible()).toBe(true);

    // 下载CSV: UTF-8 with a BOM, the header, a row per rider in seat order with the ID masked.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('manifest-csv').click()]);
    expect(download.suggestedFilename()).toBe(`乘车名单-${expected.code}.csv`);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF座位号,姓名,身份证号（脱敏）,手机号,上车点')).toBe(true);
    const lines = csv.trim().split(/\r\n/).slice(1);
    expect(lines).toHaveLength(confirmedTrip.riders);
    expected.riders.forEach((r, i) => expect(lines[i].startsWith(`${r.seat},${r.name},${r.idNumber},`)).toBe(true));
    expect(csv).not.toMatch(/\d{17}[\dX]/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, JOURNEY_TIMEOUT_MS);

test('an employer sees 到厂车次, reads a roster with mobiles masked, and confirms the arrival of a trip on the road', async () => {
  const start = day(31);
  const names = ['沙建平', '马春梅'];
  const order = await xiamenOrder(4, start);
  const applicationIds = await placeWorkers(order, start, names);
  const coordinator = await apiAs('coordinator');
  const [trip] = await planAndWait(coordinator, start, start);
  expect((await coordinator('POST', `/api/trips/${trip.id}/confirm`)).status).toBe(201);
  for (const r of ((await coordinator('GET', `/api/trips/${trip.id}`)).body as web.Trip).riders!) {
    expect((await coordinator('POST', `/api/trips/${trip.id}/check-in`, { riderId: r.id, status: 'boarded' })).status).toBe(201);
  }
  expect((await coordinator('POST', `/api/trips/${trip.id}/depart`)).status).toBe(201);

  const context = await newDesktopContext(browser!);
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  try {
    await login(page, 'employer_xiamen');
    await page.getByTestId('console-home').waitFor();
    await page.getByTestId('menu-arrivals').click();
    await page.waitForURL('**/console/arrivals');
    const table = page.getByTestId('arrivals-table');
    const row = table.locator('.el-table__row', { hasText: trip.code });
    await expectText(row.getByTestId('arrival-status'), '已发车');
    await expectText(page.getByTestId('arrivals-on-road'), '1 个车次在路上');
    // The confirmed trip of the first test is listed too, and the draft trips are not.
    await expectText(table, '已确认');
    expect(await table.textContent()).not.toContain('待确认');
    await shot(page, 'transport-employer-arrivals');

    // The roster: the employer sees mobiles masked.
    await row.getByTestId('arrival-manifest').click();
    await page.waitForURL(`**/console/trips/${trip.id}/manifest`);
    await eventually(() => page.getByTestId('manifest-row').count(), (n) => expect(n).toBe(2));
    for (const m of await page.getByTestId('manifest-mobile').allTextContents()) expect(m.trim()).toMatch(/^1\d{2}\*{4}\d{4}$/);
    await page.goBack();

    // 确认到达, asked first.
    await table.locator('.el-table__row', { hasText: trip.code }).getByTestId('arrival-confirm').click();
    await expectText(page.getByTestId('arrive-dialog'), '已上车的人员将记为“已到岗”');
    await page.getByTestId('arrive-confirm').click();
    await expectText(table.locator('.el-table__row', { hasText: trip.code }).getByTestId('arrival-status'), '已到达');
    expect(await table.locator('.el-table__row', { hasText: trip.code }).getByTestId('arrival-confirm').count()).toBe(0);
    const broker = await apiAs('broker_linxia');
    for (const id of applicationIds) expect(((await broker('GET', `/api/applications/${id}`)).body as { status: string }).status).toBe('arrived');

    // Not a coordinator's page.
    await page.goto(`${webServer!.url}/console/dispatch`);
    await page.waitForURL(/\/console$/);
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

let orders = 0;

/** A published order of the Xiamen employer (verified in the seed) starting on `start`. */
async function xiamenOrder(headcount: number, start: string): Promise<string> {
  const employer = await apiAs('employer_xiamen');
  const job = (await employer('POST', '/api/job-orders', {
    title: `电子厂装配工 第${++orders}批`, category: '电子厂', headcount, wageMin: 5500, wageMax: 7000, startDate: start, ageMin: 16, ageMax: 60,
  })).body as { id: string; version: number };
  expect((await employer('POST', `/api/job-orders/${job.id}/transitions`, { action: 'publish', version: job.version })).status).toBe(201);
  return job.id;
}

/**
 * Workers of 和政县 registered by the admin, applied for by the broker (with consent), offered, accepted (with
 * consent) and placed by the employer with `start`: what makes a rider. Returns the application ids, in order.
 */
async function placeWorkers(orderId: string, start: string, names: string[], township: (i: number) => string = () => '城关镇'): Promise<string[]> {
  const [admin, broker, employer] = await Promise.all([apiAs('admin'), apiAs('broker_linxia'), apiAs('employer_xiamen')]);
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const w = await admin('POST', '/api/workers', workerInput('622925', { name, township: township(i) }));
    expect(w.status).toBe(201);
    const a = await broker('POST', '/api/applications', { jobOrderId: orderId, workerId: (w.body as { id: string }).id, consent: CONSENT });
    expect(a.status).toBe(201);
    const id = (a.body as { id: string }).id;
    expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'offer' })).status).toBe(201);
    expect((await broker('POST', `/api/applications/${id}/transitions`, { action: 'accept', consent: CONSENT })).status).toBe(201);
    expect((await employer('POST', `/api/applications/${id}/transitions`, { action: 'place', startDate: start })).status).toBe(201);
    ids.push(id);
  }
  return ids;
}

/** A plan of the window through the API, run by the worker app's job; resolves with its trips once it is a draft. */
async function planAndWait(coordinator: Call, startFrom: string, startTo: string): Promise<web.Trip[]> {
  const options = { ...web.DEFAULT_OPTIONS };
  const created = await coordinator('POST', '/api/dispatch/plans', { startFrom, startTo, options });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;
  let plan = created.body as web.DispatchPlan;
  await eventually(
    async () => (plan = (await coordinator('GET', `/api/dispatch/plans/${id}`)).body as web.DispatchPlan).status,
    (status) => expect(status).toBe('draft'),
    20_000,
  );
  expect(plan.summary?.unplanned).toEqual([]);
  const trips = (await coordinator('GET', `/api/trips?planId=${id}`)).body as web.Trip[];
  expect(trips.length).toBeGreaterThanOrEqual(1);
  return trips;
}

/** YYYY-MM-DD, `n` days from today (Beijing). */
function day(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
