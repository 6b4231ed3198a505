import { Global, Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { NotificationDigestRepository } from './notification-digest.repository.js';
import { NotificationDigestService } from './notification-digest.service.js';
import { NotificationFeedService } from './notification-feed.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { RetentionPurge } from './retention-purge.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

/**
 * In-app notifications: `NotificationsService.notify(event)` for every area that has something to tell someone, the
 * feed and preferences API, the signed-out unsubscribe page. Global, like the access policy, so that any area's
 * service can inject `NotificationsService` without importing this module.
 */
@Global()
@Module({
  imports: [MailModule],
  controllers: [NotificationsController, UnsubscribeController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationFeedService,
    NotificationPreferencesService,
    NotificationDigestRepository,
    NotificationDigestService,
    RetentionPurge,
  ],
  exports: [NotificationsService, NotificationPreferencesService],
})
export class NotificationsModule {}
