import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MemberView, SpaceRole } from '@concerto/domain';
import { conflict, notFound } from '../common/api-exception.js';
import { AccessChanges } from '../auth/access-changes.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { roleChanged } from './space-notifications.js';

/** A space's members: roles change and members leave, but a space always keeps an animateur. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsRepository,
    private readonly events: EventsPublisher,
    private readonly accessChanges: AccessChanges,
    private readonly notifications: NotificationsService,
  ) {}

  list(spaceId: string): Promise<MemberView[]> {
    return this.memberships.list(spaceId);
  }

  async changeRole(spaceId: string, accountId: string, role: SpaceRole, actorAccountId: string): Promise<MemberView> {
    await this.dataSource.transaction(async (tx) => {
      const current = await this.lockMember(tx, spaceId, accountId);
      if (current === 'animateur' && role !== 'animateur') await this.ensureAnotherAnimateur(tx, spaceId, accountId);
      await this.memberships.updateRole(spaceId, accountId, role, tx);
      if (current !== role) await this.notifications.notify({ ...roleChanged(spaceId, accountId, actorAccountId, current, role), db: tx });
    });
    const notice = { spaceId, entity: 'member', id: accountId, op: 'updated' } as const;
    this.events.notify(notice);
    this.events.notifyAccount(accountId, notice);
    this.accessChanges.emit(spaceId, accountId);
    const member = await this.memberships.find(spaceId, accountId);
    if (!member) throw notFound();
    return member;
  }

  async remove(spaceId: string, accountId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const current = await this.lockMember(tx, spaceId, accountId);
      if (current === 'animateur') await this.ensureAnotherAnimateur(tx, spaceId, accountId);
      await this.memberships.delete(spaceId, accountId, tx);
      await this.notifications.forgetSpace(spaceId, accountId, tx);
    });
    const notice = { spaceId, entity: 'member', id: accountId, op: 'deleted' } as const;
    this.events.notify(notice);
    this.events.notifyAccount(accountId, notice);
    this.accessChanges.emit(spaceId, accountId);
    await this.events.revokeAccess(spaceId, accountId);
  }

  /** Locks the space's memberships so that two animateurs cannot demote each other at the same time; the member's role. */
  private async lockMember(tx: EntityManager, spaceId: string, accountId: string): Promise<SpaceRole> {
    const role = (await this.memberships.lockRoles(spaceId, tx)).get(accountId);
    if (!role) throw notFound();
    return role;
  }

  private async ensureAnotherAnimateur(tx: EntityManager, spaceId: string, accountId: string): Promise<void> {
    if ((await this.memberships.countOtherAnimateurs(spaceId, accountId, tx)) === 0) throw conflict('last_animateur');
  }
}
