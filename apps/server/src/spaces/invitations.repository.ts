import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { DEFAULT_LOCALE, type InvitationPreview, type InvitationStatus, type InvitationView, isLocale, type Locale, type SpaceRole } from '@concerto/domain';
import { Invitation } from './invitation.entity.js';
import { invitationStatus, toInvitationView } from './space-views.js';

export interface NewInvitation {
  spaceId: string;
  email: string;
  role: SpaceRole;
  token: string;
  invitedById: string;
  expiresAt: Date;
}

/** What the invitation mail says, and in which language: the invitee's account's, else the inviter's. */
export interface InvitationMailFacts {
  id: string;
  email: string;
  role: SpaceRole;
  token: string;
  expiresAt: Date;
  spaceTitle: string;
  poleName: string;
  inviterName: string;
  locale: Locale;
  /** Who invited (null once their account is gone). */
  invitedById: string | null;
  /** The account of the invited address, when one exists already. */
  inviteeId: string | null;
}

interface InvitationMailFactsRow {
  id: string;
  email: string;
  role: SpaceRole;
  token: string;
  expires_at: Date;
  space_title: string;
  pole_name: string;
  inviter_name: string | null;
  locale: string | null;
  invited_by_id: string | null;
  invitee_id: string | null;
}

const mapInvitationMailFactsRow = (r: InvitationMailFactsRow): InvitationMailFacts => ({
  id: r.id,
  email: r.email,
  role: r.role,
  token: r.token,
  expiresAt: r.expires_at,
  spaceTitle: r.space_title,
  poleName: r.pole_name,
  inviterName: r.inviter_name ?? '',
  locale: isLocale(r.locale) ? r.locale : DEFAULT_LOCALE,
  invitedById: r.invited_by_id,
  inviteeId: r.invitee_id,
});

/** What accepting an invitation looks at. */
export interface InvitationToAccept {
  id: string;
  spaceId: string;
  email: string;
  role: SpaceRole;
  status: InvitationStatus;
  invitedById: string | null;
}

/**
 * The `invitation` table. Invitations come back in their API shapes; reads and writes go through the data source,
 * or through the transaction passed as the last argument.
 */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's invitations, newest first. */
  async list(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<InvitationView[]> {
    const rows = await db.getRepository(Invitation).find({ where: { spaceId }, relations: { invitedBy: true }, order: { createdAt: 'DESC' } });
    return rows.map(toInvitationView);
  }

  async find(invitationId: string, db: EntityManager = this.dataSource.manager): Promise<InvitationView | undefined> {
    const invitation = await db.getRepository(Invitation).findOne({ where: { id: invitationId }, relations: { invitedBy: true } });
    return invitation ? toInvitationView(invitation) : undefined;
  }

  /** What the link offers, with the space and pole it leads to. */
  async findPreview(token: string, db: EntityManager = this.dataSource.manager): Promise<InvitationPreview | undefined> {
    const invitation = await db.getRepository(Invitation).findOne({ where: { token }, relations: { space: { pole: true }, invitedBy: true } });
    if (!invitation) return undefined;
    return {
      spaceTitle: invitation.space.title,
      poleName: invitation.space.pole.name,
      role: invitation.role,
      email: invitation.email,
      invitedBy: invitation.invitedBy?.displayName ?? '',
      status: invitationStatus(invitation),
    };
  }

  /**
   * What the mail of a pending invitation of the space says; locks the invitation until the end of the transaction
   * `db` (a revocation or acceptance waits). Undefined when the space has no such pending invitation.
   */
  async lockPendingForMail(spaceId: string, invitationId: string, db: EntityManager): Promise<InvitationMailFacts | undefined> {
    const rows: InvitationMailFactsRow[] = await db.query(
      `SELECT i.id, i.email, i.role, i.token, i.expires_at, s.title AS space_title, p.name AS pole_name,
              inviter.display_name AS inviter_name, i.invited_by_id,
              COALESCE((SELECT a.locale FROM account a WHERE lower(a.email) = lower(i.email) LIMIT 1), inviter.locale) AS locale,
              (SELECT a.id FROM account a WHERE lower(a.email) = lower(i.email) LIMIT 1) AS invitee_id
       FROM invitation i
       JOIN space s ON s.id = i.space_id
       JOIN pole p ON p.id = s.pole_id
       LEFT JOIN account inviter ON inviter.id = i.invited_by_id
       WHERE i.id = $1 AND i.space_id = $2 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
       FOR UPDATE OF i`,
      [invitationId, spaceId],
    );
    return rows[0] ? mapInvitationMailFactsRow(rows[0]) : undefined;
  }

  /** Locks the invitation of this link until the end of the transaction `db`. */
  async lockByToken(token: string, db: EntityManager): Promise<InvitationToAccept | undefined> {
    const found = await db.getRepository(Invitation).findOne({ where: { token }, lock: { mode: 'pessimistic_write' } });
    if (!found) return undefined;
    return { id: found.id, spaceId: found.spaceId, email: found.email, role: found.role, status: invitationStatus(found), invitedById: found.invitedById };
  }

  /** Revokes the expired, never used invitations of this address to the space. */
  async revokeExpired(spaceId: string, email: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db
      .getRepository(Invitation)
      .update({ spaceId, email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: LessThanOrEqual(new Date()) }, { revokedAt: new Date() });
  }

  /** Returns the new invitation's id, or undefined when one is already pending for this address (unique index). */
  async insertUnlessPending(invitation: NewInvitation, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO invitation (space_id, email, role, token, invited_by_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [invitation.spaceId, invitation.email, invitation.role, invitation.token, invitation.invitedById, invitation.expiresAt],
    );
    return rows[0]?.id;
  }

  /** Revokes a pending invitation of the space; false when there is none with this id. */
  async revokePending(spaceId: string, invitationId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await db
      .getRepository(Invitation)
      .update({ id: invitationId, spaceId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    return Boolean(result.affected);
  }

  async markAccepted(invitationId: string, accountId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(Invitation).update({ id: invitationId }, { acceptedAt: new Date(), acceptedById: accountId });
  }
}
