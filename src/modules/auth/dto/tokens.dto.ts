import { ApiProperty } from '@nestjs/swagger';
import { SessionOrigin, SessionScope, type AppSession } from '../entities/app-session.entity.js';

export class SessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SessionScope }) scope: SessionScope;
  @ApiProperty({ enum: SessionOrigin }) origin: SessionOrigin;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'ES256 JWT, short-lived' }) access_token: string;
  @ApiProperty({ description: 'Opaque, single use: every refresh returns a new one' })
  refresh_token: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' })
  expires_in: number;
  @ApiProperty({ type: SessionSummaryDto }) session: SessionSummaryDto;
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
