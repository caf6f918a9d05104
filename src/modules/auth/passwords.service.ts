import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';

/**
 * argon2id at OWASP's baseline (19 MiB, 2 passes) by default: safe, and cheap
 * enough for login bursts. Configuration may only go lower under NODE_ENV=test.
 */
@Injectable()
export class PasswordsService implements OnModuleInit {
  private readonly options: argon2.HashOptions;
  /** Verified against when the account does not exist, so both paths cost the same. */
  private dummyHash = '';

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.env.ARGON2_MEMORY_KIB,
      timeCost: config.env.ARGON2_TIME_COST,
      parallelism: 1,
    };
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await argon2.hash(randomBytes(16).toString('hex'), this.options);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  /** Always runs one argon2 verification, whether or not there is a hash to check. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return Boolean(hash) && ok;
    } catch {
      return false;
    }
  }
}
