import { Controller, Get, Param } from '@nestjs/common';
import { RecommendationOriginChoices } from '@concerto/domain';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { RecommendationsService } from './recommendations.service.js';

// Not under `recommendations/`: `recommendations/:recommendationId` would take the name for an id.
@Controller('spaces/:spaceId/recommendation-origins')
export class RecommendationOriginsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: "What a new recommendation can come from: the decisions and closed votes of the space's sessions, latest first",
    response: RecommendationOriginChoices,
  })
  list(@Param('spaceId') spaceId: string) {
    return this.recommendations.originChoices(spaceId);
  }
}
