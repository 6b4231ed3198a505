import type { InvitationStatus, InvitationView, MemberView } from '@concerto/domain';
import type { Invitation } from './invitation.entity.js';
import type { SpaceMembership } from './space-membership.entity.js';

export function toMemberView(m: SpaceMembership): MemberView {
  const organisation = m.account.organisation;
  return {
    accountId: m.accountId,
    displayName: m.account.displayName,
    email: m.account.email,
    role: m.role,
    organisation: organisation
      ? { id: organisation.id, name: organisation.name, kind: organisation.kind, collectiviteLevel: organisation.collectiviteLevel }
      : null,
    joinedAt: m.createdAt.toISOString(),
  };
}

export function invitationStatus(invitation: Invitation, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt <= now) return 'expired';
  return 'pending';
}

export const invitationPath = (token: string) => `/invitations/${token}`;

export function toInvitationView(invitation: Invitation): InvitationView {
  const status = invitationStatus(invitation);
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status,
    link: status === 'pending' ? invitationPath(invitation.token) : null,
    invitedBy: invitation.invitedBy?.displayName ?? '',
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    mail: null,
  };
}
