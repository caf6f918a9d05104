import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DecoratedMethods } from '../../../platform/discovery/decorated-methods.js';
import { AuditModule } from '../../audit/audit.module.js';
import { RetentionController } from './retention.controller.js';
import { RetentionService } from './retention.service.js';

/**
 * The retention engine. Policies live with the data they remove (each module's
 * `*.retention.ts`), found by their decorator; this module runs them, on the
 * hourly maintenance job and on POST /v1/admin/retention/run.
 */
@Module({
  imports: [DiscoveryModule, AuditModule],
  controllers: [RetentionController],
  providers: [DecoratedMethods, RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
