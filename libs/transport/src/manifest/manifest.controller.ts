import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import type { Response } from 'express';
import { ManifestDto } from './dto/manifest.dto.js';
import { ManifestService } from './manifest.service.js';

const READERS = [Role.Coordinator, Role.Admin, Role.Employer, Role.Broker];

@ApiTags('transport')
@ApiBearerAuth()
@Controller('trips')
export class ManifestController {
  constructor(private readonly manifests: ManifestService) {}

  @Get(':id/manifest')
  @Roles(...READERS)
  @ApiOperation({
    summary: '乘车名单（按座位号）：姓名、脱敏身份证号、手机号、上车点及时间、座位、紧急联系人',
    description: '输转协调员和管理员看到完整手机号（记入访问审计）；本车次的用工企业看到脱敏手机号；经纪人只看到所辖县的乘车人。',
  })
  @ApiOkResponse({ type: ManifestDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ManifestDto> {
    return this.manifests.get(user, id);
  }

  @Get(':id/manifest.csv')
  @Roles(...READERS)
  @ApiOperation({ summary: '导出乘车名单 CSV（UTF-8 带 BOM，Excel 直接打开中文不乱码）；可见范围与脱敏同上' })
  @ApiProduces('text/csv')
  async csv(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.manifests.csv(user, id);
    res.setHeader('Content-Disposition', file.contentDisposition);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.content, { type: 'text/csv; charset=utf-8' });
  }
}
