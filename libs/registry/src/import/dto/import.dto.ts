import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportTemplateQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' })
  @IsOptional() @IsIn(['csv', 'xlsx'], { message: '格式只能是 csv 或 xlsx' })
  format: 'csv' | 'xlsx' = 'xlsx';
}

export class ImportErrorsQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv'], { message: '格式只能是 json 或 csv' })
  format: 'json' | 'csv' = 'json';
}

export class ImportUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV（UTF-8 或 GBK）或 XLSX，不超过20MB；表头见导入模板' })
  file: unknown;
}

export class ImportAcceptedDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ description: '同一文件正在导入中：返回的是已有的那次导入' }) duplicate: boolean;
}

export class ImportProgressDto {
  @ApiProperty({ description: '已处理的数据行' }) done: number;
  @ApiPropertyOptional({ description: '数据行总数（计数完成后才有）' }) total?: number;
}

export class ImportCountsDto {
  @ApiProperty({ description: '新登记' }) inserted: number;
  @ApiProperty({ description: '已有档案，有变化' }) updated: number;
  @ApiProperty({ description: '已有档案，无变化' }) unchanged: number;
  @ApiProperty({ description: '有错误未导入的行' }) failed: number;
}

export class ImportDto {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ description: '错误条数（一行可有多条）' }) errorCount: number;
  @ApiProperty({ type: [String], description: '如：未识别的列已忽略' }) warnings: string[];
  @ApiPropertyOptional({ description: '整个文件无法导入的原因' }) error?: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() startedAt?: string;
  @ApiPropertyOptional() finishedAt?: string;
}

export class ImportErrorDto {
  @ApiProperty({ description: '行号（与 Excel 中一致，表头为第1行）' }) row: number;
  @ApiProperty({ description: '列名；空表示整行' }) column: string;
  @ApiProperty() message: string;
}

export class ImportErrorReportDto {
  @ApiProperty({ type: [ImportErrorDto] }) items: ImportErrorDto[];
  @ApiProperty({ description: '发现的错误总数' }) total: number;
  @ApiProperty({ description: '错误过多时只保留前10000条' }) truncated: boolean;
}
