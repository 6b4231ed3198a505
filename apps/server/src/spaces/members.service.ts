import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { MemberView, SpaceRole } from '@concerto/domain';
import { conflict, notFound } from '../common/api-exception.js';
import { AccessChanges } from '../events/access-changes.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { SpaceMembership } from './space-membership.entity.js';
import { toMemberView } from './space-views.js';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SpaceMembership) private readonly memberships: Repository<SpaceMembership>,
    private readonly events: EventsPublisher,
    private readonly accessChanges: AccessChanges,
  ) {}

  async list(spaceId: string): Promise<MemberView[]> {
    const members = await this.memberships.find({
      where: { spaceId },
      relations: { account: { organisation: true } },
      order: { createdAt: 'ASC' },
    });
    return members.map(toMemberView);
  }

  async changeRole(spaceId: string, accountId: string, role: SpaceRole): Promise<MemberView> {
    await this.dataSource.transaction(async (tx) => {
      const current = await this.lockMember(tx, spaceId, accountId);
      if (current.role === 'animateur' && role !== 'animateur') await this.ensureAnotherAnimateur(tx, spaceId, accountId);
      await tx.getRepository(SpaceMembership).update({ spaceId, accountId }, { role });
    });
    const notice = { spaceId, entity: 'member', id: accountId, op: 'updated' } as const;
    this.events.notify(notice);
    this.events.notifyAccount(accountId, notice);
    this.accessChanges.emit(spaceId, accountId);
    const member = await this.memberships.findOneOrFail({
      where: { spaceId, accountId },
      relations: { account: { organisation: true } },
    });
    return toMemberView(member);
  }

  async remove(spaceId: string, accountId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const current = await this.lockMember(tx, spaceId, accountId);
      if (current.role === 'animateur') await this.ensureAnotherAnimateur(tx, spaceId, accountId);
      await tx.getRepository(SpaceMembership).delete({ spaceId, accountId });
    });
    const notice = { spaceId, entity: 'member', id: accountId, op: 'deleted' } as const;
    this.events.notify(notice);
    this.events.notifyAccount(accountId, notice);
    this.accessChanges.emit(spaceId, accountId);
    await this.events.revokeAccess(spaceId, accountId);
  }

  /** Locks the space's memberships so that two animateurs cannot demote each other at the same time. */
  private async lockMember(tx: EntityManager, spaceId: string, accountId: string): Promise<{ role: SpaceRole }> {
    const rows: { account_id: string; role: SpaceRole }[] = await tx.query(
      `SELECT account_id, role FROM space_membership WHERE space_id = $1 ORDER BY account_id FOR UPDATE`,
      [spaceId],
    );
    const current = rows.find((r) => r.account_id === accountId);
    if (!current) throw notFound();
    return current;
  }

  private async ensureAnotherAnimateur(tx: EntityManager, spaceId: string, accountId: string): Promise<void> {
    const [{ count }]: { count: string }[] = await tx.query(
      `SELECT count(*) FROM space_membership WHERE space_id = $1 AND role = 'animateur' AND account_id <> $2`,
      [spaceId, accountId],
    );
    if (Number(count) === 0) throw conflict('last_animateur');
  }
}
