import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduledWork } from '../notifications/scheduled-job.js';
import { SurveyCampaignsRepository } from './survey-campaigns.repository.js';
import { surveyRequested } from './survey-notifications.js';

/** How far ahead of its due day a campaign reminds the poles that have not answered. */
const DUE_WITHIN_DAYS = 7;

/**
 * The survey's scheduled reminder: a campaign due within 7 days (France's days) reminds the animateurs of each pole
 * that has not submitted, once per campaign, pole and due day (`survey_requested`, dedupe key), by one server process
 * at a time (`ScheduledJob`). « Relancer » on the campaign page reminds at any time.
 */
@Injectable()
export class SurveyReminders extends ScheduledWork {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly campaigns: SurveyCampaignsRepository,
    private readonly notifications: NotificationsService,
  ) {
    super(dataSource, 'reminders:survey', config.notificationScheduleMs);
  }

  protected async run(tx: EntityManager, now: Date): Promise<void> {
    for (const { campaign, poleIds } of await this.campaigns.dueSoon(now, DUE_WITHIN_DAYS, tx)) {
      for (const target of await this.campaigns.animateurs(poleIds, tx)) {
        await this.notifications.notify({ ...surveyRequested(campaign, target, null, `due:${campaign.dueOn}`), db: tx });
      }
    }
  }
}
