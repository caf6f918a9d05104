import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { StreamsService } from './streams.service.js';

/** `@Access('stream')`: streams of the caller's own conversations only. */
@AccessChecker()
@Injectable()
export class StreamAccessChecker implements ResourceChecker {
  readonly kind = 'stream';
  readonly name = 'Stream';

  constructor(private readonly streams: StreamsService) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.streams.isOwner(userId, id);
  }
}
