import { SetMetadata } from '@nestjs/common';

export const RETENTION_POLICY_METADATA = 'parley:retention-policy';

export interface RetentionRun {
  /** Count what would go, remove nothing. */
  dryRun: boolean;
}

/** How many things the policy removed (or would); null when its setting turns it off. */
export type RetentionPolicyMethod = (run: RetentionRun) => Promise<number | null>;

/**
 * Marks a provider method as the retention policy `name` (snake_case, as the
 * report and the metrics label show it). The module that owns the data
 * declares its policies; the engine finds them at start-up. A policy must
 * remove each thing once when several workers run it at the same time.
 */
export function RetentionPolicy(name: string) {
  // Generic over the method so its own return type is kept: a descriptor's type is invariant.
  return <M extends RetentionPolicyMethod>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(RETENTION_POLICY_METADATA, name)(target, key, descriptor);
  };
}

/** `now() - <days> days` as a bound parameter's SQL; policies compare timestamps with it. */
export const DAYS_AGO = (param: number) => `now() - make_interval(days => $${param})`;
