import { Injectable } from '@nestjs/common';
import type { IndexSettings, SearchDocument } from '@daogang/search';
import { EntityManager, In, MoreThan } from 'typeorm';
import { RegionsService } from '../regions/regions.service.js';
import { Worker } from '../workers/entities/worker.entity.js';
import { WORKERS_TOPIC } from '../workers/worker-topics.js';

export const WORKERS_INDEX = 'workers';

/** Worker documents carry no personal numbers: names, places, skills, wishes, status. Scoping is applied per query. */
export const WORKERS_INDEX_SETTINGS: IndexSettings = {
  primaryKey: 'id',
  geo: true,
  searchableAttributes: ['name', 'skills', 'wishes', 'place', 'village', 'education'],
  pinyinAttributes: ['name', 'place', 'village'],
  filterableAttributes: ['countyCode', 'cityCode', 'provinceCode', 'status', 'skills', 'wishCategories', 'registeredPoor', 'wantsToMove', 'wantsTraining', 'birthDay', 'availableDay', 'sex', 'minMonthlyWage', 'zeroEmploymentHousehold'],
  facetAttributes: ['countyCode', 'status', 'wishCategories', 'skills'],
  sortableAttributes: ['availableDay', 'completeness', 'minMonthlyWage'],
  synonyms: { 普工: ['操作工'], 操作工: ['普工'], 缝纫: ['车工'], 电子厂: ['电子装配'] },
};

const day = (date: string | null) => (date ? Number(date.replace(/-/g, '')) : 0);
const EDUCATION: Record<string, string> = { none: '', primary: '小学', junior: '初中', senior: '高中', vocational: '中专 技校', college: '大专', bachelor: '本科', postgraduate: '研究生' };

@Injectable()
export class WorkersIndex {
  readonly index = WORKERS_INDEX;
  readonly topic = WORKERS_TOPIC;
  readonly settings = WORKERS_INDEX_SETTINGS;

  constructor(private readonly regions: RegionsService) {}

  async load(manager: EntityManager, ids: string[]): Promise<SearchDocument[]> {
    const rows = await manager.getRepository(Worker).find({ where: { id: In(ids) }, relations: { household: true } });
    return rows.map((w) => this.document(w));
  }

  async loadPage(manager: EntityManager, afterId: string | null, limit: number): Promise<SearchDocument[]> {
    const rows = await manager.getRepository(Worker).find({
      where: afterId ? { id: MoreThan(afterId) } : {},
      relations: { household: true },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((w) => this.document(w));
  }

  document(w: Worker): SearchDocument {
    const ctx = this.regions.county(w.homeCountyCode);
    const centre = ctx?.county.centre;
    return {
      id: w.id,
      name: w.name,
      sex: w.sex,
      birthDay: day(w.birthDate),
      countyCode: w.homeCountyCode,
      cityCode: ctx?.city.code ?? '',
      provinceCode: ctx?.province.code ?? '',
      place: ctx ? [...new Set([ctx.province.shortName, ctx.city.shortName, ctx.county.name])].join(' ') : '',
      township: w.township,
      village: w.village,
      status: w.employmentStatus,
      registeredPoor: w.registeredPoor,
      zeroEmploymentHousehold: w.household?.zeroEmployment ?? false,
      skills: w.skills,
      wishCategories: w.wishCategories,
      wishes: [...w.wishCategories, w.skillsNote].filter(Boolean).join(' '),
      education: w.education ? EDUCATION[w.education] : '',
      // Unknown values are left out, not 0: a 0 would sort first and form one huge tie group to scan.
      ...(w.minMonthlyWage !== null ? { minMonthlyWage: w.minMonthlyWage } : {}),
      wantsToMove: w.wantsToMove,
      wantsTraining: w.wantsTraining,
      ...(w.availableFrom ? { availableDay: day(w.availableFrom) } : {}),
      completeness: w.completeness,
      ...(centre ? { _geo: { lat: centre[1], lng: centre[0] } } : {}),
    };
  }
}
