import { Module } from '@nestjs/common';
import { RetentionModule } from '../lifecycle/retention/retention.module.js';
import { FailedJobsRetention } from './maintenance.failed-jobs.retention.js';
import { AdminQueuesController } from './admin-queues.controller.js';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { MaintenanceSchedule } from './maintenance.schedule.js';

@Module({
  imports: [RetentionModule],
  controllers: [AdminQueuesController],
  providers: [MaintenanceProcessor, MaintenanceSchedule, FailedJobsRetention],
})
export class MaintenanceModule {}
