import { ValidationFailedError } from '@daogang/platform';

/**
 * `@IsOptional()` lets `null` through as well as a missing field; a column that cannot be empty must not receive it
 * (that would be a database error, a 500). Refuses null in every field but those that may be cleared.
 */
export function refuseNulls(dto: object, labels: Record<string, string>, clearable: string[] = []): void {
  const errors = Object.entries(dto)
    .filter(([field, value]) => value === null && !clearable.includes(field))
    .map(([field]) => ({ field, message: `${labels[field] ?? field}不能为 null，不修改请不传该字段` }));
  if (errors.length) throw new ValidationFailedError(errors);
}
