import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import { toProblem } from './problem.filter.js';

describe('toProblem', () => {
  it('maps a domain error through the code table', () => {
    const { problem } = toProblem(new DomainError(ErrorCode.Conflict, 'taken', { field: 'x' }));
    expect(problem).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: 'taken',
      code: 'conflict',
      field: 'x',
    });
    expect(problem.type).toMatch(/\/conflict$/);
  });

  it('turns an unknown route into a route-not-found problem', () => {
    const { problem } = toProblem(new NotFoundException('Cannot GET /v1/nope'));
    expect(problem).toMatchObject({ status: 404, code: 'route-not-found' });
  });

  it('keeps the status of other HTTP exceptions', () => {
    expect(toProblem(new BadRequestException('bad')).problem).toMatchObject({
      status: 400,
      detail: 'bad',
    });
  });

  it('maps body-parser failures', () => {
    expect(toProblem({ type: 'entity.parse.failed' }).problem.status).toBe(400);
    expect(toProblem({ type: 'entity.too.large', limit: 10 }).problem).toMatchObject({
      status: 413,
    });
  });

  it('answers 503 with Retry-After when the database is unreachable', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const { problem, headers } = toProblem(err);
    expect(problem.status).toBe(503);
    expect(headers['Retry-After']).toBe('1');
  });

  it('maps a unique violation to 409 and hides everything else behind 500', () => {
    const unique = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('dup'), { code: '23505' }),
    );
    expect(toProblem(unique).problem.status).toBe(409);
    const { problem } = toProblem(new TypeError('secret internals'));
    expect(problem).toMatchObject({ status: 500, detail: 'An unexpected error occurred.' });
  });
});

describe('toProblem as a backstop for values PostgreSQL refuses', () => {
  const failed = (code: string) =>
    new QueryFailedError('INSERT', [], Object.assign(new Error('refused'), { code }));

  it.each(['22P05', '22021', '23502'])('maps SQLSTATE %s to a 400 validation problem', (code) => {
    expect(toProblem(failed(code)).problem).toMatchObject({
      status: 400,
      code: 'validation-failed',
    });
  });
});
