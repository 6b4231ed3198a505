/**
 * French UI strings shared by every area (the reference: `en.ts` must provide the same keys). Each area keeps its
 * own strings beside its pages (`features/<area>/fr-<area>.ts`); vocabulary labels come from `@concerto/domain`.
 */
export const fr = {
  app: {
    name: 'Concerto',
    tagline: 'Concertation des pôles territoriaux de coopération économique',
    skipLink: 'Aller au contenu',
    loading: 'Chargement…',
    footer: 'Concerto : plateforme de concertation des pôles territoriaux de coopération économique (PTCE).',
    update: { available: 'Une nouvelle version de Concerto est disponible.', reload: 'Recharger' },
  },
  header: {
    homeLink: 'Concerto, accueil',
    mainNav: 'Navigation principale',
    mySpaces: 'Mes espaces',
    myProfile: 'Mon profil',
    observatory: 'Observatoire',
    signedInAs: 'Connecté·e en tant que',
    signOut: 'Se déconnecter',
    languages: 'Langue de l’interface',
  },
  language: { fr: 'Français', en: 'English' },
  /** A label and its value, with the language's own colon (« Prévu : 20 min », "Planned: 20 min"). */
  labelled: '{{label}} : {{value}}',
  /** A label before what follows it (« Non lue : »). */
  labelBefore: '{{label}} : ',
  /** A name quoted the language's way (« Version de juin », “June version”). */
  quoted: '« {{text}} »',
  errors: {
    network: 'Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.',
    generic: 'Une erreur inattendue est survenue.',
    prefix: 'Erreur :',
    retry: 'Réessayer',
  },
  validation: {
    required: 'Ce champ est obligatoire.',
    tooShort: 'Saisissez au moins {{min}} caractères.',
    tooLong: 'Saisissez au plus {{max}} caractères.',
    email: 'Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.',
    integer: 'Saisissez un nombre entier.',
    min: 'Saisissez un nombre supérieur ou égal à {{min}}.',
    max: 'Saisissez un nombre inférieur ou égal à {{max}}.',
    invalid: 'Valeur invalide.',
    summary: 'Le formulaire contient des erreurs : corrigez les champs signalés.',
  },
  form: {
    requiredNote: 'Tous les champs sont obligatoires, sauf mention contraire.',
    optional: 'Facultatif.',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'La page demandée n’existe pas ou a été déplacée.',
    back: 'Retour à l’accueil',
  },
} as const;
