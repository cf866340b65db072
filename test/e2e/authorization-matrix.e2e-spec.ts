import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule, ALL_ROLES, Role, ROLE_REFUSED } from '@daogang/platform';
import request from 'supertest';
import { startTestApi, type TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

/**
 * The authorisation matrix, built from the route table: every route of every controller, with the roles its rule
 * admits. It is pinned in access-matrix.json, so a new route, or a rule that changes, fails here until the file is
 * regenerated (UPDATE_ACCESS_MATRIX=1) and the change reviewed in the diff. Then every route is called by anonymous
 * and by a user of every role: anonymous is refused with 401 unless the route is public, a role outside the rule with
 * the guard's 403, and a role inside it is let through (whatever the handler answers then — 200, 400, 404 — it is not
 * the guard's refusal).
 */
const MATRIX_FILE = fileURLToPath(new URL('./access-matrix.json', import.meta.url));
const LOGINS: Record<Role, string> = {
  [Role.Worker]: '13900000001', [Role.Employer]: 'employer_xiamen', [Role.Broker]: 'broker_linxia',
  [Role.Coordinator]: 'coordinator', [Role.Officer]: 'officer_linxia', [Role.Admin]: 'admin',
};

let api: TestApi;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ALL_ROLES) tokens.set(role, await bearer(api.url, LOGINS[role]));
}, 60000);
afterAll(async () => {
  await api?.close();
});

interface Route {
  method: string;
  path: string;
  /** 'public', or the roles admitted. */
  rule: 'public' | Role[];
}

function routeTable(): Route[] {
  const routes: Route[] = [];
  const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, type) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, type)) as AccessRule | undefined;
        for (const b of base) {
          for (const p of [paths].flat()) {
            routes.push({ method, path: join('api', b, p), rule: !rule ? [] : rule.public ? 'public' : [...rule.roles].sort() });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

const key = (r: Route) => `${r.method} ${r.path}`;
const describeRule = (r: Route) => (r.rule === 'public' ? 'public' : r.rule.join(' '));

describe('the authorisation matrix', () => {
  it('every route and its rule are pinned in access-matrix.json (a new route or a changed rule is reviewed there)', () => {
    const matrix = Object.fromEntries(routeTable().map((r) => [key(r), describeRule(r)]));
    if (process.env.UPDATE_ACCESS_MATRIX === '1') writeFileSync(MATRIX_FILE, JSON.stringify(matrix, null, 2) + '\n');
    const pinned = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as Record<string, string>;
    expect(matrix).toEqual(pinned);
    expect(Object.values(matrix).filter((rule) => rule === '')).toEqual([]); // no route without a rule
  });

  it('every route refuses anonymous callers and roles outside its rule, and lets the roles inside it through', async () => {
    const problems: string[] = [];
    const routes = routeTable();
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      // Path parameters get well-formed values that name nothing: a handler that runs answers 404 or 400, never 500.
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => (/id$/i.test(name) ? randomUUID() : 'x'));
      const call = (token?: string) => {
        const r = request(api.url)[route.method.toLowerCase() as 'get'](path);
        return token ? r.set('Authorization', token) : r;
      };
      const anonymous = await call();
      if (route.rule !== 'public' && anonymous.status !== 401) problems.push(`${key(route)} anonymous → ${anonymous.status}`);
      for (const role of ALL_ROLES) {
        const res = await call(`${tokens.get(role)}`);
        const refused = res.status === 403 && res.body?.message === ROLE_REFUSED;
        const admitted = route.rule === 'public' || route.rule.includes(role);
        if (admitted === refused) problems.push(`${key(route)} ${role} → ${res.status} ${res.body?.message ?? ''}`);
        if (res.status >= 500) problems.push(`${key(route)} ${role} → ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120000);
});
