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

/** What a client says it can do (seed 001): a flat JSON object, stored on its session. */
export type CapabilityScalar = string | number | boolean | null;
export type SessionCapabilities = Record<string, CapabilityScalar | CapabilityScalar[]>;

export const CAPABILITIES_HEADER_MAX_BYTES = 4096;
const CAPABILITY_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_CAPABILITY_KEYS = 64;
const MAX_CAPABILITY_ARRAY = 64;
const MAX_CAPABILITY_STRING = 256;

function isCapabilityScalar(v: unknown): v is CapabilityScalar {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && v.length <= MAX_CAPABILITY_STRING;
}

/** The capabilities in a header value, or why it is not acceptable. */
export function parseCapabilities(raw: string): SessionCapabilities | string {
  if (Buffer.byteLength(raw) > CAPABILITIES_HEADER_MAX_BYTES) {
    return `must be at most ${CAPABILITIES_HEADER_MAX_BYTES} bytes`;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'must be valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be a JSON object';
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_CAPABILITY_KEYS) return `must have at most ${MAX_CAPABILITY_KEYS} keys`;
  for (const [key, v] of entries) {
    if (!CAPABILITY_KEY.test(key)) return `key "${key.slice(0, 64)}" must match ${CAPABILITY_KEY}`;
    const ok = Array.isArray(v)
      ? v.length <= MAX_CAPABILITY_ARRAY && v.every(isCapabilityScalar)
      : isCapabilityScalar(v);
    if (!ok) {
      return `"${key}" must be a string (<= ${MAX_CAPABILITY_STRING}), finite number, boolean, null, or an array (<= ${MAX_CAPABILITY_ARRAY}) of those`;
    }
  }
  return value as SessionCapabilities;
}

/** `X-Client-Capabilities`: a flat JSON object (parseCapabilities); `{}` when absent. */
export const ClientCapabilities = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): SessionCapabilities => {
    const raw = ctx.switchToHttp().getRequest<Request>().header('x-client-capabilities');
    if (raw === undefined || raw.trim() === '') return {};
    const parsed = parseCapabilities(raw);
    if (typeof parsed === 'string') {
      throw new DomainError(ErrorCode.ValidationFailed, `X-Client-Capabilities ${parsed}`, {
        errors: [{ field: 'X-Client-Capabilities', message: parsed }],
      });
    }
    return parsed;
  },
);

/** The OpenAPI description of X-Client-Capabilities on the routes that create a session. */
export const CAPABILITIES_HEADER = {
  name: 'X-Client-Capabilities',
  required: false,
  description:
    `The client's capabilities, stored on the new session and listed with GET /v1/auth/sessions: ` +
    `a JSON object (at most ${CAPABILITIES_HEADER_MAX_BYTES} bytes, ${MAX_CAPABILITY_KEYS} keys matching ` +
    `[A-Za-z0-9_.:-]{1,64}) whose values are strings (at most ${MAX_CAPABILITY_STRING} characters), ` +
    `finite numbers, booleans, null, or arrays of at most ${MAX_CAPABILITY_ARRAY} of those. ` +
    'Anything else answers 400. Example: {"streaming":true,"formats":["markdown","chart"]}',
  schema: { type: 'string', maxLength: CAPABILITIES_HEADER_MAX_BYTES },
};
