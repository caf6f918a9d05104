import type { DomainEvents } from '../events/domain-events.js';
import type { OutsideStep } from './erase-counts.js';

/**
 * After the commit: tells every module that what these users' session scopes
 * depend on changed (a consent went with the erased user), so their live
 * sessions follow at once.
 */
export function rescopeStep(events: DomainEvents, userIds: string[], what: string): OutsideStep {
  return {
    what: `scopes of ${userIds.length} ${what}`,
    run: async () => {
      for (const userId of userIds) await events.emit('user.scope-inputs-changed', { userId });
      return {};
    },
    verify: () => Promise.resolve({}),
  };
}
