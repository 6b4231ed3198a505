import { defineVocabulary } from './vocabulary.js';

export const SessionMode = defineVocabulary('sessionMode', {
  in_person: { fr: 'Présentiel', en: 'In person' },
  remote: { fr: 'À distance', en: 'Remote' },
  hybrid: { fr: 'Hybride', en: 'Hybrid' },
});
export type SessionMode = (typeof SessionMode.keys)[number];

export const SessionStatus = defineVocabulary('sessionStatus', {
  planned: { fr: 'Prévue', en: 'Planned' },
  live: { fr: 'En cours', en: 'Live' },
  closed: { fr: 'Clôturée', en: 'Closed' },
});
export type SessionStatus = (typeof SessionStatus.keys)[number];

export const AgendaItemStatus = defineVocabulary('agendaItemStatus', {
  pending: { fr: 'À venir', en: 'Upcoming' },
  current: { fr: 'En cours', en: 'Current' },
  done: { fr: 'Terminé', en: 'Done' },
});
export type AgendaItemStatus = (typeof AgendaItemStatus.keys)[number];

export const VoteKind = defineVocabulary('voteKind', {
  dot: { fr: 'Vote par gommettes', en: 'Dot voting' },
  consent: { fr: 'Décision par consentement', en: 'Consent decision' },
  score: { fr: 'Notation de 0 à 5', en: 'Score from 0 to 5' },
});
export type VoteKind = (typeof VoteKind.keys)[number];

export const ConsentAnswer = defineVocabulary('consentAnswer', {
  agree: { fr: "D'accord", en: 'Agree' },
  abstain: { fr: 'Abstention', en: 'Abstain' },
  disagree: { fr: "Pas d'accord", en: 'Disagree' },
  objection: { fr: 'Objection', en: 'Objection' },
});
export type ConsentAnswer = (typeof ConsentAnswer.keys)[number];

export const ResultsVisibility = defineVocabulary('resultsVisibility', {
  live: { fr: 'Résultats visibles en direct', en: 'Results shown live' },
  on_close: { fr: 'Résultats masqués jusqu’à la clôture du vote', en: 'Results hidden until the vote closes' },
});
export type ResultsVisibility = (typeof ResultsVisibility.keys)[number];

/** Categories (and colours) of the notes posted on a contribution board. */
export const NoteCategory = defineVocabulary('noteCategory', {
  idea: { fr: 'Idée', en: 'Idea' },
  question: { fr: 'Question', en: 'Question' },
  concern: { fr: 'Point de vigilance', en: 'Concern' },
  resource: { fr: 'Ressource', en: 'Resource' },
  testimony: { fr: 'Témoignage', en: 'Testimony' },
});
export type NoteCategory = (typeof NoteCategory.keys)[number];
