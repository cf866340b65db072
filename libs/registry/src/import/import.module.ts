import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { ImportProcessor } from './import.processor.js';
import { ImportRunner } from './import-runner.service.js';
import { WorkerImportsController } from './worker-imports.controller.js';
import { WorkerImportsService } from './worker-imports.service.js';

/** HTTP edge of the bulk import (API app): template, upload, progress, error report. */
@Module({
  imports: [RegionsModule],
  controllers: [WorkerImportsController],
  providers: [WorkerImportsService],
  exports: [WorkerImportsService],
})
export class WorkerImportsModule {}

/** Queue edge of the bulk import (worker app): the processor and the runner it hands jobs to. */
@Module({
  imports: [RegionsModule],
  providers: [ImportRunner, ImportProcessor],
  exports: [ImportRunner],
})
export class WorkerImportsProcessorsModule {}
