import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PoleChoice, PoleView, UpdatePoleProfileRequest } from '@concerto/domain';
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
  ) {}

  /** Poles the caller works on through a space; a new space can be opened for those they facilitate. */
  async listForAccount(accountId: string): Promise<PoleChoice[]> {
    const rows: { id: string; name: string; territory: string; can_create: boolean }[] = await this.poles.query(
      `SELECT p.id, p.name, p.territory, bool_or(m.role = 'animateur') AS can_create
         FROM pole p JOIN space s ON s.pole_id = p.id
         JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1
        GROUP BY p.id ORDER BY p.name`,
      [accountId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, territory: r.territory, canCreateSpace: r.can_create }));
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
