import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateSpaceRequest, PoleView, SpaceSummary, SpaceView, UpdatePoleProfileRequest, UpdateSpaceRequest } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { PolesService } from '../poles/poles.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { SpacesRepository } from './spaces.repository.js';

@Injectable()
export class SpacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: SpacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly poles: PolesService,
    private readonly events: EventsPublisher,
    private readonly policy: AccessPolicy,
  ) {}

  listForAccount(accountId: string): Promise<SpaceSummary[]> {
    return this.spaces.listForAccount(accountId);
  }

  async get(spaceId: string, accountId: string): Promise<SpaceView> {
    const space = await this.spaces.findForAccount(spaceId, accountId);
    if (!space) throw notFound();
    const pole = await this.poles.get(space.pole.id);
    const { pole: _summaryPole, ...summary } = space;
    return { ...summary, pole, canEditPoleProfile: await this.policy.mayEditPoleProfile(spaceId, accountId) };
  }

  /** Creates the space (and its pole when new) with the creator as its first animateur, in one transaction. */
  async create(request: CreateSpaceRequest, accountId: string): Promise<SpaceView> {
    const spaceId = await this.dataSource.transaction(async (tx) => {
      let poleId: string;
      if ('id' in request.pole) {
        await this.policy.requirePoleAnimateur(request.pole.id, accountId, tx);
        poleId = request.pole.id;
      } else {
        poleId = await this.poles.create(request.pole, tx);
      }
      const id = await this.spaces.insert({ poleId, title: request.title, description: request.description ?? '', createdById: accountId }, tx);
      await this.memberships.insert(id, accountId, 'animateur', tx);
      return id;
    });
    return this.get(spaceId, accountId);
  }

  async update(spaceId: string, changes: UpdateSpaceRequest, accountId: string): Promise<SpaceView> {
    await this.spaces.update(spaceId, changes);
    this.events.notify({ spaceId, entity: 'space', id: spaceId, op: 'updated' });
    return this.get(spaceId, accountId);
  }

  /** Edits the profile of the space's pole and tells every space of that pole (the poles area knows no spaces). */
  async updatePoleProfile(spaceId: string, changes: UpdatePoleProfileRequest): Promise<PoleView> {
    const poleId = await this.spaces.poleOf(spaceId);
    if (!poleId) throw notFound();
    const pole = await this.poles.updateProfile(poleId, changes);
    for (const id of await this.spaces.idsOfPole(poleId)) this.events.notify({ spaceId: id, entity: 'pole', id: poleId, op: 'updated' });
    return pole;
  }
}
