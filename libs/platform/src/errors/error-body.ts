import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'mobile' }) field: string;
  @ApiProperty({ example: '请输入11位中国大陆手机号' }) message: string;
}

/** The one error body every route returns. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: '输入有误，请检查标出的字段' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'extra facts, e.g. the id of an existing record on 409' })
  details?: Record<string, unknown>;
}
