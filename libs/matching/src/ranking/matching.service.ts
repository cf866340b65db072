import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOB_ORDER_STATUS_ZH, JobOrder, JobOrderMapper } from '@daogang/jobs';
import { AuthUser, beijingDay, ForbiddenError, NotFoundError, Role } from '@daogang/platform';
import { Worker, WorkersService } from '@daogang/registry';
import type { DataSource, EntityManager } from 'typeorm';
import type { ApplicationStatus } from '../applications/application-status.js';
import type { CandidateDto, CandidatePageDto, JobMatchDto, JobMatchPageDto } from './dto/match.dto.js';
import type { MatchScope } from './candidate-scan.js';
import { MatchIndex } from './match-index.js';
import { normaliseCertificate, type OrderFacts, type WorkerFacts } from './match-facts.js';
import { loadWorkerFacts } from './match-facts.sql.js';
import { MATCH_WEIGHTS, type MatchWeights } from './match-weights.js';
import { MatchMapper, round1 } from './match.mapper.js';
import {
  JOB_MATCH_COUNTS_SQL, JOB_MATCH_ROWS_SQL, ORDER_APPLICATIONS_SQL, WORKER_APPLICATIONS_SQL, type JobMatchRow,
} from './job-matches.sql.js';
import { PlaceRelations } from './place-relations.js';
import { JobOrderNotMatchableError } from './ranking.errors.js';
import { HARD_RULE_ZH, hardRuleFailure, isSevere, personalRuleFailure, scoreMatch, type HardRule, type MatchScore } from './scoring.js';

type ApplicationRow = { id: string; status: ApplicationStatus };

/**
 * 人岗匹配: ranked, explained candidates for a job order (from the in-memory MatchIndex) and ranked job orders for a
 * worker (SQL pre-filter over the open orders, scored here). One scoring function (scoring.ts) serves both.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: MatchIndex,
    private readonly places: PlaceRelations,
    private readonly mapper: MatchMapper,
    private readonly jobMapper: JobOrderMapper,
    private readonly workers: WorkersService,
    @Inject(MATCH_WEIGHTS) private readonly weights: MatchWeights,
  ) {}

  /**
   * Candidates for an order: brokers and officers among the workers of their counties, admins and coordinators among
   * all, an employer for its own orders only (names masked). The order must be published or paused.
   */
  async candidatesFor(user: AuthUser, jobOrderId: string, query: { limit?: number; offset?: number } = {}): Promise<CandidatePageDto> {
    if (user.role === Role.Worker) throw new ForbiddenError();
    const limit = Math.min(200, Math.max(1, query.limit ?? 50));
    const offset = Math.max(0, query.offset ?? 0);
    const job = await this.dataSource.getRepository(JobOrder).findOneBy({ id: jobOrderId });
    if (!job || (user.role === Role.Employer && job.employerId !== user.employerId)) throw new NotFoundError('招聘订单', jobOrderId);
    if (job.status !== 'published' && job.status !== 'paused') throw new JobOrderNotMatchableError(JOB_ORDER_STATUS_ZH[job.status]);

    const order = orderFactsOf(job);
    const today = beijingDay();
    const started = performance.now();
    const ranking = this.index.rank(order, matchScopeOf(user), { offset, limit }, today);
    const tookMs = Math.round((performance.now() - started) * 10) / 10;

    const ids = ranking.items.map((i) => i.workerId);
    const [facts, names, applications] = await Promise.all([
      loadWorkerFacts(this.dataSource, ids, today),
      ids.length ? (this.dataSource.query('SELECT id::text AS id, name FROM workers WHERE id = ANY($1::uuid[])', [ids]) as Promise<Array<{ id: string; name: string }>>) : [],
      ids.length ? (this.dataSource.query(ORDER_APPLICATIONS_SQL, [job.id, ids]) as Promise<Array<ApplicationRow & { worker_id: string }>>) : [],
    ]);
    const factsById = new Map(facts.map((f) => [f.id, f]));
    const nameById = new Map(names.map((n) => [n.id, n.name]));
    const applicationOf = new Map(applications.map((a) => [a.worker_id, a]));
    const items: CandidateDto[] = [];
    for (const { workerId } of ranking.items) {
      const worker = factsById.get(workerId);
      // Changed in the last second (placed, deleted) and not yet applied to the index: left out of this page.
      if (!worker || hardRuleFailure(worker, order)) continue;
      const score = this.explain(worker, order, today);
      items.push(this.mapper.candidate(user, offset + items.length + 1, score, worker, nameById.get(workerId) ?? '', today, this.mapper.application(applicationOf.get(workerId))));
    }
    return { jobOrderId: job.id, items, total: ranking.total, considered: ranking.considered, excluded: ranking.excluded, offset, limit, tookMs };
  }

  /** Job orders for a worker: staff of the worker's county (admins and coordinators: any), or the worker themselves. */
  async jobsFor(user: AuthUser, workerId: string, query: { limit?: number } = {}): Promise<JobMatchPageDto> {
    if (user.role === Role.Employer) throw new ForbiddenError();
    const visible = await this.workers.scoped(this.dataSource.manager, user).andWhere('w.id = :id', { id: workerId }).select(['w.id']).getOne();
    if (!visible) throw new NotFoundError('劳动力档案', workerId);
    return this.rankJobs(user, workerId, query.limit ?? 20);
  }

  /** The signed-in worker's own job matches. */
  async myJobs(user: AuthUser, query: { limit?: number } = {}): Promise<JobMatchPageDto> {
    const mine = await this.dataSource.getRepository(Worker).findOne({ where: { userId: user.id }, select: { id: true } });
    if (!mine) throw new NotFoundError('个人档案');
    return this.rankJobs(user, mine.id, query.limit ?? 20);
  }

  private async rankJobs(user: AuthUser, workerId: string, requestedLimit: number): Promise<JobMatchPageDto> {
    const limit = Math.min(100, Math.max(1, requestedLimit));
    const today = beijingDay();
    const [worker] = await loadWorkerFacts(this.dataSource, [workerId], today);
    if (!worker) throw new NotFoundError('劳动力档案', workerId);
    const params = [today, worker.certificates, worker.birthDate, isSevere(worker.disabilityGrade)];
    const [[counts], rows] = await Promise.all([
      this.dataSource.query(JOB_MATCH_COUNTS_SQL, params) as Promise<Array<{ considered: number; certificates: number; age: number; accessibility: number }>>,
      this.dataSource.query(JOB_MATCH_ROWS_SQL, params) as Promise<JobMatchRow[]>,
    ]);
    const excluded: Record<HardRule, number> = { placed: 0, status: 0, certificates: counts.certificates, age: counts.age, accessibility: counts.accessibility };
    const page: JobMatchPageDto = { workerId, items: [], total: 0, considered: counts.considered, excluded };

    const personal = personalRuleFailure(worker);
    if (personal) {
      page.excluded = { placed: 0, status: 0, certificates: 0, age: 0, accessibility: 0, [personal]: counts.considered };
      page.unavailable = { rule: personal, reason: HARD_RULE_ZH[personal] };
      return page;
    }

    const scored: Array<{ row: JobMatchRow; score: MatchScore }> = [];
    for (const row of rows) {
      const order = orderFactsOf(row);
      const failed = hardRuleFailure(worker, order);
      if (failed) {
        excluded[failed]++;
        continue;
      }
      scored.push({ row, score: this.explain(worker, order, today) });
    }
    scored.sort((a, b) => b.score.total - a.score.total || a.row.start_date.localeCompare(b.row.start_date) || a.row.id.localeCompare(b.row.id));
    const top = scored.slice(0, limit);
    const applications: Array<ApplicationRow & { job_order_id: string }> = top.length
      ? await this.dataSource.query(WORKER_APPLICATIONS_SQL, [workerId, top.map((t) => t.row.id)])
      : [];
    const applicationOf = new Map(applications.map((a) => [a.job_order_id, a]));
    page.total = scored.length;
    page.items = top.map(({ row, score }, i): JobMatchDto => {
      const application = this.mapper.application(applicationOf.get(row.id));
      return {
        rank: i + 1,
        score: round1(score.total),
        parts: this.mapper.parts(score, user.role === Role.Employer),
        job: {
          id: row.id, title: row.title, employerName: row.employer_name, category: row.category,
          workPlace: this.jobMapper.workPlace(row.work_county_code), workCountyCode: row.work_county_code, wageMin: row.wage_min, wageMax: row.wage_max,
          startDate: row.start_date, placesLeft: row.places_left, accessible: row.accessible, trainingOffered: row.training_offered,
        },
        ...(application ? { application } : {}),
      };
    });
    return page;
  }

  /**
   * One worker's score (0–100) for one order, as the candidates list would show it; null when a hard rule excludes
   * them. Kept on the offer (`offerScore`) so that the ranking can later be checked against who stayed.
   */
  async scoreOf(workerId: string, job: OrderSource, manager?: EntityManager): Promise<number | null> {
    const today = beijingDay();
    const [worker] = await loadWorkerFacts(manager ?? this.dataSource, [workerId], today);
    const order = orderFactsOf(job);
    if (!worker || hardRuleFailure(worker, order)) return null;
    return Math.round(this.explain(worker, order, today).total);
  }

  private explain(worker: WorkerFacts, order: OrderFacts, today: string): MatchScore {
    return scoreMatch(worker, order, this.places.relation(worker.homeCountyCode, order), this.weights, today);
  }
}

