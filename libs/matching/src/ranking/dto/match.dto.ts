import { MATCH_WEIGHT_KEYS } from '@daogang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { HARD_RULES } from '../scoring.js';

export class CandidateQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '条数必须是整数' }) @Min(1, { message: '条数至少为1' }) @Max(200, { message: '每次最多200人' })
  limit = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1000, description: '跳过排名靠前的人数（翻页）' })
  @IsOptional() @Type(() => Number) @IsInt({ message: '偏移量必须是整数' }) @Min(0, { message: '偏移量不能为负' }) @Max(1000, { message: '偏移量不超过1000' })
  offset = 0;
}

export class JobMatchQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '条数必须是整数' }) @Min(1, { message: '条数至少为1' }) @Max(100, { message: '每次最多100个岗位' })
  limit = 20;
}

export class ScorePartDto {
  @ApiProperty({ enum: MATCH_WEIGHT_KEYS }) key: string;
  @ApiProperty({ example: '技能' }) label: string;
  @ApiProperty({ example: 13.3, description: '得分（保留一位小数）' }) points: number;
  @ApiProperty({ example: 20, description: '该项满分' }) maxPoints: number;
  @ApiProperty({ example: '技能匹配 2/3（电焊、叉车）' }) explanation: string;
}

export class ExcludedCountsDto {
  @ApiProperty({ description: '已有录用（已接受、已录用、已到岗）' }) placed: number;
  @ApiProperty({ description: '就业状态不在推荐范围' }) status: number;
  @ApiProperty({ description: '缺少要求的证书' }) certificates: number;
  @ApiProperty({ description: '年龄不符（岗位要求或法定劳动年龄）' }) age: number;
  @ApiProperty({ description: '重度残疾且岗位未标明适合残疾人' }) accessibility: number;
}

export class CurrentApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'offered' }) status: string;
  @ApiProperty({ example: '已发录用意向' }) statusZh: string;
}

export class CandidateWorkerDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '企业看到的是脱敏姓名', example: '马**' }) name: string;
  @ApiProperty() age: number;
  @ApiProperty({ enum: ['M', 'F'] }) sex: 'M' | 'F';
  @ApiProperty({ example: '622925' }) homeCountyCode: string;
  @ApiProperty({ example: '临夏回族自治州和政县' }) homeCounty: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ example: '意向：电子厂、普工；福建省；期望月薪4500元起；愿意外出；2027-02-20可到岗' }) wishes: string;
}

export class CandidateDto {
  @ApiProperty({ example: 1 }) rank: number;
  @ApiProperty({ example: 78.4, description: '匹配分 0–100' }) score: number;
  @ApiProperty({ type: [ScorePartDto] }) parts: ScorePartDto[];
  @ApiProperty({ type: CandidateWorkerDto }) worker: CandidateWorkerDto;
  @ApiPropertyOptional({ type: CurrentApplicationDto, description: '该务工人员对此岗位最近一次报名（如有）' }) application?: CurrentApplicationDto;
}

export class CandidatePageDto {
  @ApiProperty() jobOrderId: string;
  @ApiProperty({ type: [CandidateDto] }) items: CandidateDto[];
  @ApiProperty({ description: '范围内通过全部硬性条件的人数' }) total: number;
  @ApiProperty({ description: '范围内的劳动力人数（筛选前）' }) considered: number;
  @ApiProperty({ type: ExcludedCountsDto, description: `被排除的人数，按首个不满足的条件计（顺序：${HARD_RULES.join('、')}）` }) excluded: ExcludedCountsDto;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: '排序耗时（毫秒）' }) tookMs: number;
}

export class MatchedJobDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() category: string;
  @ApiProperty({ example: '福建省 厦门市 集美区' }) workPlace: string;
  @ApiProperty({ example: '350211' }) workCountyCode: string;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty() startDate: string;
  @ApiProperty() placesLeft: number;
  @ApiProperty() accessible: boolean;
  @ApiProperty() trainingOffered: boolean;
}

export class JobMatchDto {
  @ApiProperty() rank: number;
  @ApiProperty({ example: 78.4 }) score: number;
  @ApiProperty({ type: [ScorePartDto] }) parts: ScorePartDto[];
  @ApiProperty({ type: MatchedJobDto }) job: MatchedJobDto;
  @ApiPropertyOptional({ type: CurrentApplicationDto }) application?: CurrentApplicationDto;
}

export class WorkerUnavailableDto {
  @ApiProperty({ enum: ['placed', 'status'] }) rule: string;
  @ApiProperty({ example: '已有录用（已接受、已录用或已到岗）' }) reason: string;
}

export class JobMatchPageDto {
  @ApiProperty() workerId: string;
  @ApiProperty({ type: [JobMatchDto] }) items: JobMatchDto[];
  @ApiProperty({ description: '通过全部硬性条件的岗位数' }) total: number;
  @ApiProperty({ description: '招聘中且有空余名额的岗位数（筛选前）' }) considered: number;
  @ApiProperty({ type: ExcludedCountsDto }) excluded: ExcludedCountsDto;
  @ApiPropertyOptional({ type: WorkerUnavailableDto, description: '务工人员本人不满足推荐条件时说明原因（此时没有推荐岗位）' })
  unavailable?: WorkerUnavailableDto;
}
