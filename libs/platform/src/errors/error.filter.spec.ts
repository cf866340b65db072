import { ErrorFilter } from './error.filter.js';
import { ConflictError, ValidationFailedError } from './domain-error.js';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('ErrorFilter.toBody', () => {
  const filter = new ErrorFilter();

  it('maps domain errors through their code', () => {
    expect(filter.toBody(new ValidationFailedError([{ field: 'a', message: 'b' }]))).toMatchObject({ statusCode: 400, errors: [{ field: 'a', message: 'b' }] });
    expect(filter.toBody(new ConflictError('冲突', { currentVersion: 3 }))).toEqual({ statusCode: 409, code: 'CONFLICT', message: '冲突', details: { currentVersion: 3 } });
  });

  it('maps search errors: a refused query is a 400, an engine away or an index being built a 503', () => {
    expect(filter.toBody(named('SearchQueryError', 'unknown filter field x'))).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(filter.toBody(named('SearchEngineError'))).toMatchObject({ statusCode: 503 });
    expect(filter.toBody(named('SearchIndexNotFoundError'))).toMatchObject({ statusCode: 503 });
  });

  it('maps lost database connections to 503 and anything unknown to a 500 that says nothing internal', () => {
    expect(filter.toBody(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toMatchObject({ statusCode: 503 });
    expect(filter.toBody(new Error('boom: secret internals'))).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后再试' });
  });
});
