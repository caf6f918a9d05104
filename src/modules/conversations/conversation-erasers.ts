import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What another module keeps for a conversation and must erase with it (the
 * artifacts module's references). It runs inside the erase's transaction, before
 * the conversation row goes, and its count joins the receipt under `table`.
 */
export interface ConversationEraser {
  /** Schema-qualified table the receipt counts, e.g. `app.artifacts`. */
  readonly table: string;
  erase(conversationId: string, manager: EntityManager): Promise<number>;
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

  async eraseAll(conversationId: string, manager: EntityManager): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    for (const eraser of this.erasers) {
      removed[eraser.table] = await eraser.erase(conversationId, manager);
    }
    return removed;
  }
}
