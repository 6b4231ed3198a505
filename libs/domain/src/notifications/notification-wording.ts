import type { NotificationKind, NotificationParams } from '../contracts/notifications.js';
import type { Locale } from '../vocabulary/vocabulary.js';

/**
 * The one wording of notifications, in French and English, for the mails and the unsubscribe page (server) and the
 * bell's feed and the preferences page (web): each kind's label, and the sentence saying what happened. Params are
 * plain text captured when the notification was made: `space` and `actor` (filled by the notifications service),
 * `title` (the session, project, testimony…), `vote`, `excerpt` (a comment, a decision), `role`, `stage`,
 * `milestone`, `year`, `scheduledAt`/`dueAt`/`closesAt` (ISO instants, shown in `timeZone`), `dueDate` (a plain day).
 */
export const NOTIFICATION_KIND_LABELS: Record<Locale, Record<NotificationKind, string>> = {
  fr: {
    space_joined: 'Arrivée dans un espace',
    space_invited: 'Invitation à un espace',
    session_guest_added: 'Invitation à une séance',
    role_changed: 'Changement de rôle',
    comment_mention: 'Mention dans un commentaire',
    comment_reply: 'Réponse dans une discussion',
    comment_on_your_content: 'Commentaire sur ce que vous avez écrit',
    session_scheduled: 'Séance programmée',
    session_starting_soon: 'Séance qui commence bientôt',
    session_closed: 'Séance close, compte rendu disponible',
    vote_opened: 'Vote ouvert',
    vote_closing_soon: 'Vote qui se ferme bientôt',
    decision_recorded: 'Décision enregistrée',
    recommendation_retained: 'Préconisation retenue',
    project_stage_changed: 'Projet qui change d’étape',
    milestone_due: 'Jalon à échéance',
    milestone_late: 'Jalon en retard',
    funding_changed: 'Financement de votre organisation modifié',
    survey_requested: 'Enquête annuelle à remplir',
  },
  en: {
    space_joined: 'Joined a space',
    space_invited: 'Invitation to a space',
    session_guest_added: 'Invitation to a session',
    role_changed: 'Role changed',
    comment_mention: 'Mention in a comment',
    comment_reply: 'Reply in a thread',
    comment_on_your_content: 'Comment on something you wrote',
    session_scheduled: 'Session scheduled',
    session_starting_soon: 'Session starting soon',
    session_closed: 'Session closed, minutes available',
    vote_opened: 'Vote opened',
    vote_closing_soon: 'Vote closing soon',
    decision_recorded: 'Decision recorded',
    recommendation_retained: 'Recommendation retained',
    project_stage_changed: 'Project changed stage',
    milestone_due: 'Milestone due',
    milestone_late: 'Milestone late',
    funding_changed: 'Funding of your organisation changed',
    survey_requested: 'Yearly survey to answer',
  },
};

const ROLE: Record<Locale, Record<string, string>> = {
  fr: { animateur: 'animateur·rice', contributeur: 'contributeur·rice', observateur: 'observateur·rice' },
  en: { animateur: 'facilitator', contributeur: 'contributor', observateur: 'observer' },
};

/** The time zone mails are written in (their readers are in France); the web app passes the reader's own. */
export const MAIL_TIME_ZONE = 'Europe/Paris';

function when(iso: string | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
}

/** A plain day (`2026-12-24`, a milestone's date) in words, the same day wherever it is read. */
function day(value: string | undefined, locale: Locale): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/** A kind's label (a mail's subject, a preference's row). */
export function notificationLabel(kind: NotificationKind, locale: Locale): string {
  return NOTIFICATION_KIND_LABELS[locale][kind];
}

/**
 * One sentence saying what happened, in the reader's language (plain text: the mail escapes it for HTML, React as
 * any text). Instants are shown in `timeZone` (the mails': France's; the web app passes the reader's own).
 */
