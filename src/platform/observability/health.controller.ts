import { withTimeout } from '../async/with-timeout.js';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { VectorSupportService } from '../database/vector-support.service.js';
import { READINESS_PROBES, type ReadinessProbe } from './readiness.js';
import { Public } from '../http/public.decorator.js';
import { LivenessDto, ReadinessDto } from './health.dto.js';

const PROBE_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vectors: VectorSupportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (touches nothing else)' })
  @ApiOkResponse({ type: LivenessDto, description: 'The process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: database (required), Redis and blob store (degraded when down); run mode and vector mode',
  })
  @ApiOkResponse({ type: ReadinessDto, description: 'Serving (status ok or degraded)' })
  @ApiServiceUnavailableResponse({
    type: ReadinessDto,
    description: 'Not serving: the database is unreachable (status error)',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const mode = this.config.database.mode === 'embedded' ? 'embedded' : 'servers';
    const checks = [
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
            return { engine: this.config.database.mode, vector: await this.vectors.mode() };
          })
          .withTimeout(PROBE_TIMEOUT_MS),
      ...this.probes.map((probe) => () => this.runProbe(probe)),
    ];
    let result: Record<string, unknown>;
    try {
      result = { ...(await this.health.check(checks)) };
    } catch (err) {
      // Terminus signals a failed check with an exception carrying the report.
      const report = (err as { getResponse?: () => unknown }).getResponse?.();
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      result = { ...(report as Record<string, unknown>) };
    }
    const vector = await this.vectors.mode().catch(() => 'unknown');
    return {
      ...result,
      mode,
      vector,
      queue: this.config.queue.driver,
      blobs: this.config.blobs.driver,
    };
  }

  private async runProbe(probe: ReadinessProbe): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(probe.name);
    try {
      const data = await withTimeout(probe.check(), PROBE_TIMEOUT_MS);
      return session.up(data ?? {});
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Optional dependencies degrade the service; they do not take it out of rotation.
      return probe.critical ? session.down({ message }) : session.degraded({ message });
    }
  }
}
