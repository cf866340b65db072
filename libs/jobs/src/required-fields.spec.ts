import { RegisterEmployerDto } from './employers/dto/employer.dto.js';
import { CreateJobOrderDto } from './job-orders/dto/job-order-input.dto.js';
import { CreateWorkerDto } from '@daogang/registry';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * Create DTOs extend the all-optional field DTOs and re-declare the required fields; an `@IsOptional()` inherited from
 * the parent must not let a missing required field through (it would reach a NOT NULL column as a 500).
 */
describe('required fields of create DTOs', () => {
  const missing = async (cls: new () => object) =>
    (await validate(plainToInstance(cls, {}))).map((e) => e.property).sort();

  it('a job order without its required fields names each of them', async () => {
    expect(await missing(CreateJobOrderDto)).toEqual(expect.arrayContaining(['category', 'headcount', 'startDate', 'title', 'wageMax', 'wageMin']));
  });

  it('an employer and a worker likewise', async () => {
    expect(await missing(RegisterEmployerDto)).toEqual(expect.arrayContaining(['countyCode', 'creditCode', 'name']));
    expect(await missing(CreateWorkerDto)).toEqual(expect.arrayContaining(['homeCountyCode']));
  });
});
