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
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../../platform/access/access.decorator.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import {
  AppendChunkDto,
  ChunkAppendedDto,
  StreamDto,
  StreamEventsQuery,
  StreamParams,
} from './dto/stream.dto.js';
import { StreamsService } from './streams.service.js';

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

  constructor(private readonly streams: StreamsService) {}

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

  @Get('events')
  @Access('stream')
  @ApiOperation({
    summary:
      'Server-Sent Events: the backlog, then live chunks (id = sequence number), heartbeats, and a final `done` event',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this chunk' })
  @ApiOkResponse({ description: 'text/event-stream' })
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
    res.flushHeaders();
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
    };
    try {
      await this.streams.follow(stream, after, sink, left.signal);
    } catch (err) {
      // The events have begun: no problem document can follow. Ending the response
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
