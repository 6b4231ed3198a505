import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduledWork } from '../notifications/scheduled-job.js';
import { sessionStartingSoon } from './session-notifications.js';
import { SessionRecipientsRepository } from './session-recipients.repository.js';

const DAY_MS = 24 * 3600_000;

/**
 * « La séance commence bientôt »: every planned session starting within 24 hours is reminded once per date to
 * everyone with a place in it (`session_starting_soon`, key `session_starting_soon:<id>:<date>`), by one server
 * process at a time (`ScheduledJob`). A session moved to a new date is reminded again.
 *
 * Votes have no closing time (the animateur closes them during the live session, or the session's closing does), so
 * there is no « vote closing soon » reminder to send: `vote_closing_soon` is in the contract for when votes get one.
 */
@Injectable()
export class SessionReminders extends ScheduledWork {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly recipients: SessionRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {
    super(dataSource, 'reminders:sessions', config.notificationScheduleMs);
  }

  protected async run(tx: EntityManager, now: Date): Promise<void> {
    for (const session of await this.recipients.startingSoon(now, DAY_MS, tx)) {
      await this.notifications.notify({ ...sessionStartingSoon(session, await this.recipients.audience(session.sessionId, tx)), db: tx });
    }
  }
}
