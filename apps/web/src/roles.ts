import type { Role } from './api';

export const ROLE_NAMES: Record<Role, string> = {
  worker: '务工人员',
  employer: '用工企业',
  broker: '劳务经纪人',
  coordinator: '输转协调员',
  officer: '人社干部',
  admin: '系统管理员',
};

export function roleName(role: string | undefined): string {
  return (role && ROLE_NAMES[role as Role]) || '未知角色';
}

export const STAFF_ROLES: readonly Role[] = ['employer', 'broker', 'coordinator', 'officer', 'admin'];

export function isStaff(role: string | undefined): boolean {
  return !!role && (STAFF_ROLES as readonly string[]).includes(role);
}

export interface ConsoleMenuItem {
  /** path under /console (e.g. `labour`, `admin/sms`), also used in data-testid="menu-<key>" */
  key: string;
  title: string;
  /** a plain link outside the SPA (e.g. the API's queue dashboard) instead of a console route */
  href?: string;
  /** POST here (with the bearer token) before opening href: the API sets a cookie scoped to that page */
  sessionPath?: string;
}

const TALENT: ConsoleMenuItem = { key: 'talent', title: '劳动力搜索' };
const REVIEW: ConsoleMenuItem = { key: 'employers', title: '企业审核' };
const DISPATCH: ConsoleMenuItem = { key: 'dispatch', title: '输转调度' };
const FOLLOW_UPS: ConsoleMenuItem = { key: 'follow-ups', title: '就业回访' };
const CASES: ConsoleMenuItem = { key: 'cases', title: '帮扶工单' };
const DASHBOARD: ConsoleMenuItem = { key: 'dashboard', title: '数据看板' };

/**
 * Side menu per staff role. Order is the order shown. (This module is in the entry chunk that every worker's phone
 * downloads: the one-line hint of each item is in pages/console/menu-hints.ts, which only the console loads.)
 */
export const CONSOLE_MENUS: Record<Exclude<Role, 'worker'>, ConsoleMenuItem[]> = {
  employer: [
    { key: 'company', title: '企业信息' },
    { key: 'orders', title: '招聘订单' },
    { key: 'arrivals', title: '到厂车次' },
  ],
  broker: [
    { key: 'labour', title: '我的劳动力' },
    TALENT,
    { key: 'matching', title: '岗位匹配' },
    FOLLOW_UPS,
    CASES,
  ],
  coordinator: [DISPATCH],
  officer: [
    { key: 'labour', title: '我的劳动力' },
    TALENT,
    REVIEW,
    FOLLOW_UPS,
    CASES,
    { key: 'retention', title: '留存率' },
    DASHBOARD,
  ],
  admin: [
    { key: 'users', title: '用户管理' },
    REVIEW,
    DISPATCH,
    FOLLOW_UPS,
    CASES,
    DASHBOARD,
    { key: 'admin/sms', title: '短信记录' },
    { key: 'queues', title: '队列监控', href: '/api/admin/queues', sessionPath: '/api/admin/queue-session' },
  ],
};

export function menuFor(role: string | undefined): ConsoleMenuItem[] {
  if (!role || role === 'worker') return [];
  return CONSOLE_MENUS[role as Exclude<Role, 'worker'>] ?? [];
}

/** Where a user lands after login. */
export function homePathFor(role: string | undefined): string {
  if (role === 'worker') return '/m/home';
  if (isStaff(role)) return '/console';
  return '/login';
}
