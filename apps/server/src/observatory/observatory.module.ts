import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module.js';
import { ObservatoryController } from './observatory.controller.js';
import { ObservatoryService } from './observatory.service.js';
import { RelationsController } from './relations.controller.js';
import { RelationsService } from './relations.service.js';

@Module({
  imports: [SpacesModule],
  controllers: [ObservatoryController, RelationsController],
  providers: [ObservatoryService, RelationsService],
})
export class ObservatoryModule {}
