import { DomainError } from './domain-error.js';
import { decodeCursor, encodeCursor, pageLimit, toPage, type CursorField } from './pagination.js';

describe('keyset pagination helper', () => {
  const rows = Array.from({ length: 6 }, (_, i) => ({ id: `id-${i}`, at: `2026-01-0${i + 1}` }));

  const ID = '0190a5b4-0000-7000-8000-000000000001';
  const AT = '2026-01-02T03:04:05.678Z';
  const SHAPE = ['timestamp', 'uuid'] as const;

  it('round-trips a cursor and keeps it opaque', () => {
    const cursor = encodeCursor([AT, ID]);
    expect(cursor).not.toContain('2026');
    expect(decodeCursor(cursor, SHAPE)).toEqual([AT, ID]);
  });

  it('checks each value against its kind', () => {
    const pg = '2026-01-02 03:04:05.123456+00';
    expect(
      decodeCursor(encodeCursor(['rank', 0.25, pg, 3]), [
        { tag: 'rank' },
        'number',
        'pg-timestamp',
        'count',
      ] as const),
    ).toEqual(['rank', 0.25, pg, 3]);
    expect(decodeCursor(encodeCursor(['a.b']), [{ pattern: /^[a-z.]+$/ }])).toEqual(['a.b']);
  });

  it.each<[string, unknown[]]>([
    ['nulls', [null, null]],
    ['one value', [AT]],
    ['three values', [AT, ID, ID]],
    ['an object', [{}, ID]],
    ['a date, not an instant', ['2026-01-02', ID]],
    ['an impossible instant', ['2026-02-30T03:04:05.678Z', ID]],
    ['a number for a timestamp', [Date.now(), ID]],
    ['not a uuid', [AT, 'id-1']],
  ])('rejects a cursor of the wrong shape: %s', (_label, values) => {
    expect(() => decodeCursor(encodeCursor(values as never), SHAPE)).toThrow(DomainError);
  });

  it.each<[string, unknown[], CursorField[]]>([
    ['another tag', ['leaf', 1], [{ tag: 'message' }, 'count']],
    ['a negative count', ['leaf', -1], [{ tag: 'leaf' }, 'count']],
    ['a fractional count', ['leaf', 1.5], [{ tag: 'leaf' }, 'count']],
    ['an impossible timestamptz', ['2026-13-01 00:00:00+00'], ['pg-timestamp']],
    ['a timestamptz past midnight', ['2026-01-01 24:00:00+00'], ['pg-timestamp']],
    ['a string for a number', ['1'], ['number']],
    ['a string out of pattern', ['a b'], [{ pattern: /^[a-z]+$/ }]],
  ])('rejects a value not of its kind: %s', (_label, values, shape) => {
    expect(() => decodeCursor(encodeCursor(values as never), shape)).toThrow(DomainError);
  });

  it.each([
    ['not base64 json', 'not base64 json!'],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['padding', `${encodeCursor([AT, ID])}=`],
    ['bytes appended', `${encodeCursor([AT, ID])}!!`],
    ['spaces in the JSON', Buffer.from(JSON.stringify([AT, ID], null, 1)).toString('base64url')],
  ])('rejects a cursor it did not write: %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, SHAPE)).toThrow(DomainError);
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
    expect(JSON.parse(Buffer.from(page.next_cursor!, 'base64url').toString())).toEqual([
      '2026-01-05',
      'id-4',
    ]);
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
