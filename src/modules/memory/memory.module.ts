import { Module } from '@nestjs/common';
import { MemoryItemsController } from './memory.controller.js';
import { MemoryItemsRepository } from './memory-items.repository.js';
import { MemoryItemsService } from './memory-items.service.js';

/** Long-term memory: namespaced items per user (and the summary lake, fed by the queue). */
@Module({
  controllers: [MemoryItemsController],
  providers: [MemoryItemsRepository, MemoryItemsService],
  exports: [MemoryItemsService],
})
export class MemoryModule {}
