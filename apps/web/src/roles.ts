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
  /** one line shown on the console home card and the section placeholder */
  hint: string;
  /** a plain link outside the SPA (e.g. the API's queue dashboard) instead of a console route */
  href?: string;
  /** POST here (with the bearer token) before opening href: the API sets a cookie scoped to that page */
  sessionPath?: string;
}

const LABOUR_HINT = '一库五名单：劳动力登记、批量导入、零就业户与信息完整率';
const TALENT: ConsoleMenuItem = { key: 'talent', title: '劳动力搜索', hint: '按技能、意向工种、可到岗日期搜索负责县的劳动力' };
const REVIEW: ConsoleMenuItem = { key: 'employers', title: '企业审核', hint: '审核新注册的用工企业：通过后才能发布招聘' };

/** Side menu per staff role. Order is the order shown. */
export const CONSOLE_MENUS: Record<Exclude<Role, 'worker'>, ConsoleMenuItem[]> = {
  employer: [
    { key: 'company', title: '企业信息', hint: '企业名称、地址、联系人和营业执照' },
    { key: 'orders', title: '招聘订单', hint: '发布用工需求，查看报名和到岗情况' },
  ],
  broker: [
    { key: 'labour', title: '我的劳动力', hint: LABOUR_HINT },
    TALENT,
    { key: 'matching', title: '岗位匹配', hint: '把劳动力与招聘订单对接，发送岗位邀请' },
    { key: 'followups', title: '就业回访', hint: '上岗后的回访计划与跟踪服务台账' },
  ],
  coordinator: [{ key: 'transport', title: '输转调度', hint: '包车、专列、集合点与乘车名单' }],
  officer: [
    { key: 'labour', title: '我的劳动力', hint: LABOUR_HINT },
    TALENT,
    REVIEW,
    { key: 'dashboard', title: '数据看板', hint: '就业去向、零就业户、回访逾期情况' },
  ],
  admin: [
    { key: 'users', title: '用户管理', hint: '账号、角色与负责区域' },
    REVIEW,
    { key: 'admin/sms', title: '短信记录', hint: '短信内容与发送状态' },
    { key: 'queues', title: '队列监控', hint: '后台任务队列（在新窗口打开）', href: '/api/admin/queues', sessionPath: '/api/admin/queue-session' },
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
