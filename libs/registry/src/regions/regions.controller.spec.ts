import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createValidationPipe, ErrorFilter } from '@daogang/platform';
import request from 'supertest';
import { RegionsModule } from './regions.module.js';

describe('GET /api/regions', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [RegionsModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ErrorFilter());
    await app.init();
  });
  afterAll(() => app.close());

  const get = (path: string) => request(app.getHttpServer()).get(path);

  it('lists the provinces by default', async () => {
    const res = await get('/api/regions').expect(200);
    expect(res.body.total).toBe(31);
    expect(res.body.items[0]).toMatchObject({ code: '110000', name: '北京市', level: 'province' });
  });

  it('lists the children of a parent, and every county under it with level', async () => {
    const children = await get('/api/regions?parent=622900').expect(200);
    expect(children.body.items.map((r: { name: string }) => r.name)).toContain('和政县');
    const counties = await get('/api/regions?parent=620000&level=county&limit=100').expect(200);
    expect(counties.body.total).toBeGreaterThan(80);
    expect(counties.body.items.every((r: { level: string }) => r.level === 'county')).toBe(true);
  });

  it('searches by pinyin and Chinese', async () => {
    const res = await get('/api/regions?q=hezheng').expect(200);
    expect(res.body.items[0]).toMatchObject({ code: '622925', name: '和政县', centre: [103.351, 35.4246], countyLevel: true });
    const zh = await get(`/api/regions?q=${encodeURIComponent('临夏')}&level=city`).expect(200);
    expect(zh.body.items.map((r: { code: string }) => r.code)).toEqual(['622900']);
  });

  it('refuses bad query values with Chinese messages', async () => {
    const res = await get('/api/regions?parent=62&level=town&limit=500').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(byField).toEqual({
      parent: '上级地区编码应为6位数字',
      level: '级别只能是 province（省）、city（市）或 county（县）',
      limit: '条数最多为100',
    });
  });

  it('404s an unknown parent', async () => {
    const res = await get('/api/regions?parent=999999').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: '地区不存在：999999' });
  });

  it('returns one county with its chain, centre and pairings', async () => {
    const res = await get('/api/regions/622925').expect(200);
    expect(res.body).toMatchObject({ code: '622925', name: '和政县', shortName: '和政', parentCode: '622900', childCount: 0 });
    expect(res.body.ancestors.map((r: { name: string }) => r.name)).toEqual(['甘肃省', '临夏回族自治州']);
    expect(res.body.centre[0]).toBeCloseTo(103.35, 1);
    expect(res.body.pairings.map((p: { partner: { name: string } }) => p.partner.name)).toEqual(['集美区', '厦门市']);
    expect(res.body.pairings[1]).toMatchObject({ side: 'west', pairingId: 'xiamen-linxia', confidence: 'high' });
  });

  it('400s a code that is not six digits, 404s an unknown one', async () => {
    const bad = await get('/api/regions/62292x').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'code', message: '地区编码应为6位数字' }]);
    const unknown = await get('/api/regions/999999').expect(404);
    expect(unknown.body.message).toBe('地区不存在：999999');
  });

  it('lists the pairings with codes and sources', async () => {
    const res = await get('/api/regions/pairings').expect(200);
    const xiamen = res.body.find((p: { id: string }) => p.id === 'xiamen-linxia');
    expect(xiamen).toMatchObject({
      east: { code: '350200', name: '厦门市', level: 'city' },
      west: { code: '622900', name: '临夏回族自治州', level: 'city' },
      confidence: 'high',
      except: [],
    });
    const tianjin = res.body.find((p: { id: string }) => p.id === 'tianjin-gansu');
    expect(tianjin.except.map((r: { code: string }) => r.code)).toEqual(['621100', '621200', '622900']);
  });
});
