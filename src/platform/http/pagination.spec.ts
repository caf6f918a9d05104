import { DomainError } from './domain-error.js';
import { decodeCursor, encodeCursor, pageLimit, toPage } from './pagination.js';

describe('keyset pagination helper', () => {
  const rows = Array.from({ length: 6 }, (_, i) => ({ id: `id-${i}`, at: `2026-01-0${i + 1}` }));

  it('round-trips a cursor and keeps it opaque', () => {
    const cursor = encodeCursor(['2026-01-01', 'id-0']);
    expect(cursor).not.toContain('2026');
    expect(decodeCursor(cursor, 2)).toEqual(['2026-01-01', 'id-0']);
  });

  it.each([
    'not base64 json!',
    encodeCursor(['only-one']),
    Buffer.from('{"a":1}').toString('base64url'),
    encodeCursor([{}] as never),
  ])('rejects a cursor it did not issue: %s', (cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(DomainError);
  });

  it('clamps the limit to 1..100 with a default of 20', () => {
    expect(pageLimit({})).toBe(20);
    expect(pageLimit({ limit: 500 })).toBe(100);
    expect(pageLimit({ limit: 0 })).toBe(1);
  });

  it('uses the extra row only to tell that another page exists', () => {
    const page = toPage(
      rows,
      5,
      (r) => [r.at, r.id],
      (r) => r.id,
    );
    expect(page.data).toEqual(['id-0', 'id-1', 'id-2', 'id-3', 'id-4']);
    expect(decodeCursor(page.next_cursor!, 2)).toEqual(['2026-01-05', 'id-4']);
  });

  it('has no next cursor on the last page', () => {
    expect(
      toPage(
        rows.slice(0, 3),
        5,
        (r) => [r.id],
        (r) => r.id,
      ).next_cursor,
    ).toBeNull();
    expect(
      toPage(
        rows.slice(0, 5),
        5,
        (r) => [r.id],
        (r) => r.id,
      ).next_cursor,
    ).toBeNull();
  });
});
