// The console's pages (children of /console), loaded only once a staff member opens the console: the router adds
// them then (router.ts). Keeping them out of the entry chunk keeps their lazy imports and preload lists (the names of
// every Element Plus chunk each page needs) off the workers' phones.
import type { RouteRecordRaw } from 'vue-router';

/** A console page: the menu item (key) it belongs to decides who may open it (the user's menu must have it). */
const page = (path: string, name: string, menu: string, title: string, component: () => Promise<unknown>): RouteRecordRaw => ({
  path,
  name,
  component,
  meta: { area: 'console', menu, title },
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
  {
    path: ':section',
    name: 'console-section',
    component: () => import('./ConsoleSection.vue'),
    meta: { area: 'console' },
  },
];
