export * from './domain-error.js';
export * from './error-body.js';
export * from './error.filter.js';
export * from './validation.js';
export * from './uuid-param.js';
