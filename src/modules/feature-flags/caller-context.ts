import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../auth/auth-context.js';
import { SessionsService } from '../auth/sessions.service.js';
import { FeatureFlagsService } from './feature-flags.service.js';
import type { EvaluationContext } from './targeting.js';

/** The targeting attributes of an HTTP caller: none when anonymous. */
@Injectable()
export class CallerContext {
  constructor(
    private readonly flags: FeatureFlagsService,
    private readonly sessions: SessionsService,
  ) {}

  async of(caller: AuthContext | null): Promise<EvaluationContext> {
    if (!caller) return {};
    const session = await this.sessions.state(caller.sessionId);
    return this.flags.contextFor(caller.userId, { origin: session?.origin ?? null });
  }
}
