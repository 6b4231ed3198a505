import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthView } from '@concerto/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Contract, Public } from '../common/contract.js';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Contract({ summary: 'Liveness and database state (503 when the database does not answer)', response: HealthView })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const started = performance.now();
    const up = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    if (!up) res.status(503);
    return {
      status: up ? 'ok' : 'degraded',
      database: {
        status: up ? 'up' : 'down',
        latencyMs: up ? Math.round((performance.now() - started) * 10) / 10 : null,
        embedded: this.config.databaseUrl === undefined,
      },
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}
