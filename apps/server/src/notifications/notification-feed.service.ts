import { Injectable } from '@nestjs/common';
import type { MarkNotificationsRead, NotificationFeed, NotificationFeedQuery, UnreadCount } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsRepository } from './notifications.repository.js';

const PAGE_SIZE = 30;

/**
 * An account's feed: newest first, paged, and only about the places the access policy lets it see now (a space it
 * left, a session it is no longer a guest of, are out of it even for notifications already read).
 */
@Injectable()
export class NotificationFeedService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly access: AccessPolicy,
    private readonly events: EventsPublisher,
  ) {}

  async feed(accountId: string, query: NotificationFeedQuery): Promise<NotificationFeed> {
    const places = await this.access.visiblePlaces(accountId);
    const limit = query.limit ?? PAGE_SIZE;
    const [items, unread] = await Promise.all([
      this.repository.feed(accountId, places, query.before, limit + 1),
      this.repository.unreadCount(accountId, places),
    ]);
    const page = items.slice(0, limit);
    return { items: page, unread, nextBefore: items.length > limit ? page[page.length - 1].id : null };
  }

  async unread(accountId: string): Promise<UnreadCount> {
    return { unread: await this.repository.unreadCount(accountId, await this.access.visiblePlaces(accountId)) };
  }

  /** Marks read; the account's other tabs and devices learn the new count live. */
  async markRead(accountId: string, body: MarkNotificationsRead): Promise<UnreadCount> {
    await this.repository.markRead(accountId, 'ids' in body ? body.ids : undefined);
    const count = await this.unread(accountId);
    this.events.notifyNotification(accountId, count);
    return count;
  }
}
