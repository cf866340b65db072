/**
 * The fixed query mixes (seeded): what people type and tick on /api/jobs/search and /api/workers-search. Each query
 * is kept as the API's request DTO; the SearchQuery sent to the engine is the one the real services build from it
 * (`JobSearchService`, `WorkerSearchService` with a capturing engine), so the engine, HTTP and PostgreSQL passes run
 * exactly the same requests.
 */
import type { AuthUser } from '@daogang/platform';
import { Role } from '@daogang/platform';
import { JobSearchService, type JobSearchQueryDto } from '@daogang/jobs';
import { EmploymentStatus, JOB_CATEGORIES, RegionsService, SKILLS, WorkerSearchService } from '@daogang/registry';
import type { WorkerSearchQueryDto } from '../../libs/registry/src/worker-search/worker-search.dto.js';
import type { SearchEngine, SearchQuery, SearchResult } from '@daogang/search';
import type { DataSource } from 'typeorm';
import { dayFromToday, SEED, type Places } from './generate.js';
import { mix, Rng } from './prng.js';

export interface BenchQuery<D> {
  kind: string;
  dto: D;
  /** The SearchQuery the API sends to the engine for this request. */
  search: SearchQuery;
  /** The query string of the HTTP request. */
  http: string;
}

export type JobDto = Partial<JobSearchQueryDto> & Pick<JobSearchQueryDto, 'page' | 'pageSize' | 'sort'>;
export type WorkerDto = Partial<WorkerSearchQueryDto> & Pick<WorkerSearchQueryDto, 'page' | 'pageSize' | 'sort'>;

/** An engine that only records the query it is asked. */
function capturing(): { engine: SearchEngine; last: () => SearchQuery } {
  let last: SearchQuery | undefined;
  const result: SearchResult = { hits: [], estimatedTotalHits: 0, processingTimeMs: 0, offset: 0, limit: 20, engine: 'embedded' };
  const engine = {
    kind: 'embedded',
    search: async (_index: string, query: SearchQuery) => {
      last = structuredClone(query);
      return result;
    },
  } as unknown as SearchEngine;
  return { engine, last: () => last! };
}

