import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { CreateSpaceRequest, SpaceSummary, SpaceView, UpdateSpaceRequest } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { Pole } from '../poles/pole.entity.js';
import { toPoleView } from '../poles/pole-view.js';
import { SpaceMembership } from './space-membership.entity.js';
import { Space } from './space.entity.js';

interface SpaceRow {
  id: string;
  title: string;
  description: string;
  created_at: Date;
  role: SpaceSummary['myRole'];
  member_count: string;
  pole_id: string;
  pole_name: string;
  pole_territory: string;
}

const SPACES_OF_ACCOUNT = `
  SELECT s.id, s.title, s.description, s.created_at, m.role,
         (SELECT count(*) FROM space_membership c WHERE c.space_id = s.id) AS member_count,
         p.id AS pole_id, p.name AS pole_name, p.territory AS pole_territory
    FROM space s
    JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1
    JOIN pole p ON p.id = s.pole_id`;

@Injectable()
export class SpacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Space) private readonly spaces: Repository<Space>,
    private readonly events: EventsPublisher,
    private readonly policy: AccessPolicy,
  ) {}

  async listForAccount(accountId: string): Promise<SpaceSummary[]> {
    const rows: SpaceRow[] = await this.dataSource.query(`${SPACES_OF_ACCOUNT} ORDER BY s.created_at DESC`, [accountId]);
    return rows.map(toSummary);
  }

  async get(spaceId: string, accountId: string): Promise<SpaceView> {
    const [row]: SpaceRow[] = await this.dataSource.query(`${SPACES_OF_ACCOUNT} WHERE s.id = $2`, [accountId, spaceId]);
    if (!row) throw notFound();
    const pole = await this.dataSource.getRepository(Pole).findOneByOrFail({ id: row.pole_id });
    const { pole: _summaryPole, ...summary } = toSummary(row);
    return { ...summary, pole: toPoleView(pole), canEditPoleProfile: await this.policy.mayEditPoleProfile(spaceId, accountId) };
  }

  /** Creates the space (and its pole when new) with the creator as its first animateur, in one transaction. */
  async create(request: CreateSpaceRequest, accountId: string): Promise<SpaceView> {
    const spaceId = await this.dataSource.transaction(async (tx) => {
      let poleId: string;
      if ('id' in request.pole) {
        await this.policy.requirePoleAnimateur(request.pole.id, accountId, tx);
        poleId = request.pole.id;
      } else {
        const pole = await tx.getRepository(Pole).save({ name: request.pole.name, territory: request.pole.territory ?? '' });
        poleId = pole.id;
      }
      const space = await tx.getRepository(Space).save({
        poleId,
        title: request.title,
        description: request.description ?? '',
        createdById: accountId,
      });
      await tx.getRepository(SpaceMembership).insert({ spaceId: space.id, accountId, role: 'animateur' });
      return space.id;
    });
    return this.get(spaceId, accountId);
  }

  async update(spaceId: string, changes: UpdateSpaceRequest, accountId: string): Promise<SpaceView> {
    await this.spaces.update({ id: spaceId }, changes);
    this.events.notify({ spaceId, entity: 'space', id: spaceId, op: 'updated' });
    return this.get(spaceId, accountId);
  }
}

function toSummary(row: SpaceRow): SpaceSummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    pole: { id: row.pole_id, name: row.pole_name, territory: row.pole_territory },
    myRole: row.role,
    memberCount: Number(row.member_count),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
