import { Injectable } from '@nestjs/common';
import type { CreateOrganisationRequest, OrganisationListQuery, OrganisationView, UpdateOrganisationRequest } from '@concerto/domain';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception.js';
import { CollectiviteLevelGate } from './collectivite-level-gate.js';
import { OrganisationsRepository } from './organisations.repository.js';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly levelGate: CollectiviteLevelGate,
  ) {}

  list(query: OrganisationListQuery): Promise<OrganisationView[]> {
    return this.organisations.list(query);
  }

  async get(id: string): Promise<OrganisationView> {
    const organisation = await this.organisations.find(id);
    if (!organisation) throw notFound();
    return organisation;
  }

  /** Whether the directory has this organisation (an account may only name a known one). */
  exists(id: string): Promise<boolean> {
    return this.organisations.exists(id);
  }

  /** Any signed-in person may add an organisation to the directory; its creator joins it if they have none. */
  async create(request: CreateOrganisationRequest, accountId: string): Promise<OrganisationView> {
    const id = await this.organisations.insertUnlessNamed({
      kind: request.kind,
      name: request.name,
      territory: request.territory ?? '',
      collectiviteLevel: request.kind === 'collectivite' ? request.collectiviteLevel : null,
      structureKind: request.kind === 'member_structure' ? request.structureKind : null,
    });
    if (!id) throw conflict('organisation_exists');
    await this.organisations.joinIfNone(accountId, id);
    return this.get(id);
  }

  /**
   * People who belong to an organisation edit it; its collectivité level is decided by the access policy (animateurs of
   * the spaces that name it, once one does). The kind-specific field must match the kind.
   */
  async update(id: string, changes: UpdateOrganisationRequest, accountId: string): Promise<OrganisationView> {
    const organisation = await this.get(id);
    const otherChanges = Object.entries(changes).some(([key, value]) => key !== 'collectiviteLevel' && value !== undefined);
    if (otherChanges && !(await this.organisations.isMember(accountId, id))) throw forbidden('organisation_not_editable');
    if (changes.collectiviteLevel && organisation.kind !== 'collectivite') {
      throw badRequest([{ path: 'collectiviteLevel', message: 'Only a collectivité has a level' }]);
    }
    if (changes.structureKind && organisation.kind !== 'member_structure') {
      throw badRequest([{ path: 'structureKind', message: 'Only a member structure has a kind' }]);
    }
    if (changes.collectiviteLevel !== undefined && changes.collectiviteLevel !== organisation.collectiviteLevel) {
      await this.levelGate.requireCollectiviteLevelEditor(id, accountId);
    }
    await this.organisations.update(id, changes);
    return this.get(id);
  }
}
