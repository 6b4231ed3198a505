import type { Widen } from '../../i18n/widen';
import type { frAuth } from './fr-auth';

/** English UI strings of signing in and up, and of the profile. */
export const enAuth: Widen<typeof frAuth> = {
  auth: {
    signIn: {
      title: 'Sign in',
      intro: 'Sign in to find your concertation spaces.',
      email: 'E-mail address',
      password: 'Password',
      submit: 'Sign in',
      noAccount: 'No account yet?',
      createAccount: 'Create an account',
      forInvitation: 'Sign in to join the space you were invited to.',
    },
    signUp: {
      title: 'Create an account',
      intro: 'Create your account to take part in concertation spaces.',
      displayName: 'Display name',
      displayNameHint: 'Shown to the other members of your spaces, for example “Camille Martin”.',
      email: 'E-mail address',
      emailHint: 'Expected format: name@domain.org',
      password: 'Password',
      passwordHint: 'At least {{min}} characters.',
      submit: 'Create my account',
      haveAccount: 'Already have an account?',
      signIn: 'Sign in',
      forInvitation: 'Use the e-mail address the invitation was sent to.',
      organisationLater: 'You can add your organisation afterwards, in “My profile”.',
    },
  },
  profile: {
    title: 'My profile',
    email: 'E-mail address',
    displayName: 'Display name',
    organisation: 'Organisation',
    noOrganisation: 'No organisation',
    language: 'Interface language',
    save: 'Save',
    saved: 'Your details have been saved.',
    noChanges: 'Nothing to save.',
    newOrganisation: {
      title: 'Your organisation is not listed?',
      kind: 'Kind of organisation',
      name: 'Name of the organisation',
      territory: 'Territory of the organisation',
      collectiviteLevel: 'Level of local authority',
      structureKind: 'Kind of structure',
      submit: 'Add the organisation',
      created: 'Organisation “{{name}}” added and linked to your profile.',
    },
  },
};
