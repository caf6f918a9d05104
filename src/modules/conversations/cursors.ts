import { isUuid } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';

function invalid(): DomainError {
  return new DomainError(ErrorCode.InvalidCursor, 'The cursor is not one this API issued.');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** Cursors carry a tag, so that one issued by another list (or another mode) is refused. */
export const cursors = {
  encode: (tag: string, ...values: (string | number)[]) => encodeCursor([tag, ...values]),

  id(cursor: string, tag: string): string {
    const [t, id] = decodeCursor(cursor, 2);
    if (t !== tag || typeof id !== 'string' || !isUuid(id)) throw invalid();
    return id;
  },

  depth(cursor: string): number {
    const [t, depth] = decodeCursor(cursor, 2);
    if (t !== 'leaf' || typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0) {
      throw invalid();
    }
    return depth;
  },

  activity(cursor: string): { activity: string; id: string } {
    const [t, activity, id] = decodeCursor(cursor, 3);
    if (t !== 'activity' || typeof activity !== 'string' || !TIMESTAMP.test(activity)) {
      throw invalid();
    }
    if (typeof id !== 'string' || !isUuid(id)) throw invalid();
    return { activity, id };
  },

  rank(cursor: string): { rank: number; id: string } {
    const [t, rank, id] = decodeCursor(cursor, 3);
    if (t !== 'rank' || typeof rank !== 'number' || !Number.isFinite(rank)) throw invalid();
    if (typeof id !== 'string' || !isUuid(id)) throw invalid();
    return { rank, id };
  },
};
