/**
 * French strings of the notifications page and preferences. Each kind's label and sentence are not here: they are the
 * ones the mails use, from `@concerto/domain` (`notification-wording`), see `notification-sentence.ts`.
 */
export const frNotifications = {
  notifications: {
    title: 'Notifications',
    intro: 'Ce qui s’est passé dans vos espaces et vous concerne.',
    empty: 'Aucune notification pour le moment.',
    today: 'Aujourd’hui',
    yesterday: 'Hier',
    markRead: 'Marquer comme lue',
    markAllRead: 'Tout marquer comme lu',
    unread: 'Non lue',
    more: 'Notifications plus anciennes',
    preferencesLink: 'Choisir comment être prévenu·e',
    inSpace: 'Espace « {{space}} »',
    preferences: {
      title: 'Préférences de notification',
      intro: 'Pour chaque sorte de notification, choisissez comment être prévenu·e. Tout reste visible dans l’application, sauf « Désactivé ».',
      everywhere: 'Dans tous mes espaces',
      kind: 'Notification',
      channelFor: '{{kind}} : comment être prévenu·e',
      channel: {
        in_app: 'Dans l’application',
        mail: 'Par e-mail',
        digest: 'Dans le récapitulatif',
        off: 'Désactivé',
      },
      inherit: 'Comme dans tous mes espaces',
      digest: 'Récapitulatif par e-mail',
      digestFrequency: { daily: 'Chaque jour', weekly: 'Chaque semaine', never: 'Jamais' },
      space: 'Réglages propres à un espace',
      spaceHint: 'Ce que vous choisissez ici remplace, pour cet espace seulement, le choix fait pour tous vos espaces.',
      spaceChoice: 'Espace',
      noSpace: 'Choisir un espace…',
      save: 'Enregistrer',
      saved: 'Préférences enregistrées.',
      back: 'Retour aux notifications',
    },
  },
} as const;
