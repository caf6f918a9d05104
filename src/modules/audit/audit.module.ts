import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller.js';
import { AuditErasure } from './audit-erasure.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AuditEntry } from './entities/audit-entry.entity.js';

/**
 * The audit log: `AuditService.record` for every module that makes an
 * administrative or lifecycle change, `GET /v1/admin/audit-log` for operators.
 * It depends on nothing but the platform, so any module may import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditErasure],
  exports: [AuditService],
})
export class AuditModule {}
