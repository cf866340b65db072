import { Injectable } from '@nestjs/common';
import { AuthUser, maskName, Role } from '@daogang/platform';
import { ageOn, RegionsService } from '@daogang/registry';
import { APPLICATION_STATUS_ZH, type ApplicationStatus } from '../applications/application-status.js';
import type { CandidateDto, CurrentApplicationDto, ScorePartDto } from './dto/match.dto.js';
import type { WorkerFacts } from './match-facts.js';
import type { MatchScore } from './scoring.js';

/** What the employer sees instead of the priority cases: being registered poor or from a zero-employment home is not theirs to know. */
const PRIORITY_FOR_EMPLOYERS = '符合优先帮扶条件';

/**
 * The one way match results leave the service. Employers see a masked name (马**) and no household facts; ID numbers
 * and mobiles never appear here for anyone.
 */
@Injectable()
export class MatchMapper {
  constructor(private readonly regions: RegionsService) {}

  candidate(user: AuthUser, rank: number, score: MatchScore, worker: WorkerFacts, name: string, today: string, application?: CurrentApplicationDto): CandidateDto {
    const employer = user.role === Role.Employer;
    return {
      rank,
      score: round1(score.total),
      parts: this.parts(score, employer),
      worker: {
        id: worker.id,
        name: employer ? maskName(name) : name,
        age: ageOn(new Date(worker.birthDate), new Date(today)),
        sex: worker.sex,
        homeCountyCode: worker.homeCountyCode,
        homeCounty: this.countyName(worker.homeCountyCode),
        skills: worker.skills,
        wishes: this.wishes(worker),
      },
      ...(application ? { application } : {}),
    };
  }

  parts(score: MatchScore, forEmployer = false): ScorePartDto[] {
    return score.parts.map((p) => ({
      key: p.key,
      label: p.label,
      points: round1(p.points),
      maxPoints: round1(p.maxPoints),
      explanation: forEmployer && p.key === 'priority' && p.points > 0 ? PRIORITY_FOR_EMPLOYERS : p.explanation,
    }));
  }

  application(row: { id: string; status: ApplicationStatus } | undefined): CurrentApplicationDto | undefined {
    return row ? { id: row.id, status: row.status, statusZh: APPLICATION_STATUS_ZH[row.status] } : undefined;
  }

  countyName(code: string): string {
    const ctx = this.regions.county(code);
    if (!ctx) return code;
    return ctx.city.code === ctx.county.code ? ctx.county.name : `${ctx.city.name}${ctx.county.name}`;
  }

  /** 意向：电子厂、普工；福建省、厦门市；期望月薪4500元起；愿意外出；2027-02-20可到岗 */
  private wishes(w: WorkerFacts): string {
    const places = [...w.wishProvinces, ...w.wishCities].map((code) => this.regions.get(code)?.name ?? code);
    return [
      w.wishCategories.length ? `意向：${w.wishCategories.join('、')}` : '未填写意向工种',
      places.length ? places.join('、') : '',
      w.minMonthlyWage !== null ? `期望月薪${w.minMonthlyWage}元起` : '',
      w.wantsToMove ? '愿意外出' : '不愿外出',
      w.availableFrom ? `${w.availableFrom}可到岗` : '',
    ].filter(Boolean).join('；');
  }
}


export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
