import { Global, Injectable, Logger, Module } from '@nestjs/common';

/** Events that cross module boundaries. Payloads stay small: ids, not entities. */
export interface DomainEventMap {
  /** Something a session's scope depends on changed (profile, terms, parental consent). */
  'user.scope-inputs-changed': { userId: string };
  /** The user's account can no longer sign in (erased or disabled). */
  'user.deactivated': { userId: string };
}

type Handler<K extends keyof DomainEventMap> = (payload: DomainEventMap[K]) => Promise<void> | void;

/**
 * An in-process bus so that a lower module can tell a higher one about a change
 * without importing it (users -> auth, consent -> auth). `emit` awaits every
 * handler: when the request that caused the change answers, its effects are done.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly handlers = new Map<keyof DomainEventMap, Handler<never>[]>();

  on<K extends keyof DomainEventMap>(event: K, handler: Handler<K>): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(event, list);
  }

  async emit<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): Promise<void> {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        await (handler as Handler<K>)(payload);
      } catch (err) {
        this.logger.error({ err, event }, 'event handler failed');
        throw err;
      }
    }
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
