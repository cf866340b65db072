import { RefreshToken, User, UserCounty } from '@daogang/accounts';
import { Employer } from '@daogang/jobs';
import { CompletenessDaily, Household, HouseholdIncome, PiiAccess, Worker, WorkerStatusChange } from '@daogang/registry';

/** Every entity of every domain: the whole database as TypeORM sees it. */
export const ENTITIES = [
  User, UserCounty, RefreshToken,
  Employer,
  Household, HouseholdIncome, Worker, WorkerStatusChange, PiiAccess, CompletenessDaily,
];
