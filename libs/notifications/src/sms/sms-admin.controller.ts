import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@daogang/platform';
import { SmsPageDto, SmsQueryDto } from '../dto/sms-message.dto.js';
import { SmsAdminService } from './sms-admin.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/sms')
export class SmsAdminController {
  constructor(private readonly sms: SmsAdminService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '短信发送记录（开发环境下即“短信收件箱”）：内容、模板、脱敏手机号、状态、尝试次数、错误' })
  @ApiOkResponse({ type: SmsPageDto })
  list(@Query() query: SmsQueryDto): Promise<SmsPageDto> {
    return this.sms.list(query);
  }
}
