export * from './index-cursor.entity.js';
export * from './index-definition.js';
export * from './index-sync.service.js';
export * from './indexing.module.js';
export * from './outbox-reader.js';
export * from './search-engine.module.js';
