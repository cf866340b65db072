import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from './domain-error.js';

/** A route parameter that must be a UUID; anything else is a 400 naming the field, never a database error. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      version: 'all',
      exceptionFactory: () => new ValidationFailedError([{ field: name, message: '编号格式不正确（应为 UUID）' }]),
    }),
  );
