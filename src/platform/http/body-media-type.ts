import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';

const BODY_MEDIA_TYPES = 'parley:body-media-types';

/**
 * The route takes request bodies of these media types instead of JSON
 * (e.g. `multipart/form-data` for a streamed upload), and documents so.
 */
export const AcceptsBody = (...mediaTypes: string[]) =>
  applyDecorators(
    SetMetadata(
      BODY_MEDIA_TYPES,
      mediaTypes.map((t) => t.toLowerCase()),
    ),
    ApiConsumes(...mediaTypes),
  );

/** `application/json` and its structured-syntax relatives (`application/merge-patch+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[^/;\s]+\+json$/.test(mediaType);
}

/** The media type of a Content-Type header, without its parameters, in lower case. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** A body is there when it is chunked or has a non-zero length. */
export function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Every route is JSON-only unless it says otherwise with `@AcceptsBody()`.
 * Without this, a body of any other type reaches the handler unparsed, as an
 * empty DTO: a cross-site HTML form could create resources. Requests without
 * a body pass whatever their Content-Type.
 */
@Injectable()
export class BodyMediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasBody(req)) return true;
    const mediaType = mediaTypeOf(req.headers['content-type']);
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(BODY_MEDIA_TYPES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (declared ? declared.includes(mediaType) : isJsonMediaType(mediaType)) return true;
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      `This route takes ${declared ? declared.join(' or ') : 'application/json'} bodies, not ${
        mediaType || 'a body without a Content-Type'
      }.`,
    );
  }
}
