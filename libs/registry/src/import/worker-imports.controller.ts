import { Controller, Get, HttpCode, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@daogang/platform';
import { CurrentUser, Role, Roles, UuidParam } from '@daogang/platform';
import type { Response } from 'express';
import {
  ImportAcceptedDto, ImportDto, ImportErrorReportDto, ImportErrorsQueryDto, ImportTemplateQueryDto, ImportUploadDto,
} from './dto/import.dto.js';
import { IMPORT_MAX_BYTES } from './upload-check.js';
import type { UploadedFileLike } from './upload-check.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';
import type { DownloadFile } from './worker-imports.service.js';
import { WorkerImportsService } from './worker-imports.service.js';

const KEEPERS = [Role.Broker, Role.Officer, Role.Admin];

/** Multer in memory (the file goes to PostgreSQL next), one file, UTF-8 file names (Chinese names intact). */
const Upload = FileInterceptor('file', {
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 12 },
  defParamCharset: 'utf8',
});

function download(res: Response, file: DownloadFile): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  return new StreamableFile(file.body, { type: file.contentType, length: file.body.length });
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('workers/imports')
export class WorkerImportsController {
  constructor(private readonly imports: WorkerImportsService) {}

  // Declared before ':id' so "template" is never taken for an id.
  @Get('template')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '下载劳动力名单导入模板（中文表头和一行示例；xlsx 另有“填写说明”）' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(@Query() query: ImportTemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return download(res, await this.imports.template(query.format));
  }

  @Post()
  @Roles(...KEEPERS)
  @HttpCode(202)
  @UseInterceptors(UploadErrorsInterceptor, Upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadDto })
  @ApiOperation({ summary: '上传劳动力名单（CSV/XLSX，≤20MB）；后台逐行校验导入，按身份证号更新或新增，可重复导入' })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  create(@CurrentUser() user: AuthUser, @UploadedFile() file: UploadedFileLike | undefined): Promise<ImportAcceptedDto> {
    return this.imports.create(user, file);
  }

  @Get(':id')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '导入进度（已处理行数 / 总行数）与结果计数' })
  @ApiOkResponse({ type: ImportDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ImportDto> {
    return this.imports.get(user, id);
  }

  @Get(':id/errors')
  @Roles(...KEEPERS)
  @ApiOperation({ summary: '错误报告：行号、列、错误说明（format=csv 下载）' })
  @ApiOkResponse({ type: ImportErrorReportDto })
  @ApiProduces('application/json', 'text/csv')
  async errors(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: ImportErrorsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportErrorReportDto | StreamableFile> {
    if (query.format === 'csv') return download(res, await this.imports.errorsCsv(user, id));
    return this.imports.errors(user, id);
  }
}
