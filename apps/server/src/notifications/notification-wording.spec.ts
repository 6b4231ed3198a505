import { describe, expect, it } from '@jest/globals';
import { notificationSentence } from './notification-wording.js';

describe('the sentence of a notification', () => {
  it('says the day a milestone is due, the same day in every time zone', () => {
    const params = { title: 'Tiers-lieu', milestone: 'Bail signé', dueDate: '2026-12-24' };
    expect(notificationSentence('milestone_due', params, 'fr')).toBe('Le jalon « Bail signé » arrive à échéance le jeudi 24 décembre 2026.');
    expect(notificationSentence('milestone_due', params, 'en')).toBe('The milestone “Bail signé” is due on Thursday, 24 December 2026.');
  });

  it('says nothing of a date it cannot read', () => {
    expect(notificationSentence('milestone_due', { milestone: 'Bail signé', dueDate: '24/12/2026' }, 'fr')).toBe('Le jalon « Bail signé » arrive à échéance.');
  });
});
