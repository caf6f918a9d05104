import {
  Controller,
  Get,
  HttpCode,
  Module,
  Param,
  Post,
  Query,
  Req,
  Res,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { createResumableStreamContext } from 'resumable-stream/ioredis';
import { Access } from '../../src/platform/access/access.decorator.js';
import { Public } from '../../src/platform/http/public.decorator.js';

// The resume peer of B6: Vercel's resumable-stream over the same Redis, behind
// the same application (middleware, authentication, the stream's ownership
// check), so that what differs from GET /v1/streams/{id}/events is the resume
// itself. Its producer holds the chunks in memory and answers a resumer over
// pub/sub, so it lives in this process: POST .../produce starts a stream of n
// events (left open, like a response still being written), GET resumes it past
// `skip` characters, POST .../finish ends it.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const publisher = new Redis(url);
const subscriber = new Redis(url);
const context = createResumableStreamContext({
  waitUntil: null,
  publisher,
  subscriber,
  keyPrefix: `${process.env.REDIS_KEY_PREFIX ?? 'parley:bench:'}resumable-stream`,
});
const finishers = new Map<string, () => void>();

@ApiExcludeController()
@Controller('bench/resumable-stream/:id')
class ResumableStreamPeerController implements OnApplicationShutdown {
  @Public()
  @Post('produce')
  @HttpCode(201)
  async produce(
    @Param('id') id: string,
    @Query('n') count: string,
    @Query('data') data: string,
  ): Promise<void> {
    const n = Number(count);
    const source = new ReadableStream<string>({
      start(controller) {
        for (let i = 1; i <= n; i++) controller.enqueue(`id: ${i}\ndata: ${data}\n\n`);
        finishers.set(id, () => controller.close());
      },
    });
    const stream = await context.createNewResumableStream(id, () => source);
    if (!stream) throw new Error(`stream ${id} exists`);
    // The first reader drains it, as the response that started it would; once it
    // has read n chunks, the producer holds them all.
    const reader = stream.getReader();
    for (let read = 0; read < n; read++) await reader.read();
    void (async () => {
      while (!(await reader.read()).done);
    })();
  }

  @Get()
  @Access('stream')
  async resume(
    @Param('id') id: string,
    @Query('skip') skip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const stream = await context.resumeExistingStream(id, Number(skip));
    if (!stream) return void res.status(422).end();
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const reader = stream.getReader();
    req.on('close', () => void reader.cancel());
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      res.write(value);
    }
    res.end();
  }

  @Public()
  @Post('finish')
  @HttpCode(204)
  finish(@Param('id') id: string): void {
    finishers.get(id)?.();
    finishers.delete(id);
  }

  onApplicationShutdown(): void {
    for (const finish of finishers.values()) finish();
    publisher.disconnect();
    subscriber.disconnect();
  }
}

@Module({ controllers: [ResumableStreamPeerController] })
export class ResumableStreamPeerModule {}
