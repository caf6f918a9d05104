import { jest } from '@jest/globals';
import { QueryFailedError, type DataSource } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { ConversationsRepository } from './conversations.repository.js';
import type { AppendMessageDto } from './dto/message.dto.js';
import { MessageRole } from './entities/message.entity.js';
import type { MessageBatchRepository } from './message-batch.repository.js';
import type { MessageRow, MessagesRepository } from './messages.repository.js';
import { MessagesService } from './messages.service.js';

const CONVERSATION = '0190a000-0000-7000-8000-00000000c0c0';
const dto = (over: Partial<AppendMessageDto> = {}): AppendMessageDto => ({
  message_id: 'm-1',
  role: MessageRole.User,
  content: 'hello',
  ...over,
});

/** Strict: only the methods a case expects exist; any other call fails the test. */
function setup(repo: Partial<Record<keyof MessagesRepository, unknown>>, owned = true) {
  const sessionRows: unknown[] = [];
  const db = { manager: { query: jest.fn(async () => sessionRows) } };
  const conversations = { findOwned: jest.fn(async () => (owned ? { id: CONVERSATION } : null)) };
  const service = new MessagesService(
    db as unknown as DataSource,
    repo as unknown as MessagesRepository,
    conversations as unknown as ConversationsRepository,
    {} as MessageBatchRepository,
  );
  return { service, conversations, db };
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('MessagesService.append', () => {
  it('answers created when the statement inserted, without another query', async () => {
    const row = { id: 'x', content_hash: 'h' } as MessageRow;
    const appendIfAbsent = jest.fn(async () => row);
    const { service, conversations } = setup({ appendIfAbsent });
    expect(await service.append('u', CONVERSATION, dto())).toEqual({ row, created: true });
    expect(conversations.findOwned).not.toHaveBeenCalled();
  });

  it('validates content before touching the database', async () => {
    const { service } = setup({});
    const err = await failure(service.append('u', CONVERSATION, dto({ content: undefined })));
    expect(err.code).toBe(ErrorCode.ValidationFailed);
  });

  it('checks the owner before looking at the existing key, so nothing leaks', async () => {
    const findByMessageId = jest.fn();
    const { service } = setup(
      { appendIfAbsent: jest.fn(async () => null), findByMessageId },
      false,
    );
    expect((await failure(service.append('intruder', CONVERSATION, dto()))).code).toBe(
      ErrorCode.NotFound,
    );
    expect(findByMessageId).not.toHaveBeenCalled();
  });

  it('answers the stored message for the same content and a conflict for other content', async () => {
    let stored: MessageRow | undefined;
    const appendIfAbsent = jest.fn(async (_u: string, m: { contentHash: string }) => {
      if (stored) return null;
      stored = { id: 'x', content_hash: m.contentHash } as MessageRow;
      return stored;
    });
    const { service } = setup({ appendIfAbsent, findByMessageId: jest.fn(async () => stored) });
    await service.append('u', CONVERSATION, dto({ metadata: { tokens: 1 } }));
    expect(await service.append('u', CONVERSATION, dto({ metadata: { tokens: 2 } }))).toEqual({
      row: stored,
      created: false,
    });
    const err = await failure(service.append('u', CONVERSATION, dto({ content: 'other' })));
    expect(err.code).toBe(ErrorCode.Conflict);
    expect(err.extensions.errors).toEqual([{ field: 'message_id', message: expect.any(String) }]);
  });

  it('names the reference that is not in the conversation', async () => {
    const base = {
      appendIfAbsent: jest.fn(async () => null),
      findByMessageId: jest.fn(async () => null),
    };
    const session = await failure(
      setup(base).service.append('u', CONVERSATION, dto({ session_id: CONVERSATION })),
    );
    expect(session.extensions.errors).toEqual([
      { field: 'session_id', message: expect.any(String) },
    ]);
    const parent = await failure(
      setup({ idOfMessageId: jest.fn(async () => null) }).service.append(
        'u',
        CONVERSATION,
        dto({ parent_message_id: 'nope' }),
      ),
    );
    expect(parent.extensions.errors).toEqual([
      { field: 'parent_message_id', message: expect.any(String) },
    ]);
  });

  it('turns a conversation erased mid-append (foreign key) into 404', async () => {
    const fk = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('fk'), { code: '23503' }),
    );
    const { service } = setup({ appendIfAbsent: jest.fn(async () => Promise.reject(fk)) });
    expect((await failure(service.append('u', CONVERSATION, dto()))).code).toBe(ErrorCode.NotFound);
  });
});
