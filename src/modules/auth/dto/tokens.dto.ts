import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SessionOrigin, SessionScope, type AppSession } from '../entities/app-session.entity.js';

export class SessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SessionScope }) scope: SessionScope;
  @ApiProperty({ enum: SessionOrigin }) origin: SessionOrigin;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
}

/** Said once, in the description of every sign-in that merges a guest. */
export const GUEST_MERGE_DESCRIPTION =
  "Sent with a guest's access token (`Authorization: Bearer <guest access token>`), the sign-in " +
  'merges the guest into the account in one transaction: conversations with their messages and ' +
  'chat sessions, memory items, artifacts and uploads, feedback, votes, streams and the rest of ' +
  "what the guest owns move to the account; the guest's sessions are revoked and the guest user " +
  'is removed. Memory items whose namespace and key both hold: the newer `updated_at` wins and ' +
  "the other is dropped (a tie, or an expired item of the guest's, keeps the account's). A vote, collective membership or API key " +
  "the account already holds keeps the account's. The response says what moved in `merged`. " +
  "A token that is not a live guest's (expired, revoked, malformed, a regular account's, or " +
  "the signing-in account's own) does not fail the sign-in: it signs in without a merge and " +
  '`merge_skipped` says why. Without an Authorization header neither field is present.';

export class MergeReceiptDto {
  @ApiProperty({ format: 'uuid', description: 'The guest user, now removed' }) guest_id: string;
  @ApiProperty({ type: 'integer' }) conversations: number;
  @ApiProperty({ type: 'integer', description: 'Messages of the moved conversations' })
  messages: number;
  @ApiProperty({ type: 'integer', description: 'Chat sessions of the moved conversations' })
  chat_sessions: number;
  @ApiProperty({ type: 'integer', description: 'Memory items moved' }) memory_items: number;
  @ApiProperty({
    type: 'integer',
    description: 'Memory items that lost a key conflict (the older updated_at), either side',
  })
  memory_items_dropped: number;
  @ApiProperty({ type: 'integer' }) artifacts: number;
  @ApiProperty({ type: 'integer' }) feedback: number;
  @ApiProperty({ type: 'integer', description: 'Message votes moved' }) votes: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Rows moved per table (`schema.table`), every table that moved any',
  })
  tables: Record<string, number>;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'ES256 JWT, short-lived' }) access_token: string;
  @ApiProperty({ description: 'Opaque, single use: every refresh returns a new one' })
  refresh_token: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' })
  expires_in: number;
  @ApiProperty({ type: SessionSummaryDto }) session: SessionSummaryDto;
  @ApiPropertyOptional({
    type: MergeReceiptDto,
    description: 'Sign-ins only: the guest whose token came with the sign-in was merged',
  })
  merged?: MergeReceiptDto;
  @ApiPropertyOptional({
    enum: ['invalid-token', 'not-a-guest', 'same-account'],
    description: 'Sign-ins only: a token came with the sign-in but nothing was merged, and why',
  })
  merge_skipped?: 'invalid-token' | 'not-a-guest' | 'same-account';
}

export class SessionDto extends SessionSummaryDto {
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) last_active_at: string;
  @ApiProperty({ description: 'The session of this request' }) current: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [
        { type: 'string', nullable: true },
        { type: 'number' },
        { type: 'boolean' },
        {
          type: 'array',
          items: {
            oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
          },
        },
      ],
    },
    description: 'What the client declared in X-Client-Capabilities when the session began',
  })
  capabilities: Record<string, unknown>;

  static from(session: AppSession, currentId: string): SessionDto {
    return {
      id: session.id,
      scope: session.scope,
      origin: session.origin,
      expires_at: session.expiresAt.toISOString(),
      created_at: session.createdAt.toISOString(),
      last_active_at: session.lastActiveAt.toISOString(),
      current: session.id === currentId,
      capabilities: session.capabilities,
    };
  }
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionDto] }) data: SessionDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class AcceptedDto {
  @ApiProperty({ example: 'accepted' }) status: 'accepted';
}
