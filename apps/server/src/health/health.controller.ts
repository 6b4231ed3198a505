import { Controller, Get, Inject, type OnModuleDestroy, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthView } from '@concerto/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Contract, Public } from '../common/contract.js';
import { DatabaseProbe } from './database-probe.js';
import { RedisProbe } from './redis-probe.js';

@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly databaseProbe: DatabaseProbe;
  private readonly redis: RedisProbe | undefined;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.databaseProbe = new DatabaseProbe(dataSource);
    this.redis = config.redisUrl ? new RedisProbe(config.redisUrl) : undefined;
  }

  @Get()
  @Public()
  @Contract({
    summary: 'Readiness: database and, with REDIS_URL, Redis states (503 when either does not answer; Redis waited for at most 1 s)',
    response: HealthView,
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const [database, redis] = await Promise.all([this.database(), this.redis?.check() ?? null]);
    const up = database.status === 'up' && (redis === null || redis.status === 'up');
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', database, redis, version: process.env.npm_package_version ?? '0.1.0' };
  }

  onModuleDestroy(): void {
    this.redis?.close();
  }

  private async database(): Promise<HealthView['database']> {
    const latencyMs = await this.databaseProbe.latencyMs();
    return {
      status: latencyMs === null ? 'down' : 'up',
      latencyMs,
      embedded: this.config.databaseUrl === undefined,
    };
  }
}
