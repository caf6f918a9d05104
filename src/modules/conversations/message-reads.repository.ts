import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conversationById } from './conversation-by-id.js';
import { MESSAGE_SEARCH_VECTOR } from './message-search.js';
import { PreparedStatements } from './prepared-statements.js';
import { MESSAGE_COLUMNS, type MessageRow } from './messages.repository.js';

/** Who may read: the owner, or anyone when the conversation is public. */
export type ReadScope = { ownerId: string } | { publicOnly: true };

export interface HistoryWindow {
  direction: 'forward' | 'backward';
  /** Exclusive bound: an id (whole history) or a depth from the leaf (branch). */
  bound: string | number | null;
  /** Rows to fetch (the page size plus one, to know whether more exist). */
  take: number;
  /** Only messages whose context contains these pairs (served by ix_messages_context). */
  context?: Record<string, string> | null;
}

/** `found`: false when the conversation is not readable in this scope (or the leaf not in it). */
export interface HistoryRows {
  found: boolean;
  rows: (MessageRow & { depth?: number })[];
}

export interface SearchRow extends MessageRow {
  rank: number;
}

function scopeSql(scope: ReadScope, param: string): string {
  return 'ownerId' in scope ? `c.user_id = ${param}::uuid` : `c.visibility = 'public'`;
}

/**
 * History reads. Each page is one statement: the conversation check joins the
 * page, so a page of a conversation the caller may not read comes back empty
 * of conversation rows, with no second round trip.
 */
@Injectable()
export class MessageReadsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedStatements,
  ) {}

  async page(conversationId: string, scope: ReadScope, w: HistoryWindow): Promise<HistoryRows> {
    const forward = w.direction === 'forward';
    const params: unknown[] = [conversationId, w.take];
    if ('ownerId' in scope) params.push(scope.ownerId);
    let bound = '';
    if (w.bound !== null) {
      params.push(w.bound);
      bound = `AND m.id ${forward ? '>' : '<'} $${params.length}::uuid`;
    }
    const filtered = Boolean(w.context && Object.keys(w.context).length);
    // Filtered, the conversation is named by its parameter so that the planner weighs this
    // conversation's own row count against the context index (ix_messages_context).
    if (filtered) {
      params.push(JSON.stringify(w.context));
      bound += ` AND m.context @> $${params.length}::jsonb`;
    }
    const name = `history_${w.direction}_${w.bound === null ? 'start' : 'cursor'}_${'ownerId' in scope ? 'owner' : 'public'}${filtered ? '_context' : ''}`;
    const rows = await this.prepared.query<MessageRow & { readable: string }>(
      name,
      `SELECT c.id AS readable, page.* FROM ${conversationById('$1')} c
       LEFT JOIN LATERAL (
         SELECT ${prefixed('m')} FROM app.messages m
         WHERE m.conversation_id = ${filtered ? '$1::uuid' : 'c.id'} ${bound}
         ORDER BY m.id ${forward ? 'ASC' : 'DESC'} LIMIT $2
       ) page ON true
       WHERE ${scopeSql(scope, '$3')}`,
      params,
    );
    return { found: rows.length > 0, rows: rows.filter((r) => r.id !== null) };
  }

  /**
   * The branch ending at `leafId`: walked from the leaf up through parent_id,
   * numbered by depth (leaf 0), so the page order does not depend on ids.
   */
  async branchPage(
    conversationId: string,
    scope: ReadScope,
    leafId: string,
    w: HistoryWindow,
  ): Promise<HistoryRows> {
    const forward = w.direction === 'forward';
    const params: unknown[] = [conversationId, w.take, leafId];
    if ('ownerId' in scope) params.push(scope.ownerId);
    let bound = '';
    if (w.bound !== null) {
      params.push(w.bound);
      bound = `WHERE path.depth ${forward ? '<' : '>'} $${params.length}::int`;
    }
    const rows = (await this.db.query(
      `WITH RECURSIVE conv AS (
         SELECT c.id FROM ${conversationById('$1')} c WHERE ${scopeSql(scope, '$4')}
       ), path AS (
         SELECT ${prefixed('m')}, 0 AS depth FROM app.messages m JOIN conv ON m.conversation_id = conv.id
         WHERE m.id = $3::uuid
         UNION ALL
         SELECT ${prefixed('p')}, path.depth + 1 FROM app.messages p JOIN path ON p.id = path.parent_id
       )
       SELECT conv.id AS readable, EXISTS (SELECT 1 FROM path) AS leaf_found, page.*
       FROM conv LEFT JOIN LATERAL (
         SELECT * FROM path ${bound} ORDER BY path.depth ${forward ? 'DESC' : 'ASC'} LIMIT $2
       ) page ON true`,
      params,
    )) as (MessageRow & { readable: string; leaf_found: boolean; depth: number })[];
    return {
      found: rows.length > 0 && rows[0]!.leaf_found,
      rows: rows.filter((r) => r.id !== null),
    };
  }

  /** Full-text search over the owner's messages, best first; ties by newest. */
  async search(
    ownerId: string,
    query: string,
    after: { rank: number; id: string } | null,
    take: number,
  ): Promise<SearchRow[]> {
    const params: unknown[] = [ownerId, query, take];
    let bound = '';
    if (after) {
      params.push(after.rank, after.id);
      bound = `AND (ts_rank(${MESSAGE_SEARCH_VECTOR}, q)::float8, m.id) < ($4::float8, $5::uuid)`;
    }
    return (await this.db.query(
      `SELECT ${prefixed('m')}, ts_rank(${MESSAGE_SEARCH_VECTOR}, q)::float8 AS rank
       FROM app.messages m
       JOIN app.conversations c ON c.id = m.conversation_id,
       websearch_to_tsquery('simple'::regconfig, $2) q
       WHERE c.user_id = $1::uuid AND (${MESSAGE_SEARCH_VECTOR}) @@ q ${bound}
       ORDER BY rank DESC, m.id DESC LIMIT $3`,
      params,
    )) as SearchRow[];
  }
}

function prefixed(alias: string): string {
  return MESSAGE_COLUMNS.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');
}
