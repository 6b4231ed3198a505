import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateInvitationRequest, InvitationPreview, InvitationView } from '@concerto/domain';
import { ApiException, conflict, forbidden, notFound } from '../common/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { MailService } from '../mail/mail.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { AuthenticatedAccount } from '../common/request-auth.js';
import { invitationMail } from './invitation.mail.js';
import { InvitationsRepository } from './invitations.repository.js';
import { MembershipsRepository } from './memberships.repository.js';
import { spaceJoined } from './space-notifications.js';
import { invitationPath } from './space-views.js';

/** The mails of an invitation are found by this reference kind and the invitation's id. */
const INVITATION_MAIL = 'invitation';

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly events: EventsPublisher,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The space's invitations, each with where its latest mail stands. */
  async list(spaceId: string): Promise<InvitationView[]> {
    const invitations = await this.invitations.list(spaceId);
    const statuses = await this.mail.mailStatuses(
      INVITATION_MAIL,
      invitations.map((i) => i.id),
    );
    return invitations.map((i) => ({ ...i, mail: statuses.get(i.id) ?? null }));
  }

  /** Creates the invitation and queues its mail in the same transaction (sent by the mail worker, never here). */
  async create(spaceId: string, request: CreateInvitationRequest, invitedById: string): Promise<InvitationView> {
    if (await this.memberships.hasMemberWithEmail(spaceId, request.email)) throw conflict('already_member');
    const id = await this.dataSource.transaction(async (tx) => {
      // An expired invitation no longer blocks a new one for the same address.
      await this.invitations.revokeExpired(spaceId, request.email, tx);
      const created = await this.invitations.insertUnlessPending(
        {
          spaceId,
          email: request.email,
          role: request.role,
          token: randomBytes(32).toString('base64url'),
          invitedById,
          expiresAt: new Date(Date.now() + this.config.invitationTtlMs),
        },
        tx,
      );
      if (!created) throw conflict('invitation_pending');
      await this.queueMail(spaceId, created, tx);
      return created;
    });
    this.events.notify({ spaceId, entity: 'invitation', id, op: 'created' });
    return this.view(id);
  }

  /** « Renvoyer » : queues the mail of a pending invitation again (nothing more while one is still waiting). */
  async resend(spaceId: string, invitationId: string): Promise<InvitationView> {
    await this.dataSource.transaction(async (tx) => {
      const waiting = (await this.mail.mailStatuses(INVITATION_MAIL, [invitationId], tx)).get(invitationId) === 'pending';
      if (!(await this.queueMail(spaceId, invitationId, tx, !waiting))) throw notFound();
    });
    this.events.notify({ spaceId, entity: 'invitation', id: invitationId, op: 'updated' });
    return this.view(invitationId);
  }

  /** Revokes a pending invitation; the invited account's unread « invited » notification goes with it. */
  async revoke(spaceId: string, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.invitations.revokePending(spaceId, invitationId, tx))) throw notFound();
      await this.notifications.forgetInvitation(invitationId, tx);
    });
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
      await this.notifications.invitationAccepted(found.id, tx);
      await this.notifications.notify({ ...spaceJoined(found.spaceId, account.id, found.invitedById, found.role, found.id), db: tx });
      return found;
    });
    const joined = { spaceId: invitation.spaceId, entity: 'member', id: account.id, op: 'created' } as const;
    this.events.notify(joined);
    this.events.notifyAccount(account.id, joined);
    this.events.notify({ spaceId: invitation.spaceId, entity: 'invitation', id: invitation.id, op: 'updated' });
    return { spaceId: invitation.spaceId };
  }

  /**
   * Queues the mail of a pending invitation (in the invitee's language if they have an account, else the inviter's)
   * in `tx`; false when the space has no such pending invitation. `send: false` only checks and locks it.
   */
  private async queueMail(spaceId: string, invitationId: string, tx: EntityManager, send = true): Promise<boolean> {
    const facts = await this.invitations.lockPendingForMail(spaceId, invitationId, tx);
    if (!facts) return false;
    if (!send) return true;
    await this.mail.enqueue(
      {
        to: facts.email,
        locale: facts.locale,
        template: invitationMail,
        data: {
          inviterName: facts.inviterName,
          spaceTitle: facts.spaceTitle,
          poleName: facts.poleName,
          role: facts.role,
          link: invitationPath(facts.token),
          expiresAt: facts.expiresAt,
        },
        reference: { kind: INVITATION_MAIL, id: facts.id },
      },
      tx,
    );
    // An address that has an account hears of it in the app too (once per invitation; the mail above is its mail).
    if (facts.inviteeId) {
      await this.notifications.notifyInvited(
        {
          invitationId: facts.id,
          spaceId,
          inviteeId: facts.inviteeId,
          invitedById: facts.invitedById,
          link: invitationPath(facts.token),
          params: { role: facts.role, space: facts.spaceTitle },
        },
        tx,
      );
    }
    return true;
  }

  private async view(invitationId: string): Promise<InvitationView> {
    const invitation = await this.invitations.find(invitationId);
    if (!invitation) throw notFound();
    const status = (await this.mail.mailStatuses(INVITATION_MAIL, [invitationId])).get(invitationId) ?? null;
    return { ...invitation, mail: status };
  }
}
