import type { SchemaParts } from '@daogang/platform';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export { ENTITIES } from './entities.js';
export { MIGRATIONS } from './migrations/index.js';

export const SCHEMA: SchemaParts = { entities: ENTITIES, migrations: MIGRATIONS };
export * from './seed/demo.seed.js';
export * from './seed/demo-registry.seed.js';
export * from './seed/demo-applications.seed.js';
export * from './seed/demo-transport.seed.js';
