import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, Role } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import type { FollowUpStatus } from '../entities/follow-up.entity.js';
import { FOLLOW_UP_STATUS_ZH, FollowUpPageDto, FollowUpQueryDto, FollowUpView } from './follow-ups.dto.js';

/** The broker's follow-up lists: what to do today (due and overdue), what is overdue, the coming week, what is done. */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async list(user: AuthUser, query: FollowUpQueryDto): Promise<FollowUpPageDto> {
    const params: unknown[] = [];
    let scope = '';
    if (user.role === Role.Broker || user.role === Role.Officer) {
      params.push(user.countyCodes);
      scope = `AND f.county_code = ANY($${params.length})`;
    }
    const counted = [...params];
    const view: Record<FollowUpView, () => string> = {
      today: () => `f.status IN ('due', 'overdue')`,
      overdue: () => `f.status = 'overdue'`,
      upcoming: () => `f.status = 'scheduled' AND f.due_on <= $${params.push(beijingDay())}::date + 7`,
      done: () => `f.status = 'done'`,
    };
    const where = `WHERE ${view[query.view]()} ${scope}`;
    const order = query.view === 'done' ? 'f.done_at DESC' : 'f.due_on, f.id';
    const [rows, [counts], [{ n: total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT f.id, f.application_id, f.worker_id, w.name AS worker_name, w.mobile_masked, e.name AS employer_name, j.title AS job_title,
                j.work_county_code, f.day_offset, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.status, to_char(a.arrived_on, 'YYYY-MM-DD') AS arrived_on,
                EXISTS (SELECT 1 FROM follow_up_cases c WHERE c.application_id = f.application_id AND c.status = 'open') AS open_case
           FROM follow_ups f JOIN applications a ON a.id = f.application_id JOIN workers w ON w.id = f.worker_id
           JOIN job_orders j ON j.id = a.job_order_id JOIN employers e ON e.id = j.employer_id
           ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ) as Promise<Array<{ id: string; application_id: string; worker_id: string; worker_name: string; mobile_masked: string | null; employer_name: string; job_title: string; work_county_code: string; day_offset: number; due_on: string; status: FollowUpStatus; arrived_on: string; open_case: boolean }>>,
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE f.status IN ('due', 'overdue'))::int AS today, count(*) FILTER (WHERE f.status = 'overdue')::int AS overdue
           FROM follow_ups f WHERE f.status IN ('due', 'overdue') ${scope}`,
        counted,
      ) as Promise<Array<{ today: number; overdue: number }>>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM follow_ups f ${where}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id, applicationId: r.application_id, workerId: r.worker_id, workerName: r.worker_name, ...(r.mobile_masked ? { mobile: r.mobile_masked } : {}),
        employerName: r.employer_name, jobTitle: r.job_title, workPlace: this.regions.fullName(r.work_county_code),
        dayOffset: r.day_offset, dueOn: r.due_on, status: r.status, statusZh: FOLLOW_UP_STATUS_ZH[r.status], arrivedOn: r.arrived_on, openCase: r.open_case,
      })),
      total, page: query.page, pageSize: query.pageSize, counts,
    };
  }
}
