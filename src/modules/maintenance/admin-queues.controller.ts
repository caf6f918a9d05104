import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import { QUEUE_NAMES } from '../../platform/queue/queue.types.js';
import { Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { FailedJobDto, QueueStatsListDto, QueueStatsQueryDto } from './dto/queue-stats.dto.js';

const DEFAULT_FAILED_LIMIT = 20;

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiNotFoundResponse({ description: 'Not an admin: the admin surface does not exist for you' })
@Controller('admin/queues')
export class AdminQueuesController {
  constructor(
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every queue: its depth by state and its latest failed jobs',
    description:
      'The same figures on either driver: BullMQ on Redis, or the durable PostgreSQL queue of the embedded mode.',
  })
  @ApiOkResponse({ type: QueueStatsListDto })
  async list(@Query() query: QueueStatsQueryDto): Promise<QueueStatsListDto> {
    const limit = query.failed_limit ?? DEFAULT_FAILED_LIMIT;
    const depths = await this.queue.depths();
    const data = await Promise.all(
      QUEUE_NAMES.map(async (name) => ({
        name,
        ...depths[name],
        failed_jobs:
          limit === 0
            ? []
            : (await this.queue.failedJobs(name, limit)).map((job) => FailedJobDto.from(job)),
      })),
    );
    return { driver: this.config.queue.driver, data };
  }
}
