import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../../platform/access/access.decorator.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { AccessTicketsService } from '../auth/access-tickets.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AcceptsTicket, CurrentUser } from '../auth/auth.decorators.js';
import {
  AppendChunkDto,
  ChunkAppendedDto,
  StreamDto,
  StreamEventsQuery,
  StreamParams,
  StreamTicketDto,
} from './dto/stream.dto.js';
import { StreamsService } from './streams.service.js';

/** The wire format of `GET /v1/streams/{id}/events`, as the OpenAPI document states it. */
const EVENTS_GRAMMAR = [
  'A `text/event-stream` (HTML Server-Sent Events) of these events, each ended by a blank line:',
  '',
  '- a chunk: `id: <seq>` (its sequence number, from 1) and one `data: <JSON string>` line, the chunk encoded with `JSON.stringify`. ' +
    'Decode it with `JSON.parse` to get the chunk exactly as appended: CR, CRLF, LF, an empty string and any Unicode survive, ' +
    'which raw text would not (SSE parsers turn CR and CRLF into LF). Example: `id: 3` / `data: "two\\r\\nlines"`.',
  '- the end: `id: <seq>` (the next sequence number), `event: done` and `data: {"status":"completed"}` (a JSON object, not a string). ' +
    'A reader resuming at or past the end, or reading a stream whose chunks expired, gets `event: done` without an id, ' +
    'its data `{"status":"completed"}` or `{"status":"completed","expired":true}`. The response ends after it.',
  '- a heartbeat: the comment line `: heartbeat` after 15 s without an event; ignore it.',
  '',
  'Resume with the `Last-Event-ID` header (what EventSource sends when it reconnects) or `?after=<seq>`; the header wins. ' +
    'Every chunk after that point comes, once and in order, then live ones.',
  '',
  'Authenticate with `Authorization: Bearer <token>`, or, where no header can be set (a browser EventSource), ' +
    'with `?ticket=` from `POST /v1/streams/{id}/tickets` (not both).',
].join('\n');

@ApiTags('streams')
@ApiBearerAuth()
@Controller('conversations/:id/streams')
export class ConversationStreamsController {
  constructor(private readonly streams: StreamsService) {}

  @Post()
  @Access('conversation')
  @ApiOperation({ summary: 'Open a resumable stream for an assistant response' })
  @ApiCreatedResponse({ type: StreamDto })
  @ApiNotFoundResponse({ description: 'No such conversation of yours' })
  open(@CurrentUser() me: AuthContext, @Param() params: StreamParams): Promise<StreamDto> {
    return this.streams.open(me.userId, params.id);
  }
}

@ApiTags('streams')
@ApiBearerAuth()
@Controller('streams/:id')
export class StreamsController {
  private readonly logger = new Logger('Streams');

  constructor(
    private readonly streams: StreamsService,
    private readonly tickets: AccessTicketsService,
  ) {}

  @Post('chunks')
  @Access('stream')
  @ApiOperation({ summary: 'Append the next chunk (ordered; readers see it at once)' })
  @ApiCreatedResponse({ type: ChunkAppendedDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The stream is completed' })
  append(
    @CurrentUser() me: AuthContext,
    @Param() params: StreamParams,
    @Body() body: AppendChunkDto,
  ): Promise<ChunkAppendedDto> {
    return this.streams.append(me.userId, params.id, body.data);
  }

  @Post('complete')
  @HttpCode(200)
  @Access('stream')
  @ApiOperation({ summary: 'Mark the stream complete (idempotent); readers get a final event' })
  @ApiOkResponse({ type: StreamDto })
  @ApiNotFoundResponse()
  complete(@CurrentUser() me: AuthContext, @Param() params: StreamParams): Promise<StreamDto> {
    return this.streams.complete(me.userId, params.id);
  }

  @Post('tickets')
  @Access('stream')
  @ApiOperation({
    summary:
      "Mint a short-lived ticket to read this stream's events without an Authorization header",
    description:
      'For clients that cannot set headers (a browser EventSource): `GET /v1/streams/{id}/events?ticket=...` then reads as the caller. ' +
      'The ticket opens this stream only, for this session only, until `expires_at` (STREAM_TICKET_TTL_SECONDS, default 60 s); ' +
      'a session signed out or revoked since makes it useless. It is a credential: never log it.',
  })
  @ApiCreatedResponse({ type: StreamTicketDto })
  @ApiNotFoundResponse({ description: 'No such stream of yours' })
  ticket(@CurrentUser() me: AuthContext, @Param() params: StreamParams): StreamTicketDto {
    return StreamTicketDto.from(params.id, this.tickets.mint(me, 'stream', params.id));
  }

  @Get('events')
  @Access('stream')
  @AcceptsTicket()
  @ApiOperation({
    summary:
      'Server-Sent Events: the backlog, then live chunks (id = sequence number), heartbeats, and a final `done` event',
    description: EVENTS_GRAMMAR,
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this chunk' })
  @ApiOkResponse({
    description: 'The event stream (grammar above)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiUnauthorizedResponse({
    description:
      'No valid access token, or a ticket that is expired, altered or for another stream',
  })
  @ApiNotFoundResponse()
  async events(
    @CurrentUser() me: AuthContext,
    @Param() params: StreamParams,
    @Query() query: StreamEventsQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const after = resumePoint(lastEventId, query.after);
    // The access check has run; the record is read only if the chunks expired.
    const stream = { id: params.id, userId: me.userId };
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the events.
      'X-Accel-Buffering': 'no',
    });
    // The head goes out with the first events (or by the sink's open, before waiting).
    const left = new AbortController();
    req.on('close', () => left.abort());
    const sink = {
      write: (text: string) =>
        new Promise<void>((resolve) => {
          if (left.signal.aborted || res.write(text)) return resolve();
          // Whichever comes first, drop the other: a long stream waits for drain many times.
          const done = () => {
            res.off('drain', done).off('close', done);
            resolve();
          };
          res.once('drain', done).once('close', done);
        }),
      open: () => {
        if (!res.headersSent) res.flushHeaders();
      },
    };
    try {
      await this.streams.follow(stream, after, sink, left.signal);
    } catch (err) {
      // The events may have begun: no problem document can follow. Ending the response
      // makes the client reconnect with Last-Event-ID, to this or another instance.
      this.logger.warn(`stream ${stream.id} reader stopped: ${(err as Error).message}`);
    } finally {
      res.end();
    }
  }
}

function resumePoint(header: string | undefined, query: number | undefined): number {
  if (header === undefined || header === '') return query ?? 0;
  if (!/^\d{1,15}$/.test(header)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Last-Event-ID is not a sequence number.', {
      errors: [{ field: 'Last-Event-ID', message: 'must be a non-negative integer' }],
    });
  }
  return Number(header);
}
