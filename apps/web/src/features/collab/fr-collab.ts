/** French UI strings of the co-edited texts (status, refusals, toolbar). */
export const frCollab = {
  collab: {
    status: {
      saved: 'Enregistré',
      saving: 'Enregistrement…',
      offline: 'Hors ligne — vos modifications sont conservées sur cet appareil',
      connecting: 'Connexion…',
      reconnecting: 'Reconnexion… — vos modifications sont conservées sur cet appareil',
      refused: 'Modifications non enregistrées : le serveur les refuse. Rechargez la page.',
    },
    refusal: {
      not_allowed: 'Une modification a été refusée et retirée : votre rôle ne permet pas de la faire.',
      invalid_content: 'Une modification a été refusée et retirée : son contenu n’est pas accepté (mise en forme ou lien non autorisé).',
      document_too_large: 'Une modification a été refusée et retirée : le document a atteint sa taille maximale.',
      frame_too_large: 'Une modification a été refusée et retirée : elle est trop volumineuse.',
      invalid_update: 'Une modification a été refusée et retirée : elle n’a pas pu être lue par le serveur.',
    },
    upToDate: 'À jour',
    unavailable: 'Ce texte partagé n’est pas disponible pour le moment.',
    someone: 'Membre',
    toolbar: 'Mise en forme : {{label}}',
    format: {
      bold: 'Gras',
      italic: 'Italique',
      heading: 'Intertitre',
      bulletList: 'Liste à puces',
      orderedList: 'Liste numérotée',
    },
  },
} as const;
