import type { NotificationView } from '@concerto/domain';

/** One day of the feed, in the reader's time zone. */
export interface NotificationDay {
  /** `YYYY-MM-DD` in the reader's time zone. */
  key: string;
  /** 'today', 'yesterday' or the date to write out. */
  label: 'today' | 'yesterday' | Date;
  items: NotificationView[];
}

const dayKey = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Groups a feed (newest first) by day in the browser's time zone: « Aujourd’hui », « Hier », then dates. */
export function groupByDay(items: readonly NotificationView[], now = new Date()): NotificationDay[] {
  const today = dayKey(now);
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const days: NotificationDay[] = [];
  for (const item of items) {
    const created = new Date(item.createdAt);
    const key = dayKey(created);
    let day = days[days.length - 1];
    if (day?.key !== key) {
      day = { key, label: key === today ? 'today' : key === yesterday ? 'yesterday' : created, items: [] };
      days.push(day);
    }
    day.items.push(item);
  }
  return days;
}
