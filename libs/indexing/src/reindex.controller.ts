import { InjectQueue } from '@nestjs/bullmq';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectRedis, QueueName, Role, Roles, SearchIndexJob, ValidationFailedError } from '@daogang/platform';
import type { Queue } from 'bullmq';
import { IsString, MaxLength } from 'class-validator';
import type { Redis } from 'ioredis';
import { IndexSyncService } from './index-sync.service.js';

export class ReindexDto {
  @ApiProperty({ example: 'jobs' }) @IsString({ message: '请指定索引' }) @MaxLength(32) index: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/search')
export class ReindexController {
  constructor(
    private readonly sync: IndexSyncService,
    @InjectQueue(QueueName.SearchIndex) private readonly queue: Queue,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  @Post('reindex')
  @Roles(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: '从数据库重建索引（先建后换，不停服）：内置引擎时每个 API 进程各自重建，Meilisearch 时由 worker 执行' })
  async reindex(@Body() dto: ReindexDto): Promise<{ index: string; via: 'every-api-process' | 'queue' }> {
    if (!this.sync.definition(dto.index)) {
      throw new ValidationFailedError([{ field: 'index', message: `没有名为 ${dto.index} 的索引，可选：jobs、workers` }]);
    }
    if (this.sync.tailsInProcess) {
      await this.redis.publish(this.sync.reindexChannel, dto.index);
      return { index: dto.index, via: 'every-api-process' };
    }
    await this.queue.add(SearchIndexJob.Reindex, { index: dto.index }, { jobId: `reindex-${dto.index}-${Date.now()}` });
    return { index: dto.index, via: 'queue' };
  }
}
