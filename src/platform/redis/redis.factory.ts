import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/config.js';

/**
 * How a client behaves while Redis is away. Every role keeps the offline queue,
 * so commands sent while connecting wait for the connection; the role bounds
 * how long they may wait.
 * - `command`: request paths (cache, rate limits, stream writes) fail within
 *   about a second and degrade, rather than hang a request.
 * - `queue`: BullMQ producers; a few reconnections, then the enqueue fails and
 *   its caller falls back.
 * - `blocking`: consumers that hold their connection (BullMQ workers,
 *   subscribers): they wait out an outage, as BullMQ requires.
 * - `reader`: blocking stream reads; one reconnection, then the readers learn
 *   of the outage and reconnect to another instance.
 */
export type RedisRole = 'command' | 'queue' | 'blocking' | 'reader';

const ROLES: Record<RedisRole, RedisOptions> = {
  command: { maxRetriesPerRequest: 1, commandTimeout: 1000 },
  queue: { maxRetriesPerRequest: 3 },
  blocking: { maxRetriesPerRequest: null },
  // A blocked read is cut off by closing its socket: no graceful close to wait for.
  reader: { maxRetriesPerRequest: 1, disconnectTimeout: 50 },
};

export type RedisSettings = AppConfig['redis'];

/** Reconnect soon after a blip, then every 2 s at most, for as long as it takes. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 5), 2000);
}

/**
 * The one place Redis clients are made: from the configured URL, named after
 * the application's key prefix and their purpose (`CLIENT LIST` shows who holds
 * what), with the settings of their role. Closes what is still open at shutdown.
 */
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients = new Set<Redis>();
  private readonly closing = new WeakMap<Redis, Promise<void>>();

  constructor(private readonly settings: RedisSettings) {}

  /** Prefix of every key (and channel) the application writes. */
  get keyPrefix(): string {
    return this.settings.keyPrefix;
  }

  /** The name `CLIENT LIST` shows for the clients of one purpose. */
  connectionName(purpose: string): string {
    // CLIENT SETNAME takes printable characters without spaces.
    return `${this.settings.keyPrefix}${purpose}`.replace(/[^!-~]/g, '_');
  }

  create(purpose: string, role: RedisRole): Redis {
    if (!this.settings.url) throw new Error(`Redis is not configured (REDIS_URL) for ${purpose}`);
    const client = new Redis(this.settings.url, {
      connectionName: this.connectionName(purpose),
      enableOfflineQueue: true,
      retryStrategy: reconnectDelayMs,
      // A dropped connection (shutdown, or one still reconnecting) need not linger for seconds.
      disconnectTimeout: 100,
      ...ROLES[role],
    });
    this.clients.add(client);
    client.once('end', () => this.clients.delete(client));
    // One line per outage, not one per reconnection attempt.
    let down = false;
    client.on('error', (err: Error) => {
      if (!down) this.logger.warn(`${purpose}: redis unreachable: ${err.message}`);
      down = true;
    });
    client.on('ready', () => {
      if (down) this.logger.log(`${purpose}: redis reachable again`);
      down = false;
    });
    return client;
  }

  /**
   * Quits one client, once however often asked. `now` (or a client that is not
   * connected) drops the connection instead of waiting for Redis to answer.
   */
  close(client: Redis, { now = false }: { now?: boolean } = {}): Promise<void> {
    let closed = this.closing.get(client);
    if (!closed) {
      this.clients.delete(client);
      closed =
        client.status === 'ready' && !now
          ? client.quit().then(
              () => undefined,
              () => client.disconnect(),
            )
          : Promise.resolve(client.disconnect());
      this.closing.set(client, closed);
    }
    return closed;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.clients].map((client) => this.close(client)));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.closeAll();
  }
}
