import { Controller, Get, Inject, type OnModuleDestroy, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { LivenessView, ReadinessView } from '@concerto/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Contract, Public } from '../common/contract.js';
import { DatabaseProbe } from './database-probe.js';
import { RedisProbe } from './redis-probe.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

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

  /** Liveness: the process is up and its event loop answers. Asks no dependency, so a database or Redis outage never gets a healthy process restarted. */
  @Get()
  @Public()
  @Contract({ summary: 'Liveness: the process answers (always 200, no dependency asked)', response: LivenessView })
  live(): LivenessView {
    return { status: 'ok', version: VERSION, uptimeS: Math.round(process.uptime()) };
  }

  /** Readiness: whether this process can serve requests now (database, and Redis with REDIS_URL). */
  @Get('ready')
  @Public()
  @Contract({
    summary: 'Readiness: database and, with REDIS_URL, Redis states (503 naming what is down; Redis waited for at most 1 s)',
    response: ReadinessView,
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessView> {
    const [database, redis] = await Promise.all([this.database(), this.redis?.check() ?? null]);
    const down = [...(database.status === 'down' ? (['database'] as const) : []), ...(redis?.status === 'down' ? (['redis'] as const) : [])];
    if (down.length > 0) res.status(503);
    return { status: down.length === 0 ? 'ok' : 'degraded', down, database, redis, version: VERSION };
  }

  onModuleDestroy(): void {
    this.redis?.close();
  }

  private async database(): Promise<ReadinessView['database']> {
    const latencyMs = await this.databaseProbe.latencyMs();
    return {
      status: latencyMs === null ? 'down' : 'up',
      latencyMs,
      embedded: this.config.databaseUrl === undefined,
    };
  }
}
