// The space page and its sections load as one chunk: switching tabs then needs no network round trip.
// The chunk is assembled here, above the areas, so that spaces does not import invitations (which reads the space context).
export { SpacePage } from '../features/spaces/space-page';
export { PoleProfileTab } from '../features/spaces/pole-profile-tab';
export { MembersTab } from '../features/spaces/members-tab';
export { InvitationsTab } from '../features/invitations/invitations-tab';
