import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduledWork } from '../notifications/scheduled-job.js';
import { type MilestoneFacts, milestoneReminder } from './project-notifications.js';
import { type MilestoneReminder, ProjectRecipientsRepository } from './project-recipients.repository.js';

/** How far ahead a milestone is « à échéance ». */
const DUE_WITHIN_DAYS = 7;

/**
 * Milestones not done, due within 7 days (`milestone_due`) or past their date (`milestone_late`), in France's days:
 * each is reminded once per milestone and date to the member accounts of the project's partner organisations, by one
 * server process at a time (`ScheduledJob`). A milestone moved to a new date is reminded again; one ticked done is not.
 */
@Injectable()
export class MilestoneReminders extends ScheduledWork {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly recipients: ProjectRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {
    super(dataSource, 'reminders:milestones', config.notificationScheduleMs);
  }

  protected async run(tx: EntityManager, now: Date): Promise<void> {
    for (const m of await this.recipients.milestonesDue(now, DUE_WITHIN_DAYS, tx)) await this.send(tx, 'milestone_due', m);
    for (const m of await this.recipients.milestonesLate(now, tx)) await this.send(tx, 'milestone_late', m);
  }

  private async send(tx: EntityManager, kind: 'milestone_due' | 'milestone_late', m: MilestoneReminder): Promise<void> {
    const facts: MilestoneFacts = {
      spaceId: m.spaceId,
      projectId: m.projectId,
      title: m.projectTitle,
      milestoneId: m.milestoneId,
      milestone: m.title,
      dueDate: m.dueDate,
    };
    await this.notifications.notify({ ...milestoneReminder(kind, facts, m.recipients), db: tx });
  }
}
