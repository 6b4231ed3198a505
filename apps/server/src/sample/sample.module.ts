import { Module } from '@nestjs/common';
import { SampleController } from './sample.controller.js';
import { SampleCoverageRepository } from './sample-coverage.repository.js';
import { SampleSelectionsRepository } from './sample-selections.repository.js';
import { SampleService } from './sample.service.js';

/** The sample builder (« critères d'échantillonnage »): coverage of the grid by a set of poles, saved selections. */
@Module({
  controllers: [SampleController],
  providers: [SampleCoverageRepository, SampleSelectionsRepository, SampleService],
})
export class SampleModule {}
