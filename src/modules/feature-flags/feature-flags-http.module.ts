import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminFeatureFlagsController } from './admin-feature-flags.controller.js';
import { CallerContext } from './caller-context.js';
import { FeatureFlagsController } from './feature-flags.controller.js';
import { FeatureFlagsModule } from './feature-flags.module.js';
import { FlagStreams } from './flag-streams.js';

/** The flag routes: public evaluation, the caller's stream, and administration. */
@Module({
  imports: [FeatureFlagsModule, AuthModule],
  controllers: [FeatureFlagsController, AdminFeatureFlagsController],
  providers: [CallerContext, FlagStreams],
})
export class FeatureFlagsHttpModule {}
