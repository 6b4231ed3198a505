import { Module } from '@nestjs/common';
import { PolesController } from './poles.controller.js';
import { PolesRepository } from './poles.repository.js';
import { PolesService } from './poles.service.js';

/** Poles and their profiles; the spaces area depends on it, never the reverse. */
@Module({
  controllers: [PolesController],
  providers: [PolesRepository, PolesService],
  exports: [PolesService],
})
export class PolesModule {}
