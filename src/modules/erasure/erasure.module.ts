import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { UserErasers } from '../../platform/erasure/user-eraser.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { AccountErasureController } from './account-erasure.controller.js';
import { AccountErasureService } from './account-erasure.service.js';
import { GuestRetention } from './guests.retention.js';
import { Reauthentication } from './reauthentication.js';

/**
 * Erasing an account: `DELETE /v1/me` over every `@ErasesUserData` provider
 * of the application. It imports no feature module: each brings its eraser.
 */
@Module({
  imports: [DiscoveryModule, AuthModule, AuditModule],
  controllers: [AccountErasureController],
  providers: [UserErasers, AccountErasureService, Reauthentication, GuestRetention],
  exports: [AccountErasureService, UserErasers],
})
export class ErasureModule {}
