import { ErrorCode } from '../../../platform/http/error-codes.js';
import { compileFilter } from './metadata-filter.js';

describe('compileFilter', () => {
  it('is TRUE without a filter', () => {
    expect(compileFilter(undefined, 'c', 3)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('turns plain values into one containment, bound as JSON', () => {
    const f = compileFilter({ grade: 7, tags: ['a'] }, 'c', 3);
    expect(f.sql).toBe('c.metadata @> $3::jsonb');
    expect(f.params).toEqual([JSON.stringify({ grade: 7, tags: ['a'] })]);
  });

  it('binds keys and values of conditions, never inlining them', () => {
    const key = "x'; DROP TABLE rag.chunks; --";
    expect(() => compileFilter({ [key]: { in: [1] } }, 'c', 1)).toThrow();
    const f = compileFilter(
      { topic: { in: ["o'brien", 'b'] }, year: { gt: 2020, lt: 2030 }, lang: { not_in: ['de'] } },
      'c',
      5,
    );
    expect(f.sql).not.toContain("o'brien");
    expect(f.sql).not.toContain('2020');
    expect(f.sql).not.toContain('topic');
    expect(f.params).toEqual([
      'topic',
      JSON.stringify(["o'brien", 'b']),
      'year',
      '2020',
      'year',
      '2030',
      'lang',
      JSON.stringify(['de']),
    ]);
    expect(f.sql).toContain('$12::jsonb');
    expect(f.sql.match(/\$\d+/g)!.every((p) => Number(p.slice(1)) >= 5)).toBe(true);
  });

  it('treats an object with other keys as a value to contain', () => {
    const f = compileFilter({ author: { name: 'Ada', in: 'x' } }, 'c', 1);
    expect(f.sql).toBe('c.metadata @> $1::jsonb');
  });

  it.each([
    [{ k: { in: [] } }, 'list'],
    [{ k: { in: 'a' } }, 'list'],
    [{ k: { in: [{ a: 1 }] } }, 'plain values'],
    [{ k: { lt: true } }, 'number or a string'],
    [{ k: { gt: null } }, 'number or a string'],
    [{ 'bad key': 1 }, 'not a metadata key'],
    [Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])), 'at most'],
  ])('refuses %j with a validation error', (filter, message) => {
    try {
      compileFilter(filter as Record<string, unknown>, 'c', 1);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(JSON.stringify((err as { extensions: unknown }).extensions)).toContain(message);
    }
  });
});
