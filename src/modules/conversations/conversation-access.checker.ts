import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { CONVERSATION, ConversationsService } from './conversations.service.js';

/** `@Access('conversation')`: the caller's own conversations only. */
@AccessChecker()
@Injectable()
export class ConversationAccessChecker implements ResourceChecker {
  readonly kind = CONVERSATION;
  readonly name = 'Conversation';

  constructor(private readonly conversations: ConversationsService) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.conversations.isOwner(userId, id);
  }
}
