import type { PoleView } from '@concerto/domain';
import type { Pole } from './pole.entity.js';

export function toPoleView(pole: Pole): PoleView {
  return {
    id: pole.id,
    name: pole.name,
    territory: pole.territory,
    description: pole.description,
    collectiviteLevels: pole.collectiviteLevels,
    collectiviteServices: pole.collectiviteServices,
    legalForm: pole.legalForm,
    stage: pole.stage,
    perimeter: pole.perimeter,
    implantation: pole.implantation,
    memberStructureCount: pole.memberStructureCount,
    structureKinds: pole.structureKinds,
    sectors: pole.sectors,
    activityNatures: pole.activityNatures,
    updatedAt: pole.updatedAt.toISOString(),
  };
}
