import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, downloadOf, Role, Roles } from '@daogang/platform';
import type { Response } from 'express';
import { RetentionQueryDto, RetentionReportDto } from './dto/retention.dto.js';
import { retentionFile, type RetentionFormat } from './retention-export.js';
import { RetentionService } from './retention.service.js';

/** Brokers and officers see the placements of their counties' workers, employers their own, the others everything. */
const READERS = [Role.Admin, Role.Coordinator, Role.Officer, Role.Broker, Role.Employer];

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('retention')
  @Roles(...READERS)
  @ApiOperation({ summary: '就业留存：30/90/180天留存率、回访完成率与逾期率，按企业、经纪人、输出县、输入城市、工种或安置月份分组，含合计' })
  @ApiOkResponse({ type: RetentionReportDto })
  report(@CurrentUser() user: AuthUser, @Query() query: RetentionQueryDto): Promise<RetentionReportDto> {
    return this.retention.report(user, query);
  }

  @Get('retention.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '就业留存导出 CSV（UTF-8 BOM，Excel 可直接打开）' })
  @ApiProduces('text/csv')
  csv(@CurrentUser() user: AuthUser, @Query() query: RetentionQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.file(user, query, 'csv', res);
  }

  @Get('retention.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: '就业留存导出 XLSX' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  xlsx(@CurrentUser() user: AuthUser, @Query() query: RetentionQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.file(user, query, 'xlsx', res);
  }

  private async file(user: AuthUser, query: RetentionQueryDto, format: RetentionFormat, res: Response): Promise<StreamableFile> {
    return downloadOf(res, retentionFile(await this.retention.report(user, query), format));
  }
}