export function notificationSentence(kind: NotificationKind, p: NotificationParams, locale: Locale, timeZone: string = MAIL_TIME_ZONE): string {
  const someone = p.actor ?? (locale === 'fr' ? 'Quelqu’un' : 'Someone');
  const title = p.title ?? '';
  const role = ROLE[locale][p.role ?? ''] ?? p.role ?? '';
  const at = when(p.scheduledAt ?? p.dueAt ?? p.closesAt, locale, timeZone) || day(p.dueDate, locale);
  if (locale === 'fr') {
    switch (kind) {
      case 'space_joined':
        return `Vous avez rejoint l’espace « ${p.space} »${role ? ` comme ${role}` : ''}.`;
      case 'space_invited':
        return `${someone} vous invite dans l’espace « ${p.space} »${role ? ` comme ${role}` : ''}.`;
      case 'session_guest_added':
        return `${someone} vous invite à la séance « ${title} »${at ? ` du ${at}` : ''}.`;
      case 'role_changed':
        return `Votre rôle dans « ${p.space} » est maintenant ${role}.`;
      case 'comment_mention':
        return `${someone} vous mentionne dans un commentaire${title ? ` sur « ${title} »` : ''}.`;
      case 'comment_reply':
        return `${someone} a répondu dans une discussion où vous avez écrit${title ? ` (« ${title} »)` : ''}.`;
      case 'comment_on_your_content':
        return `${someone} a commenté${title ? ` « ${title} »` : ' ce que vous avez écrit'}.`;
      case 'session_scheduled':
        return `La séance « ${title} » est programmée${at ? ` le ${at}` : ''}.`;
      case 'session_starting_soon':
        return `La séance « ${title} » commence bientôt${at ? ` (${at})` : ''}.`;
      case 'session_closed':
        return `La séance « ${title} » est close ; son compte rendu est disponible.`;
      case 'vote_opened':
        return `Un vote est ouvert${p.vote ? ` : « ${p.vote} »` : ''}${title ? ` (séance « ${title} »)` : ''}.`;
      case 'vote_closing_soon':
        return `Le vote${p.vote ? ` « ${p.vote} »` : ''} se ferme bientôt${at ? ` (${at})` : ''}.`;
      case 'decision_recorded':
        return `Une décision a été enregistrée${title ? ` à la séance « ${title} »` : ''}.`;
      case 'recommendation_retained':
        return `La préconisation « ${title} » a été retenue.`;
      case 'project_stage_changed':
        return `Le projet « ${title} » passe à l’étape ${p.stage ?? ''}.`.replace(' .', '.');
      case 'milestone_due':
        return `Le jalon « ${p.milestone ?? title} » arrive à échéance${at ? ` le ${at}` : ''}.`;
      case 'milestone_late':
        return `Le jalon « ${p.milestone ?? title} » est en retard.`;
      case 'funding_changed':
        return `Un financement de votre organisation a changé${title ? ` (« ${title} »)` : ''}.`;
      case 'survey_requested':
        return `L’enquête annuelle${p.year ? ` ${p.year}` : ''}${title ? ` « ${title} »` : ''} attend la réponse de votre pôle${at ? ` (avant le ${at})` : ''}.`;
    }
  }
  switch (kind) {
    case 'space_joined':
      return `You joined the space “${p.space}”${role ? ` as ${role}` : ''}.`;
    case 'space_invited':
      return `${someone} invites you to the space “${p.space}”${role ? ` as ${role}` : ''}.`;
    case 'session_guest_added':
      return `${someone} invites you to the session “${title}”${at ? ` on ${at}` : ''}.`;
    case 'role_changed':
      return `Your role in “${p.space}” is now ${role}.`;
    case 'comment_mention':
      return `${someone} mentioned you in a comment${title ? ` on “${title}”` : ''}.`;
    case 'comment_reply':
      return `${someone} replied in a thread you wrote in${title ? ` (“${title}”)` : ''}.`;
    case 'comment_on_your_content':
      return `${someone} commented on ${title ? `“${title}”` : 'something you wrote'}.`;
    case 'session_scheduled':
      return `The session “${title}” is scheduled${at ? ` on ${at}` : ''}.`;
    case 'session_starting_soon':
      return `The session “${title}” starts soon${at ? ` (${at})` : ''}.`;
    case 'session_closed':
      return `The session “${title}” is closed; its minutes are available.`;
    case 'vote_opened':
      return `A vote is open${p.vote ? `: “${p.vote}”` : ''}${title ? ` (session “${title}”)` : ''}.`;
    case 'vote_closing_soon':
      return `The vote${p.vote ? ` “${p.vote}”` : ''} closes soon${at ? ` (${at})` : ''}.`;
    case 'decision_recorded':
      return `A decision was recorded${title ? ` in the session “${title}”` : ''}.`;
    case 'recommendation_retained':
      return `The recommendation “${title}” was retained.`;
    case 'project_stage_changed':
      return `The project “${title}” moved to stage ${p.stage ?? ''}.`.replace(' .', '.');
    case 'milestone_due':
      return `The milestone “${p.milestone ?? title}” is due${at ? ` on ${at}` : ''}.`;
    case 'milestone_late':
      return `The milestone “${p.milestone ?? title}” is late.`;
    case 'funding_changed':
      return `A funding line of your organisation changed${title ? ` (“${title}”)` : ''}.`;
    case 'survey_requested':
      return `The yearly survey${p.year ? ` ${p.year}` : ''}${title ? ` “${title}”` : ''} awaits your pole's answer${at ? ` (before ${at})` : ''}.`;
  }
}
