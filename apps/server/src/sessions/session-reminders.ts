import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduledWork } from '../notifications/scheduled-job.js';
import { sessionStartingSoon, voteClosingSoon } from './session-notifications.js';
import { SessionRecipientsRepository } from './session-recipients.repository.js';

const DAY_MS = 24 * 3600_000;

/**
 * « La séance commence bientôt »: every planned session starting within 24 hours is reminded once per date to
 * everyone with a place in it (`session_starting_soon`, key `session_starting_soon:<id>:<date>`), by one server
 * process at a time (`ScheduledJob`). A session moved to a new date is reminded again.
 *
 * « Le vote se ferme bientôt »: every open vote with a closing time within 24 hours is reminded once
 * (`vote_closing_soon`, key `vote_closing_soon:<id>:<closing time>`) to those who may vote in it and have not voted
 * yet; whoever votes after the reminder is not reminded again, nor is anyone once the vote is closed.
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
    for (const vote of await this.recipients.votesClosingSoon(now, DAY_MS, tx)) {
      if (vote.yetToVote.length === 0) continue;
      await this.notifications.notify({
        ...voteClosingSoon(vote, { id: vote.voteId, title: vote.voteTitle, closesAt: vote.closesAt }, vote.yetToVote),
        db: tx,
      });
    }
  }
}
