import type { SpaceRole } from '@concerto/domain';
import type { NotificationEvent } from '../notifications/notification-event.js';

/**
 * Who hears of a change of a space's membership: the member concerned, never the one who made it. Pure: the services
 * hand the event to the notifications service, which keeps only current members of the space.
 *
 * - joined (an invitation accepted): the new member, « X added you to the space » (X: who invited them);
 * - role changed: the member whose role changed (the animateur who changed it is the actor).
 */

type SpaceEvent = Omit<NotificationEvent, 'db'>;

export const spaceLinks = {
  space: (spaceId: string) => `/espaces/${spaceId}`,
  members: (spaceId: string) => `/espaces/${spaceId}/membres`,
};

export function spaceJoined(spaceId: string, memberId: string, invitedById: string | null, role: SpaceRole, invitationId: string): SpaceEvent {
  return {
    kind: 'space_joined',
    spaceId,
    actorAccountId: invitedById,
    recipients: [memberId],
    place: { kind: 'space' },
    link: spaceLinks.space(spaceId),
    params: { role },
    dedupeKey: `space_joined:${invitationId}`,
  };
}

export function roleChanged(spaceId: string, memberId: string, actorAccountId: string, before: SpaceRole, role: SpaceRole): SpaceEvent {
  return {
    kind: 'role_changed',
    spaceId,
    actorAccountId,
    recipients: [memberId],
    place: { kind: 'space' },
    link: spaceLinks.members(spaceId),
    params: { role, previousRole: before },
  };
}
