import { QueryFailedError } from 'typeorm';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  pgConstraint,
  pgErrorCode,
  PgErrorCode,
} from './pg-errors.js';

/** What the pg driver throws: an Error with the server's fields on it. */
const driverError = (fields: Record<string, unknown>) =>
  Object.assign(new Error('from the server'), { severity: 'ERROR', ...fields });
const wrapped = (fields: Record<string, unknown>) =>
  new QueryFailedError('INSERT ...', [], driverError(fields));

describe('pg-errors', () => {
  it('reads the SQLSTATE of a driver error, wrapped by TypeORM or not', () => {
    expect(pgErrorCode(wrapped({ code: '23505' }))).toBe('23505');
    expect(pgErrorCode(driverError({ code: '40P01' }))).toBe('40P01');
    expect(pgErrorCode({ driverError: { code: 'XX000' } })).toBe('XX000');
  });

  it('prefers the wrapped driver error to the wrapper', () => {
    const err = Object.assign(new Error('wrapper'), {
      code: '23503',
      driverError: { code: '23505' },
    });
    expect(pgErrorCode(err)).toBe('23505');
  });

  it('answers undefined for anything that is not a database error', () => {
    for (const err of [
      undefined,
      null,
      'boom',
      42,
      new Error('plain'),
      Object.assign(new Error('socket'), { code: 'EPIPE' }),
      Object.assign(new Error('socket'), { code: 'ECONNREFUSED' }),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('net'), { code: 'ECONNRESET' })),
      { code: 23505 },
      { code: '2350' },
      { driverError: null, code: 'not-it' },
    ]) {
      expect(pgErrorCode(err)).toBeUndefined();
    }
  });

  it('names the violated constraint', () => {
    expect(pgConstraint(wrapped({ code: '23505', constraint: 'uq_users_email' }))).toBe(
      'uq_users_email',
    );
    expect(pgConstraint(wrapped({ code: '23505' }))).toBeUndefined();
    expect(pgConstraint({ code: 'EPIPE', constraint: 'uq_users_email' })).toBeUndefined();
  });

  it('tells unique and foreign key violations apart, optionally of one constraint', () => {
    const dup = wrapped({ code: PgErrorCode.UniqueViolation, constraint: 'uq_users_email' });
    const fk = wrapped({ code: PgErrorCode.ForeignKeyViolation, constraint: 'fk_messages_conv' });
    expect(isUniqueViolation(dup)).toBe(true);
    expect(isUniqueViolation(dup, 'uq_users_email')).toBe(true);
    expect(isUniqueViolation(dup, 'uq_other')).toBe(false);
    expect(isUniqueViolation(fk)).toBe(false);
    expect(isForeignKeyViolation(fk)).toBe(true);
    expect(isForeignKeyViolation(fk, 'fk_messages_conv')).toBe(true);
    expect(isForeignKeyViolation(fk, 'fk_other')).toBe(false);
    expect(isForeignKeyViolation(dup)).toBe(false);
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
  });
});
