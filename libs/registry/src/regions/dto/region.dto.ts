import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REGION_CODE, REGION_LEVELS } from '../region.js';
import type { RegionLevel } from '../region.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegionQueryDto {
  @ApiPropertyOptional({ description: '中文名（全称、简称、前缀）或拼音（全拼、首字母）', example: 'hezheng' })
  @IsOptional() @Transform(trim) @IsString({ message: '搜索词必须是文本' })
  @MinLength(1, { message: '搜索词不能为空' }) @MaxLength(50, { message: '搜索词不超过50个字符' })
  q?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS })
  @IsOptional() @IsIn(REGION_LEVELS, { message: '级别只能是 province（省）、city（市）或 county（县）' })
  level?: RegionLevel;

  @ApiPropertyOptional({ description: '上级地区编码：不带 q 时列出其下一级，带 q 时只在其范围内搜索', example: '622900' })
  @IsOptional() @Matches(REGION_CODE, { message: '上级地区编码应为6位数字' })
  parent?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: '搜索默认20条；列出下级默认全部' })
  @IsOptional() @Type(() => Number) @IsInt({ message: '条数必须是整数' })
  @Min(1, { message: '条数至少为1' }) @Max(100, { message: '条数最多为100' })
  limit?: number;
}

export class RegionDto {
  @ApiProperty({ example: '622925' }) code: string;
  @ApiProperty({ example: '和政县' }) name: string;
  @ApiProperty({ example: '和政' }) shortName: string;
  @ApiProperty({ enum: REGION_LEVELS, example: 'county' }) level: RegionLevel;
  @ApiPropertyOptional({ example: '622900' }) parentCode?: string;
  @ApiProperty({ example: 'he zheng xian', description: '全拼，无声调，音节以空格分隔，ü 记作 v' }) pinyin: string;
  @ApiProperty({ example: 'hzx' }) initials: string;
  @ApiProperty({ description: '县级单位（含不设区县的地级市，如东莞市）' }) countyLevel: boolean;
  @ApiPropertyOptional({ type: [Number], example: [103.351, 35.4246], description: '中心点 [经度, 纬度]' })
  centre?: number[];
  @ApiPropertyOptional({ description: '中心点为估算值（新设县区或地级市的县均值）' }) approx?: boolean;
}

export class RegionListDto {
  @ApiProperty({ type: [RegionDto] }) items: RegionDto[];
  @ApiProperty({ description: '截断前的匹配总数' }) total: number;
}

export class RegionRefDto {
  @ApiProperty({ example: '350200' }) code: string;
  @ApiProperty({ example: '厦门市' }) name: string;
  @ApiProperty({ enum: REGION_LEVELS }) level: RegionLevel;
}

export class PairingDto {
  @ApiProperty({ example: 'xiamen-linxia' }) id: string;
  @ApiProperty({ type: RegionRefDto, description: '东部（帮扶方）' }) east: RegionRefDto;
  @ApiProperty({ type: RegionRefDto, description: '西部（受帮扶方）' }) west: RegionRefDto;
  @ApiProperty({ type: [RegionRefDto], description: '西部范围中已由其他东部地区结对的部分（不在本条覆盖之内）' })
  except: RegionRefDto[];
  @ApiPropertyOptional({ example: 2010 }) since?: number;
  @ApiPropertyOptional() until?: number;
  @ApiProperty({ description: '出处' }) source: string;
  @ApiProperty({ enum: ['high', 'medium'], description: 'high：国家文件；medium：地方政府或媒体报道' }) confidence: string;
}

export class RegionPairingDto {
  @ApiProperty({ enum: ['west', 'east'], description: '本地区所在的一方' }) side: 'west' | 'east';
  @ApiProperty({ type: RegionRefDto, description: '结对的另一方' }) partner: RegionRefDto;
  @ApiProperty({ type: RegionRefDto, description: '本方在该结对中的范围（本地区或其上级）' }) via: RegionRefDto;
  @ApiProperty({ type: [RegionRefDto], description: '对方范围中不属于本结对的部分' }) except: RegionRefDto[];
  @ApiProperty() pairingId: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: ['high', 'medium'] }) confidence: string;
}

export class RegionDetailDto extends RegionDto {
  @ApiProperty({ type: [RegionRefDto], description: '上级链，省在前（不含本级）' }) ancestors: RegionRefDto[];
  @ApiProperty({ description: '下级地区数' }) childCount: number;
  @ApiProperty({ type: [RegionPairingDto], description: '东西部协作结对（最具体的在前）' }) pairings: RegionPairingDto[];
}
