import { Injectable } from '@nestjs/common';
import type { IndexDefinition } from '@daogang/indexing';
import { RegionsService } from '@daogang/registry';
import type { IndexSettings, SearchDocument } from '@daogang/search';
import { EntityManager, In, MoreThan } from 'typeorm';
import { BENEFIT_ZH, JobOrder, SHIFT_ZH } from '../job-orders/entities/job-order.entity.js';
import { JOBS_TOPIC } from '../job-orders/job-order-topics.js';

export const JOBS_INDEX = 'jobs';

/** Index settings of job orders, defined once and applied to either engine. */
export const JOBS_INDEX_SETTINGS: IndexSettings = {
  primaryKey: 'id',
  geo: true,
  searchableAttributes: ['title', 'category', 'place', 'benefitNames', 'shiftName', 'employerName', 'skills', 'description'],
  pinyinAttributes: ['title', 'category', 'place', 'employerName'],
  filterableAttributes: ['provinceCode', 'cityCode', 'countyCode', 'category', 'benefits', 'wageMax', 'wageMin', 'startDay', 'accessible', 'trainingOffered', 'shift', 'employerId'],
  facetAttributes: ['category', 'cityCode', 'provinceCode', 'benefits', 'shift', 'accessible'],
  sortableAttributes: ['wageMax', 'wageMin', 'startDay', 'publishedAt'],
  synonyms: {
    普工: ['操作工'], 操作工: ['普工'],
    包吃住: ['包食宿'], 包食宿: ['包吃住'],
    电子厂: ['电子'], 服装: ['制衣', '纺织服装'], 缝纫: ['车工'], 物流: ['快递', '仓储'], 保洁: ['清洁'],
    // Trade names people use for the same job.
    电焊工: ['焊工', '电焊'], 焊工: ['电焊工', '电焊'], 护工: ['护理员', '养老护理'], 月嫂: ['母婴护理', '育婴'],
    仓管: ['仓库管理', '仓管员'], 仓管员: ['仓库管理', '仓管'], 质检: ['检验', '品检'], 临时工: ['短期工', '日结'],
  },
};

/** 2027-03-01 → 20270301: dates as numbers, filterable and sortable in both engines. */
export const dayNumber = (date: string) => Number(date.replace(/-/g, ''));

/** Published job orders only: paused, filled and closed ones leave the index. */
@Injectable()
export class JobsIndex implements IndexDefinition {
  readonly index = JOBS_INDEX;
  readonly topic = JOBS_TOPIC;
  readonly settings = JOBS_INDEX_SETTINGS;

  constructor(private readonly regions: RegionsService) {}

  async load(manager: EntityManager, ids: string[]): Promise<SearchDocument[]> {
    const rows = await manager.getRepository(JobOrder).find({ where: { id: In(ids), status: 'published' }, relations: { employer: true } });
    return rows.map((job) => this.document(job));
  }

  async loadPage(manager: EntityManager, afterId: string | null, limit: number): Promise<SearchDocument[]> {
    const rows = await manager.getRepository(JobOrder).find({
      where: { status: 'published', ...(afterId ? { id: MoreThan(afterId) } : {}) },
      relations: { employer: true },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((job) => this.document(job));
  }

  document(job: JobOrder): SearchDocument {
    const ctx = this.regions.county(job.workCountyCode);
    return {
      id: job.id,
      title: job.title,
      description: job.description.slice(0, 2000),
      category: job.category,
      employerId: job.employerId,
      employerName: job.employer?.name ?? '',
      place: ctx ? [...new Set([ctx.province.shortName, ctx.city.shortName, ctx.county.name])].join(' ') : '',
      provinceCode: ctx?.province.code ?? '',
      cityCode: ctx?.city.code ?? '',
      countyCode: job.workCountyCode,
      benefits: job.benefits,
      benefitNames: job.benefits.map((b) => BENEFIT_ZH[b]).join(' '),
      shift: job.shift,
      shiftName: SHIFT_ZH[job.shift],
      skills: job.requiredSkills.join(' '),
      wageMin: job.wageMin,
      wageMax: job.wageMax,
      placesLeft: job.headcount - job.placesFilled,
      startDay: dayNumber(job.startDate),
      startDate: job.startDate,
      accessible: job.accessible,
      trainingOffered: job.trainingOffered,
      publishedAt: job.publishedAt?.getTime() ?? 0,
      ...(job.lat !== null && job.lng !== null ? { _geo: { lat: job.lat, lng: job.lng } } : {}),
    };
  }
}
