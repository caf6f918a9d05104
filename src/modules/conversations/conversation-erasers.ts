import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  emptyOutcome,
  mergeOutcome,
  type EraseOutcome,
  type OutsideStep,
  type PartialCounts,
} from '../../platform/erasure/erase-counts.js';

/** What a conversation eraser removed: rows, or rows with store counts and later steps. */
export type ConversationEraseResult =
  | number
  | {
      rows: number;
      /** Rows of other tables it removed too. */
      removed?: Record<string, number>;
      counts?: PartialCounts;
      outside?: OutsideStep[];
    };

/**
 * What another module keeps for a conversation and must erase with it (the
 * artifacts module's references). It runs inside the erase's transaction, before
 * the conversation row goes, and its count joins the receipt under `table`;
 * what it keeps outside the database is cleared by `outside` steps after the commit.
 */
export interface ConversationEraser {
  /** Schema-qualified table the receipt counts, e.g. `app.artifacts`. */
  readonly table: string;
  erase(conversationId: string, manager: EntityManager): Promise<ConversationEraseResult>;
}

/**
 * Where modules that depend on conversations register their erasers, so that
 * the erase reaches their data without this module importing theirs.
 */
@Injectable()
export class ConversationErasers {
  private readonly erasers: ConversationEraser[] = [];

  register(eraser: ConversationEraser): void {
    if (this.erasers.some((e) => e.table === eraser.table)) {
      throw new Error(`a conversation eraser for ${eraser.table} is already registered`);
    }
    this.erasers.push(eraser);
  }

  async eraseAll(conversationId: string, manager: EntityManager): Promise<EraseOutcome> {
    const outcome = emptyOutcome();
    for (const eraser of this.erasers) {
      const result = await eraser.erase(conversationId, manager);
      const rows = typeof result === 'number' ? result : result.rows;
      mergeOutcome(outcome, { removed: { [eraser.table]: rows } });
      if (typeof result !== 'number') mergeOutcome(outcome, result);
    }
    return outcome;
  }
}
