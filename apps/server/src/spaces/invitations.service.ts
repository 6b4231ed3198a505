import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual, Repository } from 'typeorm';
import type { CreateInvitationRequest, InvitationPreview, InvitationView } from '@concerto/domain';
import { ApiException, conflict, forbidden, notFound } from '../common/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EventsPublisher } from '../events/events-publisher.js';
import type { Account } from '../auth/account.entity.js';
import { Invitation } from './invitation.entity.js';
import { SpaceMembership } from './space-membership.entity.js';
import { invitationStatus, toInvitationView } from './space-views.js';

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly events: EventsPublisher,
  ) {}

  async list(spaceId: string): Promise<InvitationView[]> {
    const rows = await this.invitations.find({
      where: { spaceId },
      relations: { invitedBy: true },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toInvitationView);
  }

  async create(spaceId: string, request: CreateInvitationRequest, invitedById: string): Promise<InvitationView> {
    const alreadyMember = await this.dataSource.query(
      `SELECT 1 FROM space_membership m JOIN account a ON a.id = m.account_id WHERE m.space_id = $1 AND a.email = $2`,
      [spaceId, request.email],
    );
    if (alreadyMember.length > 0) throw conflict('already_member');
    // An expired invitation no longer blocks a new one for the same address.
    await this.invitations.update(
      { spaceId, email: request.email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: LessThanOrEqual(new Date()) },
      { revokedAt: new Date() },
    );
    const inserted = await this.invitations
      .createQueryBuilder()
      .insert()
      .values({
        spaceId,
        email: request.email,
        role: request.role,
        token: randomBytes(32).toString('base64url'),
        invitedById,
        expiresAt: new Date(Date.now() + this.config.invitationTtlMs),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = inserted.raw[0]?.id as string | undefined;
    if (!id) throw conflict('invitation_pending');
    this.events.notify({ spaceId, entity: 'invitation', id, op: 'created' });
    return toInvitationView(await this.invitations.findOneOrFail({ where: { id }, relations: { invitedBy: true } }));
  }

  async revoke(spaceId: string, invitationId: string): Promise<void> {
    const result = await this.invitations.update(
      { id: invitationId, spaceId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!result.affected) throw notFound();
    this.events.notify({ spaceId, entity: 'invitation', id: invitationId, op: 'updated' });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.invitations.findOne({
      where: { token },
      relations: { space: { pole: true }, invitedBy: true },
    });
    if (!invitation) throw notFound();
    return {
      spaceTitle: invitation.space.title,
      poleName: invitation.space.pole.name,
      role: invitation.role,
      email: invitation.email,
      invitedBy: invitation.invitedBy?.displayName ?? '',
      status: invitationStatus(invitation),
    };
  }

  /** Joins the space with the invited role; only the invited address may use the link, and only once. */
  async accept(token: string, account: Account): Promise<{ spaceId: string }> {
    const invitation = await this.dataSource.transaction(async (tx) => {
      const found = await tx.getRepository(Invitation).findOne({ where: { token }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound();
      if (invitationStatus(found) !== 'pending') throw new ApiException(410, 'invitation_invalid');
      if (found.email !== account.email) throw forbidden('invitation_email_mismatch');
      await tx
        .getRepository(SpaceMembership)
        .createQueryBuilder()
        .insert()
        .values({ spaceId: found.spaceId, accountId: account.id, role: found.role })
        .orIgnore()
        .execute();
      await tx.getRepository(Invitation).update({ id: found.id }, { acceptedAt: new Date(), acceptedById: account.id });
      return found;
    });
    const joined = { spaceId: invitation.spaceId, entity: 'member', id: account.id, op: 'created' } as const;
    this.events.notify(joined);
    this.events.notifyAccount(account.id, joined);
    this.events.notify({ spaceId: invitation.spaceId, entity: 'invitation', id: invitation.id, op: 'updated' });
    return { spaceId: invitation.spaceId };
  }
}
