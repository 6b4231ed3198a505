import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreateInvitationRequest, InvitationPreview, InvitationView } from '@concerto/domain';
import { ApiException, conflict, forbidden, notFound } from '../common/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { AuthenticatedAccount } from '../common/request-auth.js';
import { InvitationsRepository } from './invitations.repository.js';
import { MembershipsRepository } from './memberships.repository.js';
import { spaceJoined } from './space-notifications.js';

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly events: EventsPublisher,
    private readonly notifications: NotificationsService,
  ) {}

  list(spaceId: string): Promise<InvitationView[]> {
    return this.invitations.list(spaceId);
  }

  async create(spaceId: string, request: CreateInvitationRequest, invitedById: string): Promise<InvitationView> {
    if (await this.memberships.hasMemberWithEmail(spaceId, request.email)) throw conflict('already_member');
    // An expired invitation no longer blocks a new one for the same address.
    await this.invitations.revokeExpired(spaceId, request.email);
    const id = await this.invitations.insertUnlessPending({
      spaceId,
      email: request.email,
      role: request.role,
      token: randomBytes(32).toString('base64url'),
      invitedById,
      expiresAt: new Date(Date.now() + this.config.invitationTtlMs),
    });
    if (!id) throw conflict('invitation_pending');
    this.events.notify({ spaceId, entity: 'invitation', id, op: 'created' });
    const created = await this.invitations.find(id);
    if (!created) throw notFound();
    return created;
  }

  async revoke(spaceId: string, invitationId: string): Promise<void> {
    if (!(await this.invitations.revokePending(spaceId, invitationId))) throw notFound();
    this.events.notify({ spaceId, entity: 'invitation', id: invitationId, op: 'updated' });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const preview = await this.invitations.findPreview(token);
    if (!preview) throw notFound();
    return preview;
  }

  /** Joins the space with the invited role; only the invited address may use the link, and only once. */
  async accept(token: string, account: AuthenticatedAccount): Promise<{ spaceId: string }> {
    const invitation = await this.dataSource.transaction(async (tx) => {
      const found = await this.invitations.lockByToken(token, tx);
      if (!found) throw notFound();
      if (found.status !== 'pending') throw new ApiException(410, 'invitation_invalid');
      if (found.email !== account.email) throw forbidden('invitation_email_mismatch');
      await this.memberships.insertIfAbsent(found.spaceId, account.id, found.role, tx);
      await this.invitations.markAccepted(found.id, account.id, tx);
      await this.notifications.notify({ ...spaceJoined(found.spaceId, account.id, found.invitedById, found.role, found.id), db: tx });
      return found;
    });
    const joined = { spaceId: invitation.spaceId, entity: 'member', id: account.id, op: 'created' } as const;
    this.events.notify(joined);
    this.events.notifyAccount(account.id, joined);
    this.events.notify({ spaceId: invitation.spaceId, entity: 'invitation', id: invitation.id, op: 'updated' });
    return { spaceId: invitation.spaceId };
  }
}
