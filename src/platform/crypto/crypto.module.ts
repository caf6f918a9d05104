import { Module } from '@nestjs/common';
import { EncryptionService } from './encryption.service.js';

/** Encryption of secrets at rest; SecretsService comes from the global config module. */
@Module({ providers: [EncryptionService], exports: [EncryptionService] })
export class CryptoModule {}
