export * from './dto/region.dto.js';
export * from './pairings.js';
export * from './region.js';
export * from './regions.controller.js';
export * from './regions.module.js';
export * from './regions.service.js';
export { toRegionDto } from './regions.view.js';
