export * from './applications/application-status.js';
export * from './applications/entities/application.entity.js';
export * from './applications/entities/application-event.entity.js';
export * from './applications/entities/offer-batch.entity.js';
export * from './applications/entities/subsidy-claim.entity.js';
