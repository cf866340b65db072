import { Controller, Get, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto, Public, ValidationFailedError } from '@daogang/platform';
import { PairingDto, RegionDetailDto, RegionListDto, RegionQueryDto } from './dto/region.dto.js';
import { REGION_CODE } from './region.js';
import { RegionsService } from './regions.service.js';
import { pairingList, regionDetail, regionList } from './regions.view.js';

/** A route parameter that must be a six-digit GB/T 2260 code; anything else is a 400 naming the field. */
class RegionCodePipe implements PipeTransform<unknown, string> {
  constructor(private readonly field: string) {}
  transform(value: unknown): string {
    if (typeof value !== 'string' || !REGION_CODE.test(value)) {
      throw new ValidationFailedError([{ field: this.field, message: '地区编码应为6位数字' }]);
    }
    return value;
  }
}
const RegionCodeParam = (name: string) => Param(name, new RegionCodePipe(name));

/** Reference data: the divisions and the east–west pairings. Public, read-only. */
@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '地区列表与搜索：带 q 按中文名或拼音搜索；不带 q 列出 parent 的下一级（无 parent 时为省级）' })
  @ApiOkResponse({ type: RegionListDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'parent 不存在' })
  list(@Query() query: RegionQueryDto): RegionListDto {
    return regionList(this.regions, query);
  }

  @Get('pairings')
  @Public()
  @ApiOperation({ summary: '东西部协作结对关系（2016年国家结对名单及其下的县区结对）' })
  @ApiOkResponse({ type: [PairingDto] })
  pairings(): PairingDto[] {
    return pairingList(this.regions);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: '单个地区：上级链、中心点（县级）与东西部协作结对' })
  @ApiParam({ name: 'code', example: '622925', description: '6位地区编码（GB/T 2260）' })
  @ApiOkResponse({ type: RegionDetailDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(@RegionCodeParam('code') code: string): RegionDetailDto {
    return regionDetail(this.regions, code);
  }
}