export function queryString(dto: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(dto)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/** Pinyin typo: one edit (swap, substitution, deletion, insertion) after the first letter, as fingers make them. */
export function typo(word: string, rng: Rng): string {
  for (;;) {
    const i = rng.int(1, word.length - 2);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const kind = rng.int(0, 3);
    const out =
      kind === 0 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
      : kind === 1 ? word.slice(0, i) + rng.pick([...letters]) + word.slice(i + 1)
      : kind === 2 ? word.slice(0, i) + word.slice(i + 1)
      : word.slice(0, i) + rng.pick([...letters]) + word.slice(i);
    if (out !== word && out.length >= 5) return out;
  }
}

const pinyinOf = (regions: RegionsService, code: string) => {
  const r = regions.get(code)!;
  return r.pinyin.split(' ').slice(0, [...r.shortName].length).join('');
};

// ---- jobs --------------------------------------------------------------------------------------------------------

const JOB_WORDS = [
  '普工', '电子厂', '操作工', '缝纫工', '叉车工', '保洁', '护林员', '包吃住', '长白班', '厨师', '保安', '快递', '仓管员', '月嫂',
  '养老护理', '钢筋工', '电焊工', '采茶', '质检员', '两班倒', '计件', '临时工', '服务员', '司机', '装配工', '学徒', '拉面',
  '包装工', '木工', '育婴员', '分拣员', '注塑工', '数控', '家政', '物流', '扶贫车间', '五险', '车工', '平车工', '门卫',
];
/** A part of a longer word of the corpus: 电子 in 电子厂, 白班 in 长白班, 缝纫 in 缝纫工… */
const JOB_SUBWORDS = ['电子', '白班', '缝纫', '操作', '分拣', '护林', '叉车', '装配', '吃住', '质检', '保洁', '焊工', '护理', '贴片', '组装', '纺织', '采摘', '包装', '流水线', '车间'];
const JOB_TYPED = ['pugong', 'dianzichang', 'baojie', 'chache', 'caozuogong', 'hulinyuan', 'baoan', 'chushi', 'fengren', 'kuaidi', 'cangku', 'dianhan'];

export function jobQueries(p: Places, n: number): Array<BenchQuery<JobDto>> {
  const rng = new Rng(mix(SEED, 10));
  const { regions } = p;
  const cities = [...new Set(p.eastCounties.map((c) => c.city))];
  const cityNames = cities.map((c) => regions.get(c)!.shortName);
  const cityPinyin = cities.map((c) => pinyinOf(regions, c));
  const cityInitials = cities.map((c) => regions.get(c)!.initials.slice(0, [...regions.get(c)!.shortName].length));
  const longPinyin = [...cityPinyin.filter((s) => s.length >= 5), 'dianzichang', 'caozuogong', 'hulinyuan', 'chachegong', 'baojieyuan'];
  const benefitsWords = ['包吃住', '包住', '五险', '包吃'];
  const word = () => rng.pick(JOB_WORDS);
  const filters = (dto: JobDto, count: number) => {
    const chosen = rng.sample(['city', 'county', 'category', 'minWage', 'benefits', 'start', 'accessible', 'training'], count);
    for (const f of chosen) {
      if (f === 'city') dto.city = rng.pick(cities);
      else if (f === 'county') dto.county = rng.pick(p.eastCounties).code;
      else if (f === 'category') dto.category = rng.pick(JOB_CATEGORIES);
      else if (f === 'minWage') dto.minWage = rng.int(8, 20) * 500;
      else if (f === 'benefits') dto.benefits = rng.sample(['dorm', 'meals', 'insurance', 'travel'] as const, rng.int(1, 2));
      else if (f === 'start') {
        const from = rng.int(0, 90);
        dto.startFrom = dayFromToday(from);
        dto.startTo = dayFromToday(from + rng.int(7, 45));
      } else if (f === 'accessible') dto.accessible = true;
      else dto.training = true;
    }
  };
  const kinds: Array<readonly [string, number]> = [
    ['word', 150], ['two words', 100], ['sub-word', 100], ['pinyin', 100], ['pinyin typo', 80], ['filters only', 150],
    ['words + filters', 120], ['sort wage/start', 60], ['geo sort', 80], ['paging', 60],
  ];
  const out: Array<BenchQuery<JobDto>> = [];
  const plan: string[] = [];
  for (const [kind, weight] of kinds) for (let i = 0; i < Math.round((weight * n) / 1000); i++) plan.push(kind);
  const order = rng.sample(plan, plan.length);
  for (const kind of order) {
    const dto: JobDto = { page: 1, pageSize: 20, sort: 'relevance' };
    switch (kind) {
      case 'word':
        dto.q = rng.chance(0.2) ? rng.pick(cityNames) : word();
        break;
      case 'two words':
        dto.q = rng.weighted([
          [`${rng.pick(cityNames)} ${word()}`, 3], [`${word()} ${rng.pick(benefitsWords)}`, 2], [`${word()} ${rng.pick(cityNames)}`, 2],
          [`${word()} ${rng.pick(['长白班', '两班倒', '计件', '日结'])}`, 1],
        ] as const);
        break;
      case 'sub-word':
        dto.q = rng.pick(JOB_SUBWORDS);
        break;
      case 'pinyin':
        dto.q = rng.weighted([[rng.pick(cityPinyin), 5], [rng.pick(cityInitials), 2], [rng.pick(JOB_TYPED), 2], [rng.pick(cityPinyin).slice(0, 3), 1]] as const);
        break;
      case 'pinyin typo':
        dto.q = typo(rng.pick(longPinyin), rng);
        break;
      case 'filters only':
        filters(dto, rng.int(1, 3));
        break;
      case 'words + filters':
        dto.q = rng.chance(0.7) ? word() : rng.pick(cityPinyin);
        filters(dto, rng.int(1, 2));
        break;
      case 'sort wage/start':
        dto.sort = rng.chance(0.6) ? 'wage' : 'start';
        if (rng.chance(0.6)) dto.q = word();
        if (rng.chance(0.5)) filters(dto, 1);
        break;
      case 'geo sort':
        dto.sort = 'distance';
        dto.from = rng.pick(p.westCounties);
        if (rng.chance(0.6)) dto.q = word();
        if (rng.chance(0.4)) filters(dto, 1);
        break;
      case 'paging':
        dto.q = rng.chance(0.8) ? word() : undefined;
        dto.page = rng.int(2, 10);
        break;
    }
    out.push({ kind, dto, search: undefined as unknown as SearchQuery, http: queryString(dto) });
  }
  return out;
}

/** Fills `search` of each query with what JobSearchService sends to the engine. */
export async function captureJobQueries(regions: RegionsService, queries: Array<BenchQuery<JobDto>>): Promise<void> {
  const capture = capturing();
  const service = new JobSearchService(capture.engine, regions, null as unknown as DataSource);
  for (const q of queries) {
    await service.search(undefined, q.dto as JobSearchQueryDto);
    q.search = capture.last();
  }
}

// ---- workers -----------------------------------------------------------------------------------------------------

const WORKER_WORDS = [...SKILLS, '电子厂', '包吃住', '长白班', '叉车证', '拉面', '服装', '工地', '夜班', '食堂', '快递', '月嫂', '保姆'];
const WORKER_SUBWORDS = ['电子', '装配', '分拣', '护理', '缝纫', '焊', '驾驶', '种植', '纺织', '建筑', '厨'];

/** A broker's scope: 2–5 western counties (the API adds it as a countyCode filter). */
export function brokerOf(p: Places, rng: Rng): AuthUser {
  const counties = rng.sample(p.westCounties, rng.int(2, 5));
  return { id: '00000000-0000-4000-8000-00000000b0b0', role: Role.Broker, countyCodes: counties } as unknown as AuthUser;
}

export interface WorkerQuery extends BenchQuery<WorkerDto> {
  user: AuthUser;
}

export function workerQueries(p: Places, n: number, names: { surnames: readonly string[]; given: readonly string[] }): WorkerQuery[] {
  const rng = new Rng(mix(SEED, 20));
  const { regions } = p;
  const eastCounties = p.eastCounties.map((c) => c.code);
  const kinds: Array<readonly [string, number]> = [
    ['name', 150], ['skill word', 150], ['sub-word', 80], ['place/village', 100], ['pinyin', 80], ['pinyin typo', 60],
    ['filters only', 200], ['words + filters', 100], ['sort', 30], ['geo sort', 30], ['paging', 20],
  ];
  const plan: string[] = [];
  for (const [kind, weight] of kinds) for (let i = 0; i < Math.round((weight * n) / 1000); i++) plan.push(kind);
  const order = rng.sample(plan, plan.length);
  const out: WorkerQuery[] = [];
  const filters = (dto: WorkerDto, count: number) => {
    for (const f of rng.sample(['status', 'skill', 'category', 'wantsToMove', 'registeredPoor', 'availableBy', 'age'], count)) {
      if (f === 'status') dto.status = rng.weighted([[EmploymentStatus.NotEmployed, 5], [rng.pick(Object.values(EmploymentStatus)), 2]] as const);
      else if (f === 'skill') dto.skill = rng.pick(SKILLS);
      else if (f === 'category') dto.category = rng.pick(JOB_CATEGORIES);
      else if (f === 'wantsToMove') dto.wantsToMove = true;
      else if (f === 'registeredPoor') dto.registeredPoor = true;
      else if (f === 'availableBy') dto.availableBy = dayFromToday(rng.int(0, 90));
      else {
        dto.ageMin = rng.int(18, 35);
        dto.ageMax = dto.ageMin + rng.int(5, 20);
      }
    }
  };
  for (const kind of order) {
    const user = brokerOf(p, rng);
    const scope = user.countyCodes;
    const dto: WorkerDto = { page: 1, pageSize: 20, sort: 'relevance' };
    const county = () => regions.get(rng.pick(scope))!;
    switch (kind) {
      case 'name':
        dto.q = rng.chance(0.85) ? rng.pick(names.surnames) + rng.pick(names.given) : rng.pick(names.given);
        break;
      case 'skill word':
        dto.q = rng.chance(0.8) ? rng.pick(WORKER_WORDS) : `${rng.pick(WORKER_WORDS)} ${rng.pick(WORKER_WORDS)}`;
        break;
      case 'sub-word':
        dto.q = rng.pick(WORKER_SUBWORDS);
        break;
      case 'place/village':
        dto.q = rng.chance(0.5) ? county().shortName : rng.pick(['陈家', '马家', '大湾', '新庄', '红星', '柳树', '桃园', '张家', '石家']);
        break;
      case 'pinyin':
        dto.q = rng.chance(0.8) ? pinyinOf(regions, county().code) : county().initials.slice(0, [...county().shortName].length);
        break;
      case 'pinyin typo': {
        const long = scope.map((c) => pinyinOf(regions, c)).filter((s) => s.length >= 5);
        dto.q = typo(long.length ? rng.pick(long) : rng.pick(['hezheng', 'wanzhou', 'linxia', 'lichuan', 'badong']), rng);
        break;
      }
      case 'filters only':
        filters(dto, rng.int(1, 3));
        break;
      case 'words + filters':
        dto.q = rng.chance(0.6) ? rng.pick(WORKER_WORDS) : rng.pick(names.surnames) + rng.pick(names.given);
        filters(dto, rng.int(1, 2));
        break;
      case 'sort':
        dto.sort = rng.chance(0.5) ? 'available' : 'completeness';
        if (rng.chance(0.5)) dto.q = rng.pick(WORKER_WORDS);
        if (rng.chance(0.5)) filters(dto, 1);
        break;
      case 'geo sort':
        dto.sort = 'distance';
        dto.near = rng.pick(eastCounties);
        if (rng.chance(0.5)) dto.q = rng.pick(WORKER_WORDS);
        if (rng.chance(0.5)) filters(dto, 1);
        break;
      case 'paging':
        dto.q = rng.chance(0.5) ? rng.pick(WORKER_WORDS) : undefined;
        dto.page = rng.int(2, 10);
        break;
    }
    out.push({ kind, dto, user, search: undefined as unknown as SearchQuery, http: queryString(dto) });
  }
  return out;
}

export async function captureWorkerQueries(regions: RegionsService, queries: WorkerQuery[]): Promise<void> {
  const capture = capturing();
  const service = new WorkerSearchService(capture.engine, regions, undefined as never); // the engine answers: no database fallback
  for (const q of queries) {
    await service.search(q.user, q.dto as WorkerSearchQueryDto);
    q.search = capture.last();
  }
}

