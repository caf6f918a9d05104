import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecoratedMethods } from '../../../platform/discovery/decorated-methods.js';
import { AuditModule } from '../../audit/audit.module.js';
import { DataExportAccessChecker } from './data-export-access.checker.js';
import { DataExportsController } from './data-exports.controller.js';
import { DataExportsErasure } from './data-exports.erasure.js';
import { DataExportsExporter } from './data-exports.exporter.js';
import { DataExportsProcessor } from './data-exports.processor.js';
import { DataExportsRepository } from './data-exports.repository.js';
import { DataExportRetention } from './data-exports.retention.js';
import { DataExportsService } from './data-exports.service.js';
import { DataExport } from './entities/data-export.entity.js';
import { UserExporters } from './export-document.js';

/**
 * The user's data export: the sections every module declares with
 * `@UserExporter`, as one streamed JSON document or a zip built by a job.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DataExport]), DiscoveryModule, AuditModule],
  controllers: [DataExportsController],
  providers: [
    DecoratedMethods,
    UserExporters,
    DataExportsRepository,
    DataExportsService,
    DataExportsProcessor,
    DataExportAccessChecker,
    DataExportRetention,
    DataExportsExporter,
    DataExportsErasure,
  ],
})
export class DataExportModule {}
