import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduledJob } from '../notifications/scheduled-job.js';
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
export class MilestoneReminders implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: ScheduledJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly recipients: ProjectRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {
    this.job = new ScheduledJob(dataSource, 'reminders:milestones', (tx, now) => this.remind(tx, now), new Logger(MilestoneReminders.name));
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.notificationScheduleMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One pass (the scheduler's tick): whether this process ran it. */
  tick(now = new Date()): Promise<boolean> {
    return this.job.tick(now);
  }

  private async remind(tx: EntityManager, now: Date): Promise<void> {
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
