import type { SelectQueryBuilder } from 'typeorm';
import type { WorkerFilterDto } from './dto/worker-list.dto.js';
import { EMPLOYED_STATUSES, EmploymentStatus } from './employment-status.js';
import type { Worker } from './entities/worker.entity.js';

const SORT_COLUMNS: Record<string, string> = {
  name: 'w.name', completeness: 'w.completeness', updatedAt: 'w.updatedAt', statusChangedAt: 'w.statusChangedAt', village: 'w.village',
};

/** The five lists and the filters, as SQL on alias `w`; shared by the paged list and the export. */
export function applyWorkerFilter(qb: SelectQueryBuilder<Worker>, f: WorkerFilterDto): SelectQueryBuilder<Worker> {
  switch (f.list) {
    case 'employed':
      qb.andWhere('w.employment_status IN (:...employed)', { employed: EMPLOYED_STATUSES });
      break;
    case 'not_employed':
      qb.andWhere('w.employment_status = :notEmployed', { notEmployed: EmploymentStatus.NotEmployed });
      break;
    case 'wants_training':
      qb.andWhere('w.wants_training');
      break;
    case 'wants_to_move':
      qb.andWhere('w.wants_to_move');
      break;
    case 'wants_business':
      qb.andWhere('w.wants_business');
      break;
    case 'all':
    default:
      break;
  }
  if (f.county) qb.andWhere('w.home_county_code = :county', { county: f.county });
  if (f.township) qb.andWhere('w.township = :township', { township: f.township });
  if (f.village) qb.andWhere('w.village = :village', { village: f.village });
  if (f.registeredPoor !== undefined) qb.andWhere('w.registered_poor = :poor', { poor: f.registeredPoor });
  if (f.status) qb.andWhere('w.employment_status = :status', { status: f.status });
  if (f.householdId) qb.andWhere('w.household_id = :householdId', { householdId: f.householdId });
  if (f.completenessBelow !== undefined) qb.andWhere('w.completeness < :below', { below: f.completenessBelow });
  if (f.name) qb.andWhere("w.name LIKE :name ESCAPE '\\'", { name: `${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  const desc = f.sort.startsWith('-');
  qb.orderBy(SORT_COLUMNS[f.sort.replace(/^-/, '')], desc ? 'DESC' : 'ASC').addOrderBy('w.id', 'ASC');
  return qb;
}
