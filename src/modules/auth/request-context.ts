import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { SessionOrigin } from './entities/app-session.entity.js';

const ORIGINS = new Set<string>(Object.values(SessionOrigin));

/** `X-Client-Origin: web|discord|api`, stored on the session; `api` when absent. */
export const ClientOrigin = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): SessionOrigin => {
    const value = ctx.switchToHttp().getRequest<Request>().header('x-client-origin');
    if (value === undefined || value === '') return SessionOrigin.Api;
    const origin = value.trim().toLowerCase();
    if (!ORIGINS.has(origin)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'X-Client-Origin must be web, discord or api',
        {
          errors: [{ field: 'X-Client-Origin', message: 'must be one of web, discord, api' }],
        },
      );
    }
    return origin as SessionOrigin;
  },
);

/** The client address as Express resolved it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export const ClientIp = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<Request>().ip ?? 'unknown',
);
