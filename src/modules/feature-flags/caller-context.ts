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

  /** The session is still one the auth guard would let through. */
  async isLive(caller: AuthContext): Promise<boolean> {
    const state = await this.sessions.state(caller.sessionId);
    return Boolean(
      state &&
      !state.revoked &&
      state.userActive &&
      new Date(state.expiresAt).getTime() > Date.now() &&
      caller.exp * 1000 > Date.now(),
    );
  }

  async of(caller: AuthContext | null): Promise<EvaluationContext> {
    if (!caller) return {};
    const session = await this.sessions.state(caller.sessionId);
    return this.flags.contextFor(caller.userId, { origin: session?.origin ?? null });
  }
}
