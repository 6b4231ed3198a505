import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type OpenSurveyCampaignRequest,
  type SurveyCampaignSummary,
  type SurveyCampaignView,
  type SurveyReminderResult,
  compareFrench,
} from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { badRequest, conflict, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { type CampaignRow, SurveyCampaignsRepository } from './survey-campaigns.repository.js';
import { surveyRequested } from './survey-notifications.js';

const summaryOf = (row: CampaignRow, all: readonly CampaignRow[]): SurveyCampaignSummary => {
  const previous = all.find((c) => c.year === row.year - 1);
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    dueOn: row.dueOn,
    openedAt: row.openedAt,
    poles: row.poles,
    respondents: row.respondents,
    drafts: row.drafts,
    previous: previous ? { id: previous.id, year: previous.year, poles: previous.poles, respondents: previous.respondents } : null,
  };
};

/**
 * The observatory side of the yearly survey: an observatory-level user opens a campaign for a year over the poles
 * they follow (the access policy's scope), follows the response rate, and reminds the poles that have not answered.
 */
@Injectable()
export class SurveyCampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: SurveyCampaignsRepository,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly events: EventsPublisher,
  ) {}

  /** Opens the campaign and asks each pole's animateurs (`survey_requested`, in the same transaction). */
  async open(body: OpenSurveyCampaignRequest, accountId: string): Promise<SurveyCampaignView> {
    const poleIds = await this.policy.followedPoles(accountId, body.spaceIds);
    if (poleIds.length === 0) throw badRequest([{ path: 'spaceIds', message: 'You follow no pole: a survey asks the poles of your spaces' }]);
    const id = await this.dataSource.transaction(async (tx) => {
      const created = await this.campaigns.insert(body, poleIds, accountId, tx);
      if (!created) throw conflict('survey_exists');
      await this.ask({ id: created, ...body }, poleIds, accountId, 'opened', tx);
      return created;
    });
    await this.announce(poleIds, id, 'created');
    return this.view(id, accountId);
  }

  async list(accountId: string): Promise<SurveyCampaignSummary[]> {
    const rows = await this.campaigns.listOpenedBy(accountId);
    return rows.map((row) => summaryOf(row, rows));
  }

  /** The campaign page: its response rate, the year before's, and each pole's status (French order). */
  async view(campaignId: string, accountId: string): Promise<SurveyCampaignView> {
    const campaign = await this.openedBy(campaignId, accountId);
    const [all, poles] = await Promise.all([this.campaigns.listOpenedBy(accountId), this.campaigns.poles(campaignId)]);
    return { ...summaryOf(campaign, all), poleList: poles.sort((a, b) => compareFrench(a.name, b.name)) };
  }

  /** « Relancer »: reminds the animateurs of every pole that has not submitted (a draft is not an answer). */
  async remind(campaignId: string, accountId: string): Promise<SurveyReminderResult> {
    const campaign = await this.openedBy(campaignId, accountId);
    const result = await this.dataSource.transaction(async (tx) => {
      const pending = await this.campaigns.pendingPoles(campaignId, tx);
      const notified = await this.ask(campaign, pending, accountId, `reminder:${new Date().toISOString()}`, tx);
      await this.campaigns.markReminded(campaignId, pending, tx);
      return { poles: pending.length, notified, pending };
    });
    await this.announce(result.pending, campaignId, 'updated');
    return { poles: result.poles, notified: result.notified };
  }

  /** The campaign, if the caller opened it (the access policy's rule); 404 otherwise. */
  private async openedBy(campaignId: string, accountId: string): Promise<CampaignRow> {
    const campaign = await this.campaigns.find(campaignId);
    this.policy.requireSurveyOpener(campaign?.openedById, accountId);
    if (!campaign) throw notFound();
    return campaign;
  }

  /** Notifies the animateurs of each space of the poles; how many accounts were targeted. */
  private async ask(
    campaign: { id: string; year: number; title: string; dueOn: string | null },
    poleIds: readonly string[],
    actorId: string,
    tag: string,
    tx: EntityManager,
  ): Promise<number> {
    const targets = await this.campaigns.animateurs(poleIds, tx);
    for (const target of targets) await this.notifications.notify({ ...surveyRequested(campaign, target, actorId, tag), db: tx });
    return new Set(targets.flatMap((t) => t.accountIds).filter((id) => id !== actorId)).size;
  }

  /** The poles' spaces hear of the campaign (their members' survey lists, the opener's campaign page). */
  private async announce(poleIds: readonly string[], campaignId: string, op: 'created' | 'updated'): Promise<void> {
    for (const spaceId of await this.campaigns.spacesOfPoles(poleIds)) this.events.notify({ spaceId, entity: 'survey', id: campaignId, op });
  }
}
