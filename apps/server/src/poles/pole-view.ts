import type { PoleView } from '@concerto/domain';
import type { Pole } from './pole.entity.js';

export function toPoleView(pole: Pole): PoleView {
  return {
    id: pole.id,
    name: pole.name,
    territory: pole.territory,
    regionCode: pole.regionCode,
    departementCode: pole.departementCode,
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
    foundedYear: pole.foundedYear,
    cellBudgetCents: pole.cellBudgetCents,
    cellSelfFinancedPercent: pole.cellSelfFinancedPercent,
    cellFte: pole.cellFte,
    employeeCount: pole.employeeCount,
    consolidatedBudgetCents: pole.consolidatedBudgetCents,
    updatedAt: pole.updatedAt.toISOString(),
  };
}
