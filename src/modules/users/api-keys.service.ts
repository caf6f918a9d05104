import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EncryptionService } from '../../platform/crypto/encryption.service.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { PROVIDER_PATTERN } from './dto/api-key.dto.js';
import { UserApiKey } from './entities/user-api-key.entity.js';

/** Binds a ciphertext to its owner and provider: a row copied elsewhere will not decrypt. */
const aad = (userId: string, provider: string) => `user-api-key:${userId}:${provider}`;

/** User-supplied LLM keys: AES-256-GCM at rest, re-sealed with the current key on write. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(UserApiKey) private readonly keys: Repository<UserApiKey>,
    private readonly encryption: EncryptionService,
  ) {}

  async put(userId: string, provider: string, apiKey: string): Promise<UserApiKey> {
    assertProvider(provider);
    await this.keys
      .createQueryBuilder()
      .insert()
      .into(UserApiKey)
      .values({
        userId,
        provider,
        ciphertext: this.encryption.encrypt(apiKey, aad(userId, provider)),
        lastFour: apiKey.slice(-4),
      })
      .orUpdate(['ciphertext', 'last_four', 'updated_at'], ['user_id', 'provider'])
      .execute();
    return (await this.keys.findOneBy({ userId, provider }))!;
  }

  list(userId: string): Promise<UserApiKey[]> {
    return this.keys.find({ where: { userId }, order: { provider: 'ASC' } });
  }

  async remove(userId: string, provider: string): Promise<void> {
    assertProvider(provider);
    const result = await this.keys.delete({ userId, provider });
    if (!result.affected) throw DomainError.notFound('API key');
  }

  /** The plaintext key, for the code that calls the provider on the user's behalf. */
  async reveal(userId: string, provider: string): Promise<string | null> {
    const row = await this.keys.findOneBy({ userId, provider });
    return row ? this.encryption.decrypt(row.ciphertext, aad(userId, provider)) : null;
  }
}

function assertProvider(provider: string): void {
  if (!PROVIDER_PATTERN.test(provider)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'provider must be a lower-case identifier', {
      errors: [{ field: 'provider', message: 'provider must match [a-z0-9][a-z0-9_-]{0,63}' }],
    });
  }
}
