import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CallerContext } from './caller-context.js';
import { FeatureFlagsService } from './feature-flags.service.js';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /v1/feature-flags/stream`: the caller's front-end flags at once, then
 * again after every change this instance hears of. It ends when the client
 * leaves, when the access token expires, or when a change finds the session
 * no longer live; the client then reconnects with a fresh token.
 */
@Injectable()
export class FlagStreams {
  private readonly logger = new Logger('FeatureFlags');

  constructor(
    private readonly flags: FeatureFlagsService,
    private readonly callers: CallerContext,
  ) {}

  async serve(caller: AuthContext, req: Request, res: Response): Promise<void> {
    const first = await this.evaluate(caller);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the events.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const send = (flags: Record<string, boolean>) =>
      res.write(`event: flags\ndata: ${JSON.stringify(flags)}\n\n`);
    send(first);

    let stopped = false;
    // Changes are sent one at a time, in order: a slow evaluation never reorders them.
    let queue = Promise.resolve();
    const subscription = this.flags.changed$.subscribe(() => {
      queue = queue.then(async () => {
        if (stopped) return;
        try {
          if (!(await this.callers.isLive(caller))) return stop();
          send(await this.evaluate(caller));
        } catch (err) {
          this.logger.warn(`flag stream stopped: ${(err as Error).message}`);
          stop();
        }
      });
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const expiry = setTimeout(() => stop(), Math.max(0, caller.exp * 1000 - Date.now()));
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      subscription.unsubscribe();
      res.end();
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  private async evaluate(caller: AuthContext): Promise<Record<string, boolean>> {
    return this.flags.evaluateForFrontend(await this.callers.of(caller));
  }
}
