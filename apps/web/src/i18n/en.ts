import type { fr } from './fr';
import type { Widen } from './widen';

/** English UI strings shared by every area; the type makes a missing or extra key a compile error. */
export const en: Widen<typeof fr> = {
  app: {
    name: 'Concerto',
    tagline: 'Concertation for territorial economic cooperation hubs',
    skipLink: 'Skip to content',
    loading: 'Loading…',
    footer: 'Concerto: concertation platform for territorial economic cooperation hubs (PTCE).',
    update: { available: 'A new version of Concerto is available.', reload: 'Reload' },
  },
  header: {
    homeLink: 'Concerto, home',
    mainNav: 'Main navigation',
    mySpaces: 'My spaces',
    myProfile: 'My profile',
    observatory: 'Observatory',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    languages: 'Interface language',
  },
  language: { fr: 'Français', en: 'English' },
  labelled: '{{label}}: {{value}}',
  labelBefore: '{{label}}: ',
  quoted: '“{{text}}”',
  errors: {
    network: 'The server cannot be reached. Check your connection and try again.',
    generic: 'An unexpected error occurred.',
    prefix: 'Error:',
    retry: 'Try again',
  },
  validation: {
    required: 'This field is required.',
    tooShort: 'Enter at least {{min}} characters.',
    tooLong: 'Enter at most {{max}} characters.',
    email: 'Enter a valid e-mail address, for example name@domain.org.',
    integer: 'Enter a whole number.',
    min: 'Enter a number greater than or equal to {{min}}.',
    max: 'Enter a number less than or equal to {{max}}.',
    invalid: 'Invalid value.',
    summary: 'The form has errors: correct the highlighted fields.',
  },
  form: {
    requiredNote: 'All fields are required unless marked otherwise.',
    optional: 'Optional.',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you asked for does not exist or has moved.',
    back: 'Back to the home page',
  },
};
