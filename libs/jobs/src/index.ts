export * from './employers/dto/employer.dto.js';
export * from './employers/employers.service.js';
export * from './employers/entities/employer.entity.js';
export * from './jobs.module.js';
