import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationKind } from '@concerto/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailService } from '../mail/mail.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { ScheduledWork } from './scheduled-job.js';

const HOUR_MS = 3600_000;

/**
 * A read `milestone_late` notification is kept: the milestone stays late until it is done, and the row is what
 * keeps its reminder (same dedupe key) from coming again. Every other reminder's key names a date that passes.
 */
const KEPT_KINDS: readonly NotificationKind[] = ['milestone_late'];

/**
 * Keeps the outbox and the feeds small: every hour (when the schedule runs), by one server process at a time, deletes
 * the mails sent more than `MAIL_RETENTION_DAYS` ago (30 by default; failed and waiting ones stay, for the
 * animateur's « non envoyée ») and the notifications read more than `NOTIFICATION_RETENTION_DAYS` after they were made
 * (90 by default; unread ones stay whatever their age).
 */
@Injectable()
export class RetentionPurge extends ScheduledWork {
  private readonly logger = new Logger(RetentionPurge.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly mail: MailService,
    private readonly notifications: NotificationsRepository,
  ) {
    super(dataSource, 'purge:retention', config.notificationScheduleMs > 0 ? Math.max(config.notificationScheduleMs, HOUR_MS) : 0);
  }

  protected async run(tx: EntityManager, now: Date): Promise<void> {
    const mails = await this.mail.purgeSent(now, this.config.retention.mailDays, tx);
    const notifications = await this.notifications.purgeRead(now, this.config.retention.notificationDays, KEPT_KINDS, tx);
    if (mails + notifications > 0) this.logger.log(`purged ${mails} sent mail(s) and ${notifications} read notification(s)`);
  }
}
