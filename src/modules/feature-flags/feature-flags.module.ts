import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CollectivesModule } from '../collectives/collectives.module.js';
import { UsersModule } from '../users/users.module.js';
import { FeatureFlag } from './entities/feature-flag.entity.js';
import { FeatureFlagsRepository } from './feature-flags.repository.js';
import { FeatureFlagsService } from './feature-flags.service.js';
import { FlagStore } from './flag-store.js';

/**
 * Flags and their evaluation, for any module to import (`FeatureFlagsService`).
 * The routes live in FeatureFlagsHttpModule, which also needs the auth module:
 * keeping them apart lets the auth module itself gate behaviour on a flag.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FeatureFlag]), AuditModule, UsersModule, CollectivesModule],
  providers: [FeatureFlagsRepository, FlagStore, FeatureFlagsService],
  exports: [FeatureFlagsService],
})
export class FeatureFlagsModule {}
