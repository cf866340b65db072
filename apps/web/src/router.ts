import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { setAuthLostHandler, type Role } from './api';
import { clearSession, ensureUser, hasTokens, session } from './session';
import { homePathFor, isStaff, menuFor } from './roles';

declare module 'vue-router' {
  interface RouteMeta {
    /** no login needed */
    public?: boolean;
    /** 'worker' pages use Vant (phone); 'console' pages use Element Plus (staff) */
    area?: 'worker' | 'console';
    title?: string;
    /** console pages: the menu item (key) they belong to; the user's menu must have it */
    menu?: string;
    /** console pages shared by several roles: the menu item of each role that may open them (instead of `menu`) */
    menus?: Partial<Record<Role, string>>;
  }
}

// Every page is a lazy chunk: a worker's phone never downloads the console (Element Plus) code.
export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/', name: 'root', redirect: () => homePathFor(session.user?.role) },
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { public: true, title: '登录' },
    },
    {
      path: '/register',
      name: 'register',
      component: () => import('./pages/RegisterPage.vue'),
      meta: { public: true, title: '注册' },
    },
    {
      path: '/employer/register',
      name: 'employer-register',
      component: () => import('./pages/EmployerRegisterPage.vue'),
      meta: { public: true, title: '企业注册' },
    },
    {
      path: '/m/home',
      name: 'worker-home',
      component: () => import('./pages/worker/WorkerHome.vue'),
      meta: { area: 'worker', title: '首页' },
    },
    {
      path: '/m/profile',
      name: 'worker-profile',
      component: () => import('./pages/worker/ProfilePage.vue'),
      meta: { area: 'worker', title: '我的档案' },
    },
    {
      path: '/m/jobs',
      name: 'worker-jobs',
      component: () => import('./pages/worker/JobSearchPage.vue'),
      meta: { area: 'worker', title: '找工作' },
    },
    {
      path: '/m/jobs/:id',
      name: 'worker-job',
      component: () => import('./pages/worker/JobDetailPage.vue'),
      meta: { area: 'worker', title: '岗位详情' },
    },
    {
      path: '/m/applications',
      name: 'worker-applications',
      component: () => import('./pages/worker/MyApplicationsPage.vue'),
      meta: { area: 'worker', title: '我的报名' },
    },
    {
      path: '/m/matches',
      name: 'worker-matches',
      component: () => import('./pages/worker/MatchesPage.vue'),
      meta: { area: 'worker', title: '为我推荐' },
    },
    {
      path: '/m/trip',
      name: 'worker-trip',
      component: () => import('./pages/worker/TripPage.vue'),
      meta: { area: 'worker', title: '我的行程' },
    },
    {
      path: '/m/check-in',
      component: () => import('./pages/worker/CheckInSafePage.vue'),
      meta: { area: 'worker', title: '报平安' },
    },
    {
      path: '/m/inbox',
      name: 'worker-inbox',
      component: () => import('./pages/worker/InboxPage.vue'),
      meta: { area: 'worker', title: '消息' },
    },
    { path: '/m', redirect: '/m/home' },
    {
      path: '/console',
      name: 'console',
      component: () => import('./pages/console/ConsoleLayout.vue'),
      meta: { area: 'console' },
      // Until the console's own routes are added (see loadConsoleRoutes), every /console address lands here.
      children: [{ path: ':rest(.*)*', name: 'console-pending', component: { render: () => null }, meta: { area: 'console' } }],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/**
 * The console's pages (pages/console/routes.ts) are added when a staff member first opens the console, so their
 * lazy imports and preload lists stay out of the entry chunk that every worker's phone downloads.
 */
let consoleRoutesAdded = false;
async function loadConsoleRoutes(): Promise<void> {
  const { consoleRoutes } = await import('./pages/console/routes');
  if (consoleRoutesAdded) return;
  for (const route of consoleRoutes) router.addRoute('console', route);
  consoleRoutesAdded = true;
}

function loginRedirect(to: RouteLocationNormalized) {
  const redirect = to.fullPath !== '/' && !to.fullPath.startsWith('/login') ? to.fullPath : undefined;
  return { name: 'login', query: redirect ? { redirect } : {} };
}

// Tokens refused by the API (and the refresh too): back to the login page. While a navigation is being guarded,
// the guard itself redirects (it then sees no user), so only calls made from a page on screen navigate there.
// (This guard is registered first so the flag is set before the auth guard runs.)
let navigating = false;
router.beforeEach(() => {
  navigating = true;
});
router.afterEach(() => {
  navigating = false;
});

router.beforeEach(async (to) => {
  if (to.meta.public) {
    // Already logged in: the login and register pages send you home instead.
    if ((to.name === 'login' || to.name === 'register') && hasTokens() && session.user) return homePathFor(session.user.role);
    return true;
  }
  let user;
  try {
    user = await ensureUser();
  } catch {
    user = null;
  }
  if (!user) return loginRedirect(to);

  if (to.meta.area === 'worker' && user.role !== 'worker') return homePathFor(user.role);
  if (to.meta.area === 'console') {
    if (!isStaff(user.role)) return homePathFor(user.role);
    // First visit to the console: add its pages, then resolve the same address again against them.
    if (!consoleRoutesAdded) {
      await loadConsoleRoutes();
      return to.fullPath;
    }
    if (to.name === 'console-pending') return '/console'; // no such console page
    // Pages shared by several roles name each role's menu item in `menus`; a role without one may not open them.
    const key = to.meta.menus ? to.meta.menus[user.role] ?? '-' : to.meta.menu ?? (to.name === 'console-section' ? to.params.section : undefined);
    if (key) {
      const item = menuFor(user.role).find((m) => m.key === key);
      if (!item || item.href) return '/console';
    }
  }
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title;
  document.title = title ? `${title} · 到岗` : '到岗 · 东西部劳务协作';
});

// A lazy chunk that fails to load (new deploy, flaky network): reload the page once at the target.
router.onError((err, to) => {
  navigating = false;
  const msg = String((err as Error)?.message ?? err);
  if (/Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(msg)) {
    const key = 'daogang.chunkReload';
    if (sessionStorage.getItem(key) !== to.fullPath) {
      sessionStorage.setItem(key, to.fullPath);
      location.assign(to.fullPath);
    }
  }
});

setAuthLostHandler(() => {
  clearSession();
  const current = router.currentRoute.value;
  if (navigating || !current.matched.length || current.name === 'login') return;
  void router.replace(loginRedirect(current));
});
