import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module.js';
import { ObservatoryController } from './observatory.controller.js';
import { ObservatoryIndicatorsController } from './observatory-indicators.controller.js';
import { ObservatoryIndicatorsService } from './observatory-indicators.service.js';
import { PoleNamesRepository } from './pole-names.repository.js';
import { ObservatoryMapController } from './observatory-map.controller.js';
import { ObservatoryMapService } from './observatory-map.service.js';
import { ObservatoryFactsRepository } from './observatory-facts.repository.js';
import { ObservatoryRepository } from './observatory.repository.js';
import { ObservatoryService } from './observatory.service.js';
import { PanoramaRepository } from './panorama.repository.js';
import { RelationsController } from './relations.controller.js';
import { RelationsRepository } from './relations.repository.js';
import { RelationsService } from './relations.service.js';

@Module({
  imports: [SpacesModule],
  controllers: [ObservatoryController, ObservatoryMapController, RelationsController, ObservatoryIndicatorsController],
  providers: [
    ObservatoryRepository,
    ObservatoryFactsRepository,
    PanoramaRepository,
    RelationsRepository,
    ObservatoryService,
    RelationsService,
    ObservatoryMapService,
    PoleNamesRepository,
    ObservatoryIndicatorsService,
  ],
  exports: [ObservatoryService],
})
export class ObservatoryModule {}
