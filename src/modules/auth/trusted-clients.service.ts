import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { isUuid, uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { TrustedClient } from './entities/trusted-client.entity.js';
import { newOpaqueToken, sha256 } from './token-hash.js';

/**
 * First-party clients (the Discord bot) that assert identities of one provider.
 * Secrets are 256 random bits, so a SHA-256 digest is as strong as a slow hash.
 */
@Injectable()
export class TrustedClientsService {
  constructor(
    @InjectRepository(TrustedClient) private readonly clients: Repository<TrustedClient>,
  ) {}

  async register(name: string, idp: string): Promise<{ client: TrustedClient; secret: string }> {
    const secret = newOpaqueToken();
    const client = Object.assign(new TrustedClient(), {
      id: uuidv7(),
      name,
      idp,
      secretHash: sha256(secret),
      revokedAt: null,
    });
    await this.clients.insert(client);
    return { client: (await this.clients.findOneBy({ id: client.id }))!, secret };
  }

  list(): Promise<TrustedClient[]> {
    return this.clients.find({ where: { revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<void> {
    const result = isUuid(id)
      ? await this.clients.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' })
      : { affected: 0 };
    if (!result.affected) throw DomainError.notFound('Trusted client');
  }

  /** The client, if the credentials are right and it may speak for this provider. */
  async authenticate(clientId: string, secret: string, idp: string): Promise<TrustedClient> {
    const client = isUuid(clientId)
      ? await this.clients.findOneBy({ id: clientId, revokedAt: IsNull() })
      : null;
    const expected = Buffer.from(client?.secretHash ?? sha256(''), 'hex');
    const given = Buffer.from(sha256(secret), 'hex');
    if (!client || !timingSafeEqual(expected, given) || client.idp !== idp) {
      throw new DomainError(
        ErrorCode.InvalidCredentials,
        'The client credentials are not valid for this provider.',
      );
    }
    return client;
  }
}
