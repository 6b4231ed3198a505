import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  MarkNotificationsRead,
  NotificationFeed,
  NotificationFeedQuery,
  NotificationPreferences,
  UnreadCount,
  UpdateNotificationPreferences,
} from '@concerto/domain';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { NotificationFeedService } from './notification-feed.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

/** The signed-in account's notifications and preferences. */
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly feed: NotificationFeedService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get()
  @Contract({
    summary: 'My notifications, newest first (`before`: the page after that notification)',
    query: NotificationFeedQuery,
    response: NotificationFeed,
  })
  list(@CurrentAuth() auth: RequestAuth, @Query() query: NotificationFeedQuery) {
    return this.feed.feed(auth.account.id, query);
  }

  @Get('unread')
  @Contract({ summary: 'How many of my notifications are unread', response: UnreadCount })
  unread(@CurrentAuth() auth: RequestAuth) {
    return this.feed.unread(auth.account.id);
  }

  @Post('read')
  @HttpCode(200)
  @Contract({ summary: 'Mark some of my notifications (`ids`) or all of them (`all: true`) read', body: MarkNotificationsRead, response: UnreadCount })
  markRead(@CurrentAuth() auth: RequestAuth, @Body() body: MarkNotificationsRead) {
    return this.feed.markRead(auth.account.id, body);
  }

  @Get('preferences')
  @Contract({ summary: 'My notification preferences (per kind, for all spaces or one space) and digest frequency', response: NotificationPreferences })
  getPreferences(@CurrentAuth() auth: RequestAuth) {
    return this.preferences.get(auth.account.id);
  }

  @Put('preferences')
  @Contract({
    summary: 'Change my notification preferences (404 for a space I am not a member of)',
    body: UpdateNotificationPreferences,
    response: NotificationPreferences,
  })
  putPreferences(@CurrentAuth() auth: RequestAuth, @Body() body: UpdateNotificationPreferences) {
    return this.preferences.update(auth.account.id, body);
  }
}
