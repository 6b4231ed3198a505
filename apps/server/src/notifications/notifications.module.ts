import { Global, Module } from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * In-app notifications: `NotificationsService.notify(event)` for every area that has something to tell someone. Global,
 * like the access policy, so that any area's service can inject it without importing this module.
 */
@Global()
@Module({
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
