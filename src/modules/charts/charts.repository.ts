import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Chart } from './entities/chart.entity.js';

const COLUMNS = `ch.id, ch.conversation_id AS "conversationId", ch.message_id AS "messageId",
  ch.title, ch.spec, ch.created_at AS "createdAt"`;

/** Charts, owned through their conversation: every read names the owner. */
@Injectable()
export class ChartsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isOwner(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM app.charts ch JOIN app.conversations c ON c.id = ch.conversation_id
        WHERE ch.id = $1 AND c.user_id = $2`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Inserts the chart if its message (when it names one) is a message of its
   * conversation, checked in the same statement; undefined when it is not.
   */
  async insert(chart: Omit<Chart, 'createdAt'>): Promise<Chart | undefined> {
    const rows = (await this.db.query(
      `INSERT INTO app.charts AS ch (id, conversation_id, message_id, title, spec)
       SELECT $1, $2, $3::uuid, $4, $5::jsonb
        WHERE $3::uuid IS NULL
           OR EXISTS (SELECT 1 FROM app.messages m WHERE m.id = $3::uuid AND m.conversation_id = $2)
       RETURNING ${COLUMNS}`,
      [chart.id, chart.conversationId, chart.messageId, chart.title, JSON.stringify(chart.spec)],
    )) as Chart[];
    return rows[0];
  }

  async findOwned(id: string, userId: string): Promise<Chart | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM app.charts ch JOIN app.conversations c ON c.id = ch.conversation_id
        WHERE ch.id = $1 AND c.user_id = $2`,
      [id, userId],
    )) as Chart[];
    return rows[0];
  }

  /** The caller's charts of a conversation, newest first: a keyset page (one row more than asked). */
  async page(
    conversationId: string,
    userId: string,
    limit: number,
    beforeId?: string,
  ): Promise<Chart[]> {
    const params: unknown[] = [conversationId, userId, limit + 1];
    let where = `ch.conversation_id = $1 AND c.user_id = $2`;
    if (beforeId) {
      params.push(beforeId);
      where += ` AND ch.id < $4`;
    }
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM app.charts ch JOIN app.conversations c ON c.id = ch.conversation_id
        WHERE ${where} ORDER BY ch.id DESC LIMIT $3`,
      params,
    )) as Chart[];
  }

  async deleteOwned(id: string, userId: string): Promise<boolean> {
    const [, count] = (await this.db.query(
      `DELETE FROM app.charts ch USING app.conversations c
        WHERE ch.id = $1 AND c.id = ch.conversation_id AND c.user_id = $2`,
      [id, userId],
    )) as [unknown, number];
    return count > 0;
  }

  async deleteByConversation(conversationId: string, manager: EntityManager): Promise<number> {
    const [, count] = (await manager.query(`DELETE FROM app.charts WHERE conversation_id = $1`, [
      conversationId,
    ])) as [unknown, number];
    return count;
  }
}
