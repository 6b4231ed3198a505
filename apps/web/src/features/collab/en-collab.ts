import type { Widen } from '../../i18n/widen';
import type { frCollab } from './fr-collab';

/** English UI strings of the co-edited texts (status, refusals, toolbar). */
export const enCollab: Widen<typeof frCollab> = {
  collab: {
    status: {
      saved: 'Saved',
      saving: 'Saving…',
      offline: 'Offline — your changes are kept on this device',
      connecting: 'Connecting…',
      reconnecting: 'Reconnecting… — your changes are kept on this device',
      refused: 'Changes not saved: the server refuses them. Reload the page.',
    },
    refusal: {
      not_allowed: 'A change was refused and removed: your role does not allow it.',
      invalid_content: 'A change was refused and removed: its content is not accepted (formatting or link not allowed).',
      document_too_large: 'A change was refused and removed: the document has reached its maximum size.',
      frame_too_large: 'A change was refused and removed: it is too large.',
      invalid_update: 'A change was refused and removed: the server could not read it.',
    },
    upToDate: 'Up to date',
    unavailable: 'This shared text is not available at the moment.',
    someone: 'Member',
    toolbar: 'Formatting: {{label}}',
    format: {
      bold: 'Bold',
      italic: 'Italic',
      heading: 'Subheading',
      bulletList: 'Bulleted list',
      orderedList: 'Numbered list',
    },
  },
};
