// The space page and its sections load as one chunk: switching tabs then needs no network round trip.
export { SpacePage } from './space-page';
export { PoleProfileTab } from './pole-profile-tab';
export { MembersTab } from './members-tab';
export { InvitationsTab } from '../invitations/invitations-tab';
