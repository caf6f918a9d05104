import { CheckpointsRepository } from './checkpoints.repository.js';
import { ConversationEraseService } from './erase.service.js';
import {
  ErasesUserData,
  eraseColumns,
  mergeOutcome,
  type ErasedColumns,
  type OutsideStep,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * A user's conversations go first, each as `DELETE /v1/conversations/{id}`
 * erases it (messages, votes, sessions, the agent's checkpoints, and what other
 * modules registered); then what the user left in conversations of others.
 */
@ErasesUserData({ order: 10 })
export class ConversationUserErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'app.conversations', column: 'user_id', action: 'delete' },
    { table: 'app.feedback', column: 'user_id', action: 'delete' },
    { table: 'app.message_votes', column: 'user_id', action: 'delete' },
  ];

  constructor(
    private readonly conversations: ConversationEraseService,
    private readonly checkpoints: CheckpointsRepository,
  ) {}

  async erase(userId: string, { manager }: UserEraseContext) {
    const outcome = await this.conversations.eraseAllOf(userId, manager);
    const threadIds = outcome.threadIds;
    mergeOutcome(outcome, { removed: await eraseColumns(manager, this.columns, userId) });
    const checkpointsLeft: OutsideStep = {
      what: 'agent checkpoints',
      run: () => Promise.resolve({}),
      verify: async () => ({ checkpoints: await this.checkpoints.countThreads(threadIds) }),
    };
    return mergeOutcome(outcome, { outside: [checkpointsLeft] });
  }
}
