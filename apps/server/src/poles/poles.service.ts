import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { type PoleChoice, type PoleView, type UpdatePoleProfileRequest, compareFrench } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { Space } from '../spaces/space.entity.js';
import { Pole } from './pole.entity.js';
import { toPoleView } from './pole-view.js';

@Injectable()
export class PolesService {
  constructor(
    @InjectRepository(Pole) private readonly poles: Repository<Pole>,
    @InjectRepository(Space) private readonly spaces: Repository<Space>,
    private readonly events: EventsPublisher,
    private readonly policy: AccessPolicy,
  ) {}

  /** Poles the caller works on through a space; a new space can be opened for those they facilitate. */
  async listForAccount(accountId: string): Promise<PoleChoice[]> {
    const poles = await this.policy.polesOf(accountId);
    if (poles.size === 0) return [];
    const rows = await this.poles.find({ where: { id: In([...poles.keys()]) }, select: { id: true, name: true, territory: true } });
    return rows
      .map((p) => ({ id: p.id, name: p.name, territory: p.territory, canCreateSpace: poles.get(p.id) ?? false }))
      .sort((a, b) => compareFrench(a.name, b.name));
  }

  /** Edits the profile of the space's pole and tells every space of that pole. */
  async updateProfileOfSpace(spaceId: string, changes: UpdatePoleProfileRequest): Promise<PoleView> {
    const space = await this.spaces.findOneByOrFail({ id: spaceId });
    await this.poles.update({ id: space.poleId }, changes);
    const pole = await this.poles.findOneByOrFail({ id: space.poleId });
    const spacesOfPole = await this.spaces.find({ where: { poleId: pole.id }, select: { id: true } });
    for (const s of spacesOfPole) this.events.notify({ spaceId: s.id, entity: 'pole', id: pole.id, op: 'updated' });
    return toPoleView(pole);
  }
}
