import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SpaceSummary, UpdateSpaceRequest } from '@concerto/domain';
import { Space } from './space.entity.js';

const SPACES_OF_ACCOUNT = `
  SELECT s.id, s.title, s.description, s.created_at, m.role,
         (SELECT count(*) FROM space_membership c WHERE c.space_id = s.id) AS member_count,
         p.id AS pole_id, p.name AS pole_name, p.territory AS pole_territory
    FROM space s
    JOIN space_membership m ON m.space_id = s.id AND m.account_id = $1
    JOIN pole p ON p.id = s.pole_id`;

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

function mapSpaceRow(row: SpaceRow): SpaceSummary {
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

export interface NewSpace {
  poleId: string;
  title: string;
  description: string;
  createdById: string;
}

/**
 * The `space` table: spaces as one of their members sees them (with their role and pole), and which spaces a pole
 * has. Reads and writes go through the data source, or through the transaction passed as the last argument.
 */
@Injectable()
export class SpacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account's spaces, newest first. */
  async listForAccount(accountId: string, db: EntityManager = this.dataSource.manager): Promise<SpaceSummary[]> {
    const rows: SpaceRow[] = await db.query(`${SPACES_OF_ACCOUNT} ORDER BY s.created_at DESC`, [accountId]);
    return rows.map(mapSpaceRow);
  }

  /** The space as the account sees it; undefined when it is not a member. */
  async findForAccount(spaceId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<SpaceSummary | undefined> {
    const rows: SpaceRow[] = await db.query(`${SPACES_OF_ACCOUNT} WHERE s.id = $2`, [accountId, spaceId]);
    return rows[0] && mapSpaceRow(rows[0]);
  }

  /** Returns the new space's id. */
  async insert(space: NewSpace, db: EntityManager = this.dataSource.manager): Promise<string> {
    const saved = await db.getRepository(Space).save(space);
    return saved.id;
  }

  async update(spaceId: string, changes: UpdateSpaceRequest, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(Space).update({ id: spaceId }, changes);
  }

  async poleOf(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const space = await db.getRepository(Space).findOne({ where: { id: spaceId }, select: { poleId: true } });
    return space?.poleId;
  }

  async idsOfPole(poleId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const spaces = await db.getRepository(Space).find({ where: { poleId }, select: { id: true } });
    return spaces.map((s) => s.id);
  }
}
