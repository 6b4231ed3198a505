import { describe, expect, it } from '@jest/globals';
import { NotificationKind } from '../contracts/notifications.js';
import { notificationLabel, notificationSentence } from './notification-wording.js';

describe('the sentence of a notification', () => {
  it('says the day a milestone is due, the same day in every time zone', () => {
    const params = { title: 'Tiers-lieu', milestone: 'Bail signé', dueDate: '2026-12-24' };
    expect(notificationSentence('milestone_due', params, 'fr')).toBe('Le jalon « Bail signé » arrive à échéance le jeudi 24 décembre 2026.');
    expect(notificationSentence('milestone_due', params, 'en')).toBe('The milestone “Bail signé” is due on Thursday, 24 December 2026.');
  });

  it('says an instant in the time zone it is read in: France for mails, the reader’s own in the app', () => {
    const params = { vote: 'Calendrier 2027', closesAt: '2026-12-20T17:30:00.000Z' };
    expect(notificationSentence('vote_closing_soon', params, 'fr')).toBe('Le vote « Calendrier 2027 » se ferme bientôt (dimanche 20 décembre 2026 à 18:30).');
    expect(notificationSentence('vote_closing_soon', params, 'fr', 'America/Cayenne')).toBe(
      'Le vote « Calendrier 2027 » se ferme bientôt (dimanche 20 décembre 2026 à 14:30).',
    );
    expect(notificationSentence('vote_closing_soon', params, 'en', 'Pacific/Noumea')).toBe(
      'The vote “Calendrier 2027” closes soon (Monday, 21 December 2026 at 04:30).',
    );
  });

  it('has a label and a sentence for every kind, in both languages', () => {
    for (const kind of NotificationKind.options) {
      for (const locale of ['fr', 'en'] as const) {
        expect(notificationLabel(kind, locale)).toMatch(/\S/);
        expect(notificationSentence(kind, { space: 'Pôle', title: 'Titre', actor: 'Anne' }, locale)).toMatch(/\.$/);
      }
    }
  });

  it('says nothing of a date it cannot read', () => {
    expect(notificationSentence('milestone_due', { milestone: 'Bail signé', dueDate: '24/12/2026' }, 'fr')).toBe('Le jalon « Bail signé » arrive à échéance.');
  });
});
