import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from './auth-user.js';
import { Role } from './roles.js';

/** Columns by which a resource belongs to someone; a resource names those it has. */
export interface ScopeColumns {
  /** e.g. `employer.id` or `job.employer_id` */
  employer?: string;
  /** e.g. `worker.home_county_code` */
  county?: string;
  /** e.g. `worker.user_id` */
  owner?: string;
}

/**
 * Data scoping in one place: an employer sees its own organisation, a broker or officer the counties assigned
 * to them, a worker only themselves; coordinators and admins see everything they are allowed to route to.
 * A resource without the column a role is scoped by is invisible to that role (deny by default).
 */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  user: AuthUser,
  columns: ScopeColumns,
): SelectQueryBuilder<T> {
  switch (user.role) {
    case Role.Admin:
    case Role.Coordinator:
      return qb;
    case Role.Employer:
      return columns.employer && user.employerId
        ? qb.andWhere(`${columns.employer} = :scopeEmployerId`, { scopeEmployerId: user.employerId })
        : qb.andWhere('1 = 0');
    case Role.Broker:
    case Role.Officer:
      if (!columns.county) return qb;
      return user.countyCodes.length
        ? qb.andWhere(`${columns.county} IN (:...scopeCounties)`, { scopeCounties: user.countyCodes })
        : qb.andWhere('1 = 0');
    case Role.Worker:
      return columns.owner ? qb.andWhere(`${columns.owner} = :scopeUserId`, { scopeUserId: user.id }) : qb.andWhere('1 = 0');
    default: {
      const unreachable: never = user.role;
      return unreachable;
    }
  }
}
