import fsp from 'node:fs/promises';
import type { Request } from 'express';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { createValidationPipe } from '../../platform/http/validation.js';
import { sniffType, utf8Text } from '../artifacts/mime-sniff.js';
import { receiveMultipart } from '../artifacts/multipart-upload.js';
import type { DocumentInput } from './documents.service.js';
import { PutRagDocumentDto, UploadRagDocumentFields } from './dto/document.dto.js';

/** What an uploaded document may be: text, as the sniffer tells it from the bytes. */
export const DOCUMENT_MIME_TYPES = new Set(['text/plain', 'text/markdown']);
const FORM_FIELDS = ['title', 'metadata'] as const;
const pipe = createValidationPipe();

/** A JSON body, validated as the route's DTO (the route also takes multipart, so no @Body()). */
export async function jsonDocument(body: unknown): Promise<DocumentInput> {
  return (await pipe.transform(body ?? {}, {
    type: 'body',
    metatype: PutRagDocumentDto,
  })) as PutRagDocumentDto;
}

/**
 * A document uploaded as a file (`multipart/form-data`, the file in `file`,
 * optional `title` and `metadata` as a JSON object string): streamed to a
 * temporary file up to `maxBytes` (413 beyond), its type sniffed from its
 * bytes, never from the client's word. Only plain text and Markdown in UTF-8
 * are taken (415 otherwise); the title defaults to the file's name.
 */
export async function uploadedDocument(req: Request, maxBytes: number): Promise<DocumentInput> {
  const file = await receiveMultipart(req, maxBytes, undefined, FORM_FIELDS);
  try {
    let metadata: unknown;
    if (file.fields.metadata !== undefined) {
      try {
        metadata = JSON.parse(file.fields.metadata);
      } catch {
        metadata = file.fields.metadata;
      }
    }
    const form = (await pipe.transform(
      {
        title: file.fields.title ?? file.clientFilename?.slice(0, 500) ?? 'Untitled',
        ...(metadata === undefined ? {} : { metadata }),
      },
      { type: 'body', metatype: UploadRagDocumentFields },
    )) as UploadRagDocumentFields;
    const type = await sniffType(file.head, file.size <= file.head.length, file.clientFilename);
    if (type.refused || !DOCUMENT_MIME_TYPES.has(type.mime)) {
      throw unsupported(`${type.mime} is not a text or Markdown file.`);
    }
    // The sniffer saw the first bytes only: the whole file must be text too.
    const text = utf8Text(await fsp.readFile(file.path), true);
    if (text === undefined) throw unsupported('The file is not UTF-8 text throughout.');
    if (text.trim().length === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The file is empty.', {
        errors: [{ field: 'file', message: 'file must not be empty' }],
      });
    }
    return { title: form.title, text: text.replace(/^\ufeff/, ''), metadata: form.metadata };
  } finally {
    await file.discard();
  }
}

function unsupported(detail: string): DomainError {
  return new DomainError(
    ErrorCode.UnsupportedMediaType,
    `${detail} Documents are plain text or Markdown.`,
  );
}
