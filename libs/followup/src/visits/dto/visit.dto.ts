import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { VISIT_PROBLEMS } from '../../entities/visit.entity.js';
import type { VisitChannel, VisitProblem } from '../../entities/visit.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const BOOL = { message: '必须是 true 或 false' };
export const STAFF_CHANNELS = ['phone', 'wechat', 'in_person'] as const;

/** A broker's call or visit (就业回访记录). */
export class RecordVisitDto {
  @ApiProperty({ enum: STAFF_CHANNELS, description: 'phone 电话 / wechat 微信 / in_person 上门' })
  @IsIn(STAFF_CHANNELS, { message: '回访方式无效，可选：phone（电话）、wechat（微信）、in_person（上门）' })
  channel: Exclude<VisitChannel, 'self_check_in'>;
  @ApiProperty({ description: '是否仍在岗' }) @IsBoolean(BOOL) stillEmployed: boolean;
  @ApiPropertyOptional({ description: '工资是否按时发放' }) @IsOptional() @IsBoolean(BOOL) wagePaidOnTime?: boolean;
  @ApiPropertyOptional({ example: 5800, description: '月工资（元）' })
  @IsOptional() @IsInt({ message: '月工资必须是整数（元）' }) @Min(0, { message: '月工资不能为负' }) @Max(100000, { message: '月工资不超过100000元' })
  monthlyWage?: number;
  @ApiPropertyOptional({ example: 60, description: '每周工作小时' })
  @IsOptional() @IsInt({ message: '工时必须是整数' }) @Min(0, { message: '工时不能为负' }) @Max(112, { message: '每周工时不超过112小时' })
  hoursPerWeek?: number;
  @ApiPropertyOptional({ description: '住宿是否满意' }) @IsOptional() @IsBoolean(BOOL) housingOk?: boolean;
  @ApiPropertyOptional({ description: '伙食是否满意' }) @IsOptional() @IsBoolean(BOOL) foodOk?: boolean;
  @ApiPropertyOptional({ enum: VISIT_PROBLEMS, isArray: true, description: 'wage_arrears 欠薪 / injury 工伤 / conflict 矛盾纠纷 / homesick 想家 / family 家庭原因' })
  @IsOptional() @IsArray({ message: '问题须为数组' }) @ArrayMaxSize(5)
  @IsIn(VISIT_PROBLEMS, { each: true, message: '问题无效，可选：wage_arrears（欠薪）、injury（工伤）、conflict（矛盾纠纷）、homesick（想家）、family（家庭原因）' })
  problems?: VisitProblem[];
  @ApiPropertyOptional({ description: '是否有离职意向' }) @IsOptional() @IsBoolean(BOOL) intentToLeave?: boolean;
  @ApiPropertyOptional({ example: '车间主任反映表现很好' })
  @IsOptional() @Transform(trim) @IsString({ message: '备注必须是文字' }) @MaxLength(1000, { message: '备注不超过1000字' })
  notes?: string;
}

export const CHECK_IN_ANSWERS = ['ok', 'need_help'] as const;

/** 务工人员自助报平安: "all good" or "I need help". */
export class SelfCheckInDto {
  @ApiProperty({ enum: CHECK_IN_ANSWERS, description: 'ok 一切都好 / need_help 需要帮助' })
  @IsIn(CHECK_IN_ANSWERS, { message: '请选择“一切都好”或“需要帮助”' })
  answer: 'ok' | 'need_help';
  @ApiPropertyOptional({ example: '这个月工资还没发' })
  @IsOptional() @Transform(trim) @IsString({ message: '说明必须是文字' }) @MaxLength(500, { message: '说明不超过500字' })
  note?: string;
}

export class VisitDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiPropertyOptional() followUpId?: string;
  @ApiPropertyOptional({ description: '本次回访完成的是第几天的回访' }) followUpDay?: number;
  @ApiProperty() channel: VisitChannel;
  @ApiProperty() stillEmployed: boolean;
  @ApiPropertyOptional() wagePaidOnTime?: boolean;
  @ApiPropertyOptional() monthlyWage?: number;
  @ApiPropertyOptional() hoursPerWeek?: number;
  @ApiPropertyOptional() housingOk?: boolean;
  @ApiPropertyOptional() foodOk?: boolean;
  @ApiProperty() problems: VisitProblem[];
  @ApiProperty() intentToLeave: boolean;
  @ApiProperty() needsHelp: boolean;
  @ApiProperty() notes: string;
  @ApiProperty() visitedAt: string;
  @ApiPropertyOptional({ description: '本次回访触发或更新的帮扶工单' }) caseId?: string;
  @ApiProperty({ description: '触发的风险' }) risks: string[];
}
