import { Injectable } from '@nestjs/common';
import { DecoratedMethods } from '../discovery/decorated-methods.js';
import { JOB_HANDLER_METADATA } from './job-handler.decorator.js';
import { queueOf, type JobContext, type QueueName } from './queue.types.js';

export type RegisteredHandler = (payload: unknown, context: JobContext) => unknown;

export interface DispatchedJob {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
}

/** Job name -> handler, shared by both drivers so a job runs the same wherever it lands. */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, { run: RegisteredHandler; owner: string }>();

  register(name: string, run: RegisteredHandler, owner: string): void {
    queueOf(name);
    const existing = this.handlers.get(name);
    if (existing) {
      throw new Error(`Job "${name}" has two handlers: ${existing.owner} and ${owner}`);
    }
    this.handlers.set(name, { run, owner });
  }

  /** Queues with at least one handler: the only ones this process consumes. */
  queues(): QueueName[] {
    return [...new Set([...this.handlers.keys()].map(queueOf))];
  }

  async dispatch(job: DispatchedJob): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    // Failing (and so retrying) lets a newer deployment that knows the job run it.
    if (!handler) throw new Error(`No handler for job "${job.name}" in this process`);
    return handler.run(job.data, {
      id: job.id,
      name: job.name as JobContext['name'],
      attempt: job.attempt,
    });
  }
}

/** Registers every `@JobHandler` method of the application's providers. */
@Injectable()
export class JobHandlerExplorer {
  constructor(
    private readonly methods: DecoratedMethods,
    private readonly registry: JobHandlerRegistry,
  ) {}

  explore(): void {
    for (const { meta: name, owner, call } of this.methods.find<string>(JOB_HANDLER_METADATA)) {
      this.registry.register(name, (payload, context) => call(payload, context), owner);
    }
  }
}
