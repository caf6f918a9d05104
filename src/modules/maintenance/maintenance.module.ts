import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MemoryModule } from '../memory/memory.module.js';
import { RagModule } from '../rag/rag.module.js';
import { AdminQueuesController } from './admin-queues.controller.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { MaintenanceSchedule } from './maintenance.schedule.js';

@Module({
  imports: [AuthModule, MemoryModule, ArtifactsModule, RagModule],
  controllers: [AdminQueuesController],
  providers: [MaintenanceProcessor, MaintenanceSchedule],
})
export class MaintenanceModule {}
