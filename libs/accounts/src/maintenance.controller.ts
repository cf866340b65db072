import { InjectQueue } from '@nestjs/bullmq';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, MaintenanceJob, PurgeExpiredRefreshTokensPayload, QueueName, Role, Roles } from '@daogang/platform';
import type { Queue } from 'bullmq';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/maintenance')
export class MaintenanceController {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  @Post('purge-refresh-tokens')
  @Roles(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: '排队清理过期或已作废的刷新令牌（由 worker 进程执行）' })
  async purgeRefreshTokens(@CurrentUser() admin: AuthUser): Promise<{ jobId: string }> {
    const payload: PurgeExpiredRefreshTokensPayload = { requestedBy: admin.id, before: new Date().toISOString() };
    const job = await this.queue.add(MaintenanceJob.PurgeExpiredRefreshTokens, payload);
    return { jobId: job.id! };
  }
}
