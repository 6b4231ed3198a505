import { describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@concerto/domain';
import { groupByDay } from './notification-days';

const at = (date: Date): NotificationView => ({
  id: `00000000-0000-4000-8000-${String(date.getTime()).padStart(12, '0').slice(-12)}`,
  kind: 'comment_mention',
  spaceId: null,
  spaceName: null,
  link: '/',
  params: {},
  createdAt: date.toISOString(),
  readAt: null,
});

describe('notifications by day', () => {
  it('groups by the reader’s own days: today, yesterday, then dates (newest first)', () => {
    // Local times: whatever the time zone the tests run in, 00:30 today and 23:30 yesterday are two days.
    const now = new Date(2026, 11, 6, 9, 0);
    const items = [
      at(new Date(2026, 11, 6, 8, 0)),
      at(new Date(2026, 11, 6, 0, 30)),
      at(new Date(2026, 11, 5, 23, 30)),
      at(new Date(2026, 11, 5, 0, 5)),
      at(new Date(2026, 11, 1, 12, 0)),
    ];
    const days = groupByDay(items, now);
    expect(days.map((d) => [d.key, typeof d.label === 'string' ? d.label : 'date', d.items.length])).toEqual([
      ['2026-12-06', 'today', 2],
      ['2026-12-05', 'yesterday', 2],
      ['2026-12-01', 'date', 1],
    ]);
  });

  it('knows yesterday across a month and a year', () => {
    const days = groupByDay([at(new Date(2025, 11, 31, 22, 0))], new Date(2026, 0, 1, 1, 0));
    expect(days[0].label).toBe('yesterday');
  });
});
