import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';

/**
 * Cursors carry a tag, so that one issued by another list (or another mode) is
 * refused; every value is checked by the one decoder before it reaches SQL.
 */
export const cursors = {
  encode: (tag: string, ...values: (string | number)[]) => encodeCursor([tag, ...values]),

  id(cursor: string, tag: string): string {
    return decodeCursor(cursor, [{ tag }, 'uuid'])[1];
  },

  depth(cursor: string): number {
    return decodeCursor(cursor, [{ tag: 'leaf' }, 'count'])[1];
  },

  activity(cursor: string): { activity: string; id: string } {
    const [, activity, id] = decodeCursor(cursor, [{ tag: 'activity' }, 'pg-timestamp', 'uuid']);
    return { activity, id };
  },

  rank(cursor: string): { rank: number; id: string } {
    const [, rank, id] = decodeCursor(cursor, [{ tag: 'rank' }, 'number', 'uuid']);
    return { rank, id };
  },
};
