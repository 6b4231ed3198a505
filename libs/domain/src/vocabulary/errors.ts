import { defineVocabulary } from './vocabulary.js';

/** Typed error codes of the API and of socket events, with their messages. */
export const ErrorCode = defineVocabulary('errorCode', {
  validation_failed: { fr: 'Certaines informations sont invalides.', en: 'Some fields are invalid.' },
  unauthenticated: { fr: 'Veuillez vous connecter.', en: 'Please sign in.' },
  invalid_credentials: { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Wrong e-mail address or password.' },
  too_many_attempts: {
    fr: 'Trop de tentatives. Réessayez dans quelques minutes.',
    en: 'Too many attempts. Try again in a few minutes.',
  },
  forbidden: { fr: "Vous n'avez pas les droits nécessaires pour cette action.", en: 'You are not allowed to do this.' },
  not_found: { fr: 'Élément introuvable.', en: 'Not found.' },
  email_taken: { fr: 'Un compte existe déjà avec cette adresse e-mail.', en: 'An account already uses this e-mail address.' },
  already_member: { fr: 'Cette personne est déjà membre de l’espace.', en: 'This person is already a member of the space.' },
  invitation_pending: {
    fr: 'Une invitation est déjà en attente pour cette adresse.',
    en: 'An invitation is already pending for this address.',
  },
  invitation_invalid: {
    fr: "Cette invitation n'est plus valable (expirée, annulée ou déjà utilisée).",
    en: 'This invitation is no longer valid (expired, revoked or already used).',
  },
  reset_link_expired: {
    fr: 'Ce lien de réinitialisation a expiré. Demandez-en un nouveau.',
    en: 'This reset link has expired. Ask for a new one.',
  },
  reset_link_used: {
    fr: 'Ce lien de réinitialisation a déjà servi. Demandez-en un nouveau si besoin.',
    en: 'This reset link has already been used. Ask for a new one if needed.',
  },
  reset_link_invalid: {
    fr: "Ce lien de réinitialisation n'est pas valable. Vérifiez qu'il est complet ou demandez-en un nouveau.",
    en: 'This reset link is not valid. Check that it is complete or ask for a new one.',
  },
  invitation_email_mismatch: {
    fr: "Cette invitation est destinée à une autre adresse e-mail. Connectez-vous avec l'adresse invitée.",
    en: 'This invitation is for another e-mail address. Sign in with the invited address.',
  },
  last_animateur: {
    fr: "L'espace doit garder au moins un·e animateur·rice.",
    en: 'The space must keep at least one facilitator.',
  },
  pole_not_managed: {
    fr: 'Vous devez animer un espace de ce pôle pour y créer un nouvel espace.',
    en: 'You must facilitate a space of this pole to create another space for it.',
  },
  pole_profile_reserved: {
    fr: "Le profil du pôle est partagé par tous ses espaces : il est modifié par les animateur·rice·s de ces espaces et par les contributeur·rice·s de l'espace principal du pôle.",
    en: "The pole's profile is shared by all its spaces: it is changed by the facilitators of those spaces and by the contributors of the pole's main space.",
  },
  organisation_exists: {
    fr: 'Une organisation de ce type porte déjà ce nom.',
    en: 'An organisation of this kind already has this name.',
  },
  collectivite_level_reserved: {
    fr: "Le niveau d'une collectivité déjà présente dans des espaces est modifié par les animateur·rice·s de ces espaces.",
    en: 'The level of a local authority already named in spaces is changed by the facilitators of those spaces.',
  },
  organisation_not_editable: {
    fr: 'Seuls les membres de cette organisation peuvent la modifier.',
    en: 'Only members of this organisation can edit it.',
  },
  origin_not_allowed: { fr: 'Origine non autorisée.', en: 'Origin not allowed.' },
  payload_too_large: { fr: 'Contenu trop volumineux.', en: 'Payload too large.' },
  version_conflict: {
    fr: "Cet élément a été modifié entre-temps par quelqu'un d'autre : vos changements n'ont pas été enregistrés. Rechargez pour voir la dernière version.",
    en: 'Someone else changed this item in the meantime: your changes were not saved. Reload to see the latest version.',
  },
  funder_level_mismatch: {
    fr: "Le niveau du financeur ne correspond pas à l'organisation choisie.",
    en: 'The funder level does not match the chosen organisation.',
  },
  organisation_not_found: { fr: 'Organisation introuvable.', en: 'Organisation not found.' },
  import_invalid: {
    fr: "Le fichier contient des erreurs : rien n'a été importé.",
    en: 'The file contains errors: nothing was imported.',
  },
  relation_exists: {
    fr: 'Une évolution est déjà enregistrée pour cette collectivité et cette année.',
    en: 'An evolution is already recorded for this local authority and year.',
  },
  session_not_live: { fr: "La séance n'est pas en cours.", en: 'The session is not live.' },
  session_closed: { fr: 'La séance est clôturée : elle ne peut plus être modifiée.', en: 'The session is closed: it can no longer be changed.' },
  session_state: { fr: "Cette action n'est pas possible à ce moment de la séance.", en: 'This action is not possible at this point of the session.' },
  vote_closed: { fr: 'Le vote est clos.', en: 'The vote is closed.' },
  vote_not_adopted: {
    fr: 'Seule une proposition adoptée par consentement, vote clos et sans objection, peut devenir une décision.',
    en: 'Only a proposal adopted by consent, its vote closed without objection, can become a decision.',
  },
  decision_already_recorded: { fr: 'Cette proposition est déjà enregistrée comme décision.', en: 'This proposal is already recorded as a decision.' },
  dot_budget_exceeded: { fr: 'Vous avez déjà utilisé toutes vos gommettes.', en: 'You have already used all your dots.' },
  results_hidden: {
    fr: 'Les résultats seront visibles à la clôture du vote.',
    en: 'The results will be shown when the vote closes.',
  },
  account_not_found: {
    fr: "Aucun compte n'utilise cette adresse e-mail : la personne doit d'abord créer son compte.",
    en: 'No account uses this e-mail address: the person must sign up first.',
  },
  comments_closed: {
    fr: "L'animateur·rice n'a pas ouvert les commentaires aux observateur·rice·s.",
    en: 'The facilitator has not opened comments to observers.',
  },
  testimony_exists: {
    fr: 'Cette contribution a déjà été transformée en témoignage.',
    en: 'This contribution has already been turned into a testimony.',
  },
  export_busy: {
    fr: 'Le serveur prépare déjà beaucoup de fichiers : réessayez dans une minute.',
    en: 'The server is already preparing many files: try again in a minute.',
  },
  pole_outside_scope: {
    fr: "Ce pôle n'est pas dans votre périmètre : une sélection ne contient que des pôles de vos espaces.",
    en: 'This pole is not in your scope: a selection holds only poles of your spaces.',
  },
  selection_name_taken: {
    fr: 'Vous avez déjà une sélection de ce nom.',
    en: 'You already have a selection with this name.',
  },
  survey_exists: {
    fr: 'Vous avez déjà ouvert l’enquête de cette année.',
    en: 'You have already opened this year’s survey.',
  },
  survey_submitted: {
    fr: 'La réponse de ce pôle est déjà envoyée : modifiez-la et envoyez-la de nouveau plutôt qu’en brouillon.',
    en: 'This pole’s answer is already submitted: change it and submit it again rather than as a draft.',
  },
  join_code_invalid: {
    fr: "Ce code ne permet pas (ou plus) de rejoindre une séance : l'animateur·rice a pu le changer ou le fermer. Demandez le code affiché dans la salle.",
    en: 'This code does not (or no longer) open a session: the facilitator may have changed or closed it. Ask for the code shown in the room.',
  },
  participant_removed: {
    fr: "L'animateur·rice vous a retiré·e de cette séance.",
    en: 'The facilitator removed you from this session.',
  },
  signed_in_account: {
    fr: 'Vous êtes connecté·e avec un compte : ouvrez la séance depuis votre espace, ou déconnectez-vous pour la rejoindre par code.',
    en: 'You are signed in with an account: open the session from your space, or sign out to join it by code.',
  },
  internal_error: { fr: 'Une erreur inattendue est survenue.', en: 'An unexpected error occurred.' },
});
export type ErrorCode = (typeof ErrorCode.keys)[number];

/** Why a text field is refused, beyond zod's own checks; worded in the 400's `issues`. */
export const TextIssue = defineVocabulary('textIssue', {
  malformed_text: {
    fr: 'Texte mal formé : caractère Unicode isolé (moitié de caractère).',
    en: 'Malformed text: a lone Unicode surrogate (half of a character).',
  },
  invisible_text: { fr: 'Ce texte doit contenir des caractères visibles.', en: 'This text must contain visible characters.' },
});
export type TextIssue = (typeof TextIssue.keys)[number];
