import type { frSessionJoin } from './fr-session-join';
import type { Widen } from '../../i18n/widen';

/** English UI strings of joining a live session by code. */
export const enSessionJoin: Widen<typeof frSessionJoin> = {
  join: {
    title: 'Join the session',
    intro: 'You take part without an account: your name is visible to the other participants of this session only.',
    displayName: 'Your name',
    displayNameHint: 'As it will appear on your contributions, for example “Camille, Town of Grasse”.',
    organisation: 'Your organisation (optional)',
    submit: 'Join',
    resume: 'Continue as {{name}}',
    checking: 'Checking the code…',
    invalidTitle: 'Invalid code',
    closedTitle: 'Session over',
    closed: 'This session is closed: it can no longer be joined.',
    welcome: 'Welcome, {{name}}',
    you: 'You take part as {{name}} (participant without an account).',
    removed: 'The facilitator removed you from this session.',
    planned: 'The session has not started yet: this page will update as soon as it opens.',
    contribute: 'Contribute',
    posted: 'Contribution sent.',
    myNotes: 'My contributions on this item',
    noItem: 'No current item for now.',
    current: 'Current item: {{title}}',
    panel: {
      heading: 'Join without an account',
      intro: 'Participants open the link or scan the QR code with their phone, then type their name.',
      code: 'Code',
      link: 'Link',
      qr: 'QR code of the link to join the session with code {{code}}',
      none: 'Joining by code is closed.',
      open: 'Open joining by code',
      rotate: 'Change the code',
      close: 'Close joining by code',
      rotated: 'New code: {{code}}. The old link no longer works.',
      closedNow: 'Joining by code closed: participants already in stay.',
    },
    participant: 'participant without an account',
    removeParticipant: 'Remove {{name}}',
  },
};
