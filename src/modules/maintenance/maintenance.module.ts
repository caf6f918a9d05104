import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MemoryModule } from '../memory/memory.module.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { MaintenanceSchedule } from './maintenance.schedule.js';

@Module({
  imports: [AuthModule, MemoryModule],
  providers: [MaintenanceProcessor, MaintenanceSchedule],
})
export class MaintenanceModule {}
