import { RefreshToken, User, UserCounty } from '@daogang/accounts';
import { Employer } from '@daogang/jobs';

/** Every entity of every domain: the whole database as TypeORM sees it. */
export const ENTITIES = [User, UserCounty, RefreshToken, Employer];
