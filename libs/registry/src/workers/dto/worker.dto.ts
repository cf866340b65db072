import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CertificateDto, DisabilityDto, TrainingDto } from './worker-input.dto.js';
import { EmploymentStatus } from '../employment-status.js';

export class WorkerDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: '未授权角色看到脱敏值', example: '622925********123X' }) idNumber: string;
  @ApiProperty({ description: '是否为完整值（已写入访问审计）' }) unmasked: boolean;
  @ApiProperty({ example: '1990-03-15' }) birthDate: string;
  @ApiProperty() age: number;
  @ApiProperty({ enum: ['M', 'F'] }) sex: 'M' | 'F';
  @ApiPropertyOptional({ example: '139****0001' }) mobile?: string;
  @ApiProperty() mobileVerified: boolean;
  @ApiPropertyOptional() householdId?: string;
  @ApiPropertyOptional() householdNo?: string;
  @ApiProperty() homeCountyCode: string;
  @ApiProperty() township: string;
  @ApiProperty() village: string;
  @ApiProperty() registeredPoor: boolean;
  @ApiPropertyOptional({ type: DisabilityDto }) disability?: DisabilityDto;
  @ApiPropertyOptional() education?: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() skillsNote: string;
  @ApiProperty({ type: [CertificateDto] }) certificates: CertificateDto[];
  @ApiProperty({ type: [TrainingDto] }) trainings: TrainingDto[];
  @ApiProperty({ type: [String] }) wishCategories: string[];
  @ApiProperty({ type: [String] }) wishProvinces: string[];
  @ApiProperty({ type: [String] }) wishCities: string[];
  @ApiPropertyOptional() minMonthlyWage?: number;
  @ApiProperty() wantsToMove: boolean;
  @ApiProperty() wantsTraining: boolean;
  @ApiProperty() wantsBusiness: boolean;
  @ApiPropertyOptional() availableFrom?: string;
  @ApiProperty({ enum: EmploymentStatus }) employmentStatus: EmploymentStatus;
  @ApiProperty({ example: '未就业' }) employmentStatusName: string;
  @ApiProperty() statusChangedAt: string;
  @ApiProperty() emergencyContactName: string;
  @ApiPropertyOptional() emergencyContactMobile?: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) completeness: number;
  @ApiProperty({ type: [String], example: ['手机号（未核实）', '文化程度（未填写）'] }) missingFields: string[];
  @ApiProperty() updatedAt: string;
}

export class WorkerSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '622925********123X' }) idNumber: string;
  @ApiProperty() sex: 'M' | 'F';
  @ApiProperty() age: number;
  @ApiPropertyOptional({ example: '139****0001' }) mobile?: string;
  @ApiProperty() homeCountyCode: string;
  @ApiProperty() township: string;
  @ApiProperty() village: string;
  @ApiProperty() registeredPoor: boolean;
  @ApiProperty({ enum: EmploymentStatus }) employmentStatus: EmploymentStatus;
  @ApiProperty() employmentStatusName: string;
  @ApiProperty({ type: [String] }) wishCategories: string[];
  @ApiProperty() completeness: number;
  @ApiPropertyOptional() householdId?: string;
}

export class WorkerPageDto {
  @ApiProperty({ type: [WorkerSummaryDto] }) items: WorkerSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StatusChangeDto {
  @ApiPropertyOptional({ enum: EmploymentStatus }) fromStatus?: EmploymentStatus;
  @ApiProperty({ enum: EmploymentStatus }) toStatus: EmploymentStatus;
  @ApiProperty() changedAt: string;
  @ApiPropertyOptional() changedBy?: string;
  @ApiProperty({ enum: ['manual', 'import', 'self', 'placement', 'followup'] }) source: string;
  @ApiProperty() note: string;
}
