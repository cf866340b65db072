export * from './entities/worker-import.entity.js';
export * from './entities/worker-import-error.entity.js';
export * from './import.module.js';
export * from './import-runner.service.js';
export * from './worker-imports.service.js';
