import { SetMetadata } from '@nestjs/common';
import type { JobContext, JobName, JobPayloads } from './queue.types.js';

export const JOB_HANDLER_METADATA = 'parley:job-handler';

export type JobHandlerMethod<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => unknown;

/**
 * Marks a provider method as the handler of one job name. The queue module
 * finds it at startup; it runs only in processes whose processors are on.
 * Delivery is at least once: a handler must be safe to run twice.
 */
export function JobHandler<N extends JobName>(name: N) {
  // Generic over the method so its own return type is kept: a descriptor's type is invariant.
  return <M extends JobHandlerMethod<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(JOB_HANDLER_METADATA, name)(target, key, descriptor);
  };
}
