import { Module } from '@nestjs/common';
import { EmployersController } from './employers/employers.controller.js';
import { EmployersService } from './employers/employers.service.js';

@Module({
  controllers: [EmployersController],
  providers: [EmployersService],
  exports: [EmployersService],
})
export class JobsModule {}
