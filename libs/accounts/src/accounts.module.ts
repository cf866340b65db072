import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { MaintenanceController } from './maintenance.controller.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { UsersAdminController } from './users-admin.controller.js';
import { UsersService } from './users.service.js';

const services = [AuthService, UsersService, RefreshTokenService];

/** HTTP edge of accounts (API app). */
@Module({
  controllers: [AuthController, UsersAdminController, MaintenanceController],
  providers: services,
  exports: services,
})
export class AccountsModule {}

/** Queue edge of accounts (worker app). */
@Module({
  providers: [RefreshTokenService, MaintenanceProcessor],
})
export class AccountsProcessorsModule {}
