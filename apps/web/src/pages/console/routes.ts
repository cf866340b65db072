// The console's pages (children of /console), loaded only once a staff member opens the console: the router adds
// them then (router.ts). Keeping them out of the entry chunk keeps their lazy imports and preload lists (the names of
// every Element Plus chunk each page needs) off the workers' phones.
import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../../api';

/** A console page: the menu item (key) it belongs to decides who may open it (the user's menu must have it). */
const page = (path: string, name: string, menu: string, title: string, component: () => Promise<unknown>): RouteRecordRaw => ({
  path,
  name,
  component,
  meta: { area: 'console', menu, title },
});

/** A page several roles open, each from its own menu item (a job order's pipeline and candidates: 招聘订单 for
 * employers, 岗位匹配 for brokers; a trip's 乘车名单: 输转调度 for coordinators and admins, 到厂车次 for employers); the
 * router's guard turns away a role without one. */
const shared = (path: string, name: string, menus: Partial<Record<Role, string>>, title: string, component: () => Promise<unknown>): RouteRecordRaw => ({
  path,
  name,
  component,
  meta: { area: 'console', menus, title },
});

/** Pages of the 我的劳动力 menu item (the labour registry), all under /console/labour. */
const labour = (path: string, name: string, title: string, component: () => Promise<unknown>) =>
  page(path ? `labour/${path}` : 'labour', name, 'labour', title, component);

export const consoleRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'console-home',
    component: () => import('./ConsoleHome.vue'),
    meta: { area: 'console', title: '工作台' },
  },
  labour('', 'labour', '五名单', () => import('./labour/WorkerListPage.vue')),
  labour('new', 'labour-new', '登记劳动力', () => import('./labour/WorkerFormPage.vue')),
  labour('import', 'labour-import', '批量导入', () => import('./labour/ImportPage.vue')),
  labour('completeness', 'labour-completeness', '信息完整率', () => import('./labour/CompletenessPage.vue')),
  labour(':id', 'labour-detail', '劳动力档案', () => import('./labour/WorkerDetailPage.vue')),
  labour(':id/edit', 'labour-edit', '编辑档案', () => import('./labour/WorkerFormPage.vue')),
  page('talent', 'talent', 'talent', '劳动力搜索', () => import('./labour/WorkerSearchPage.vue')),
  page('company', 'company', 'company', '企业信息', () => import('./employer/CompanyPage.vue')),
  page('orders', 'orders', 'orders', '招聘订单', () => import('./employer/OrderListPage.vue')),
  page('orders/new', 'order-new', 'orders', '新建招聘订单', () => import('./employer/OrderFormPage.vue')),
  page('orders/:id', 'order', 'orders', '招聘订单', () => import('./employer/OrderFormPage.vue')),
  page('employers', 'employers', 'employers', '企业审核', () => import('./EmployerReviewPage.vue')),
  page('matching', 'matching', 'matching', '岗位匹配', () => import('./matching/MatchingOrdersPage.vue')),
  shared('job-orders/:id/candidates', 'candidates', { employer: 'orders', broker: 'matching' }, '候选人推荐', () => import('./matching/CandidatesPage.vue')),
  shared('job-orders/:id/pipeline', 'pipeline', { employer: 'orders', broker: 'matching' }, '报名看板', () => import('./matching/PipelinePage.vue')),
  page('admin/sms', 'admin-sms', 'admin/sms', '短信记录', () => import('./admin/SmsPage.vue')),
  // 输转调度 (coordinators and admins) and 到厂车次 (employers): issue 7, transport.
  page('dispatch', 'dispatch', 'dispatch', '输转调度', () => import('./transport/DispatchPage.vue')),
  page('trips/:id', 'trip', 'dispatch', '车次', () => import('./transport/TripDetailPage.vue')),
  page('trips/:id/check-in', 'trip-check-in', 'dispatch', '上车登记', () => import('./transport/CheckInPage.vue')),
  shared('trips/:id/manifest', 'trip-manifest', { coordinator: 'dispatch', admin: 'dispatch', employer: 'arrivals' }, '乘车名单', () => import('./transport/ManifestPage.vue')),
  page('arrivals', 'arrivals', 'arrivals', '到厂车次', () => import('./transport/ArrivalsPage.vue')),
  // 就业回访 and 帮扶工单 (brokers; officers read only; admins) and officers' 留存率: issue 8, follow-up after placement.
  page('follow-ups', 'follow-ups', 'follow-ups', '就业回访', () => import('./followup/FollowUpsPage.vue')),
  page('placements/:applicationId/visit', 'placement-visit', 'follow-ups', '记录回访', () => import('./followup/VisitPage.vue')),
  page('cases', 'cases', 'cases', '帮扶工单', () => import('./followup/CasesPage.vue')),
  page('cases/:id', 'case', 'cases', '帮扶工单', () => import('./followup/CasePage.vue')),
  page('retention', 'retention', 'retention', '留存率', () => import('./followup/RetentionPage.vue')),
  // 数据看板 (officers and admins): 日调度, 劳动就业去向, 目标任务 — issue 9, reports.
  page('dashboard', 'dashboard', 'dashboard', '日调度', () => import('./reports/DashboardPage.vue')),
  page('dashboard/destinations', 'report-destinations', 'dashboard', '劳动就业去向', () => import('./reports/DestinationsPage.vue')),
  page('dashboard/targets', 'report-targets', 'dashboard', '目标任务', () => import('./reports/TargetsPage.vue')),
  // Every staff member's own messages (the 消息 link in the header): no menu item, so no role is turned away.
  { path: 'inbox', name: 'console-inbox', component: () => import('./InboxPage.vue'), meta: { area: 'console', title: '消息' } },
  {
    path: ':section',
    name: 'console-section',
    component: () => import('./ConsoleSection.vue'),
    meta: { area: 'console' },
  },
];
