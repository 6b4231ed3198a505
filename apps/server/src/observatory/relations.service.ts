import { Injectable } from '@nestjs/common';
import type { CreateRelationRequest, RelationView } from '@concerto/domain';
import { ApiException, conflict, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { RelationsRepository } from './relations.repository.js';

/** The evolution of each collectivité's relation with the space's pole, recorded per pair and per year. */
@Injectable()
export class RelationsService {
  constructor(
    private readonly relations: RelationsRepository,
    private readonly events: EventsPublisher,
  ) {}

  list(spaceId: string): Promise<RelationView[]> {
    return this.relations.list(spaceId);
  }

  async create(spaceId: string, body: CreateRelationRequest, accountId: string): Promise<RelationView> {
    const kind = await this.relations.organisationKind(body.organisationId);
    if (kind === undefined) throw new ApiException(400, 'organisation_not_found', [{ path: 'organisationId', message: 'Unknown organisation' }]);
    if (kind !== 'collectivite') {
      throw new ApiException(400, 'validation_failed', [{ path: 'organisationId', message: 'Only a collectivité has a relation with the pole' }]);
    }
    const id = await this.relations.insert(spaceId, body, accountId);
    if (!id) throw conflict('relation_exists');
    await this.notifyPole(spaceId, id, 'created');
    return (await this.relations.find(spaceId, id))!;
  }

  async remove(spaceId: string, relationId: string): Promise<void> {
    if (!(await this.relations.delete(spaceId, relationId))) throw notFound();
    await this.notifyPole(spaceId, relationId, 'deleted');
  }

  /** A relation is the pole's: every space of the pole is told. */
  private async notifyPole(spaceId: string, relationId: string, op: 'created' | 'deleted'): Promise<void> {
    for (const id of await this.relations.poleSpaceIds(spaceId)) this.events.notify({ spaceId: id, entity: 'relation', id: relationId, op });
  }
}
