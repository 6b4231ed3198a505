// The space page and its sections load as one chunk: switching tabs then needs no network round trip.
// The chunk is assembled here, above the areas, so that spaces does not import invitations (which reads the space context).
export { SpacePage } from '../features/spaces/space-page';
// The pole's profile, with the yearly surveys asking the pole under it.
export { PoleProfileWithSurveys as PoleProfileTab } from '../features/survey/pole-surveys';
export { MembersTab } from '../features/spaces/members-tab';
export { InvitationsTab } from '../features/invitations/invitations-tab';
