import { ModulesContainer } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_RULE } from '@daogang/platform';
import { startTestApi, TestApi } from '../support/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
});
afterAll(async () => {
  await api?.close();
});

describe('access rules', () => {
  it('every route of every controller declares @Public, @Roles or @Authenticated', () => {
    const missing: string[] = [];
    let routes = 0;
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
        if (!type) continue;
        const onClass = Reflect.getMetadata(ACCESS_RULE, type);
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = type.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          routes++;
          if (!Reflect.getMetadata(ACCESS_RULE, handler) && !onClass) missing.push(`${type.name}.${name}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});
