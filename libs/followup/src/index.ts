export * from './entities/follow-up.entity.js';
export * from './entities/visit.entity.js';
export * from './entities/case.entity.js';
