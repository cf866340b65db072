/**
 * Relevance: nDCG@10 over the labelled queries of relevance.json, on a small fixed corpus (the generator at its
 * own seed). Grades come from rules on each order's attributes (see relevance.json), never from an engine's answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobsIndex, type JobSearchQueryDto } from '@daogang/jobs';
import type { SearchDocument, SearchQuery } from '@daogang/search';
import { employers, jobOrder, type Places } from './generate.js';
import { captureJobQueries, queryString, type BenchQuery, type JobDto } from './queries.js';

type Value = string | number | boolean | string[];
interface Rule {
  grade: number;
  [attribute: string]: Value;
}
interface LabelledQuery {
  q: string;
  filters?: Record<string, string | number | boolean>;
  rules: Rule[];
}
export interface RelevanceSet {
  corpus: { seed: number; employers: number; orders: number };
  queries: LabelledQuery[];
}

export function loadRelevanceSet(dir: string): RelevanceSet {
  return JSON.parse(readFileSync(join(dir, 'relevance.json'), 'utf8')) as RelevanceSet;
}

/** The attributes rules look at. */
interface Attributes {
  role: string;
  category: string;
  city: string;
  province: string;
  county: string;
  benefits: string[];
  shift: string;
  accessible: boolean;
  training: boolean;
  wageMax: number;
}

export interface RelevanceCorpus {
  docs: SearchDocument[];
  attributes: Map<string, Attributes>;
}

export function relevanceCorpus(p: Places, set: RelevanceSet): RelevanceCorpus {
  const emps = employers(p, set.corpus.employers, set.corpus.seed);
  const index = new JobsIndex(p.regions);
  const docs: SearchDocument[] = [];
  const attributes = new Map<string, Attributes>();
  for (let i = 0; i < set.corpus.orders; i++) {
    const { job, role } = jobOrder(p, emps, i, set.corpus.seed);
    const ctx = p.regions.county(job.workCountyCode)!;
    docs.push(index.document(job));
    attributes.set(job.id, {
      role, category: job.category, city: ctx.city.shortName, province: ctx.province.shortName, county: ctx.county.name,
      benefits: job.benefits, shift: job.shift, accessible: job.accessible, training: job.trainingOffered, wageMax: job.wageMax,
    });
  }
  return { docs, attributes };
}

function satisfies(a: Attributes, rule: Rule): boolean {
  for (const [key, expected] of Object.entries(rule)) {
    if (key === 'grade') continue;
    if (key === 'benefits') {
      if (!(expected as string[]).every((b) => a.benefits.includes(b))) return false;
    } else if (key === 'wageMaxGte') {
      if (a.wageMax < Number(expected)) return false;
    } else {
      const actual = a[key as keyof Attributes];
      if (actual === undefined) throw new Error(`relevance.json: unknown attribute ${key}`);
      if (Array.isArray(expected) ? !expected.includes(actual as string) : actual !== expected) return false;
    }
  }
  return true;
}

export function grade(a: Attributes, rules: readonly Rule[]): number {
  let best = 0;
  for (const rule of rules) if (rule.grade > best && satisfies(a, rule)) best = rule.grade;
  return best;
}

const gain = (g: number) => 2 ** g - 1;

/** nDCG@k of a ranking (ids) against the grades of every document of the corpus. */
export function ndcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k = 10): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => (dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += gain(g) / Math.log2(i + 2)));
  return idcg === 0 ? NaN : dcg / idcg;
}

export interface LabelledBenchQuery extends BenchQuery<JobDto> {
  grades: Map<string, number>;
  relevant: number;
  filtered: boolean;
}

/** The labelled queries as API requests (SearchQuery captured from JobSearchService) with their grades. */
export async function labelledQueries(p: Places, set: RelevanceSet, corpus: RelevanceCorpus): Promise<LabelledBenchQuery[]> {
  const out: LabelledBenchQuery[] = [];
  for (const lq of set.queries) {
    const dto: JobDto = { page: 1, pageSize: 10, sort: 'relevance', q: lq.q };
    for (const [key, value] of Object.entries(lq.filters ?? {})) {
      (dto as Record<string, unknown>)[key] = key === 'benefits' ? String(value).split(',') : value;
    }
    const grades = new Map<string, number>();
    for (const [id, a] of corpus.attributes) grades.set(id, grade(a, lq.rules));
    out.push({ kind: 'labelled', dto, search: undefined as unknown as SearchQuery, http: queryString(dto), filtered: !!lq.filters, grades, relevant: [...grades.values()].filter((g) => g > 0).length });
  }
  await captureJobQueries(p.regions, out);
  return out;
}

export type { JobSearchQueryDto };