/** Whose workers a user ranks: brokers and officers their counties; admins, coordinators and employers everyone. */
export function matchScopeOf(user: AuthUser): MatchScope {
  return user.role === Role.Broker || user.role === Role.Officer ? { countyCodes: user.countyCodes } : { countyCodes: null };
}

type OrderSource = Pick<JobOrder, 'id' | 'category' | 'workCountyCode' | 'lng' | 'lat' | 'wageMin' | 'wageMax' | 'startDate' | 'ageMin' | 'ageMax' | 'requiredSkills' | 'requiredCertificates' | 'trainingOffered' | 'accessible'>;

export function orderFactsOf(job: OrderSource | JobMatchRow): OrderFacts {
  const j: OrderSource = 'work_county_code' in job
    ? {
        id: job.id, category: job.category, workCountyCode: job.work_county_code, lng: job.lng, lat: job.lat, wageMin: job.wage_min,
        wageMax: job.wage_max, startDate: job.start_date, ageMin: job.age_min, ageMax: job.age_max, requiredSkills: job.required_skills,
        requiredCertificates: job.required_certificates, trainingOffered: job.training_offered, accessible: job.accessible,
      }
    : job;
  return {
    id: j.id, category: j.category, workCountyCode: j.workCountyCode, lng: j.lng, lat: j.lat, wageMin: j.wageMin, wageMax: j.wageMax,
    startDate: j.startDate, ageMin: j.ageMin, ageMax: j.ageMax, requiredSkills: j.requiredSkills,
    requiredCertificates: [...new Set(j.requiredCertificates.map(normaliseCertificate).filter(Boolean))],
    trainingOffered: j.trainingOffered, accessible: j.accessible,
  };
}
