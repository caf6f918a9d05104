import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { AdminContentController } from './admin-content.controller.js';
import { loadContentFiles, SHIPPED_CONTENT_DIR } from './content-files.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService, SHIPPED_CONTENT } from './content.service.js';
import { ContentStore } from './content-store.js';
import { LocalizedContent } from './entities/localized-content.entity.js';

/**
 * Localized content. The shipped files are read once, at boot; a file that
 * does not validate stops the boot with its path and line.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LocalizedContent]), AuditModule, AuthModule],
  controllers: [ContentController, AdminContentController],
  providers: [
    { provide: SHIPPED_CONTENT, useFactory: () => loadContentFiles(SHIPPED_CONTENT_DIR) },
    ContentRepository,
    ContentStore,
    ContentService,
  ],
  exports: [ContentService],
})
export class ContentModule {}
