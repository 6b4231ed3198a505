import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { MemberView, SpaceRole } from '@concerto/domain';
import { SpaceMembership } from './space-membership.entity.js';
import { toMemberView } from './space-views.js';

/**
 * The `space_membership` table as the space manages it: who its members are, their roles, joining and leaving.
 * Access decisions do not read it here (they go through the AccessPolicy). Members come back in their API shape;
 * reads and writes go through the data source, or through the transaction passed as the last argument.
 */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's members with their organisations, oldest first. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<MemberView[]> {
    const members = await db.getRepository(SpaceMembership).find({
      where: { spaceId },
      relations: { account: { organisation: true } },
      order: { createdAt: 'ASC' },
    });
    return members.map(toMemberView);
  }

  async find(spaceId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<MemberView | undefined> {
    const member = await db.getRepository(SpaceMembership).findOne({
      where: { spaceId, accountId },
      relations: { account: { organisation: true } },
    });
    return member ? toMemberView(member) : undefined;
  }

  /** Locks all the space's memberships until the end of the transaction `db`, and returns their roles by account. */
  async lockRoles(spaceId: string, db: EntityManager): Promise<Map<string, SpaceRole>> {
    const rows: { account_id: string; role: SpaceRole }[] = await db.query(
      `SELECT account_id, role FROM space_membership WHERE space_id = $1 ORDER BY account_id FOR UPDATE`,
      [spaceId],
    );
    return new Map(rows.map((r) => [r.account_id, r.role]));
  }

  /** How many animateurs the space has besides this account. */
  async countOtherAnimateurs(spaceId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: string }[] = await db.query(`SELECT count(*) FROM space_membership WHERE space_id = $1 AND role = 'animateur' AND account_id <> $2`, [
      spaceId,
      accountId,
    ]);
    return Number(rows[0].count);
  }

  /** Whether an account with this e-mail address is a member of the space. */
  async hasMemberWithEmail(spaceId: string, email: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM space_membership m JOIN account a ON a.id = m.account_id WHERE m.space_id = $1 AND a.email = $2`, [
      spaceId,
      email,
    ]);
    return rows.length > 0;
  }

  async insert(spaceId: string, accountId: string, role: SpaceRole, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(SpaceMembership).insert({ spaceId, accountId, role });
  }

  /** Adds the member unless already one (their role is then left as it is). */
  async insertIfAbsent(spaceId: string, accountId: string, role: SpaceRole, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(SpaceMembership).createQueryBuilder().insert().values({ spaceId, accountId, role }).orIgnore().execute();
  }

  async updateRole(spaceId: string, accountId: string, role: SpaceRole, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(SpaceMembership).update({ spaceId, accountId }, { role });
  }

  async delete(spaceId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(SpaceMembership).delete({ spaceId, accountId });
  }
}
