import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RelationEvolution, SpaceSurveyItem, SurveyAnswers, SurveyFormView } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { ApiException, badRequest, conflict, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { expectedFunderLevel } from '../projects/project-rules.js';
import { type PoleCampaignRow, SurveyResponsesRepository } from './survey-responses.repository.js';

/** The project that carries the cellule d'animation's funding declared in the survey (in the pole's main space). */
const CELL_PROJECT_TITLE = 'Cellule d’animation du pôle (enquête annuelle)';

/**
 * The pole side of the yearly survey: the prefilled form, the draft, and the submission, which in one transaction
 * writes the answer, the pole's facts, the cellule's funding lines for the year (replacing those of an earlier
 * submission, so answering twice never adds money twice) and the year's relations with the collectivités.
 */
@Injectable()
export class SurveyResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responses: SurveyResponsesRepository,
    private readonly policy: AccessPolicy,
    private readonly events: EventsPublisher,
  ) {}

  listForSpace(spaceId: string): Promise<SpaceSurveyItem[]> {
    return this.responses.campaignsOfSpace(spaceId);
  }

  async form(spaceId: string, campaignId: string, accountId: string): Promise<SurveyFormView> {
    const campaign = await this.campaign(spaceId, campaignId);
    const [response, projectFunding, canAnswer] = await Promise.all([
      this.responses.response(campaignId, campaign.poleId),
      this.responses.projectFunding(campaign.poleId, campaign.year),
      this.policy.mayEditPoleProfile(spaceId, accountId),
    ]);
    const prefill = response ? { from: 'response' as const, answers: response.answers } : await this.prefill(campaign);
    return {
      campaign: { id: campaign.id, year: campaign.year, title: campaign.title, dueOn: campaign.dueOn },
      pole: { id: campaign.poleId, name: campaign.poleName },
      status: response?.status ?? 'pending',
      submittedAt: response?.submittedAt ?? null,
      updatedAt: response?.updatedAt ?? null,
      prefilledFrom: prefill.from,
      answers: prefill.answers,
      projectFunding,
      canAnswer,
    };
  }

  /** Saves a draft; a submitted answer is changed by submitting it again (409 `survey_submitted`). */
  async saveDraft(spaceId: string, campaignId: string, answers: SurveyAnswers, accountId: string): Promise<SurveyFormView> {
    await this.dataSource.transaction(async (tx) => {
      const campaign = await this.campaign(spaceId, campaignId, tx);
      const existing = await this.responses.response(campaignId, campaign.poleId, tx);
      if (existing?.status === 'submitted') throw conflict('survey_submitted');
      await this.checkOrganisations(answers, tx);
      await this.responses.saveResponse(campaignId, campaign.poleId, 'draft', answers, accountId, tx);
    });
    this.events.notify({ spaceId, entity: 'survey', id: campaignId, op: 'updated' });
    return this.form(spaceId, campaignId, accountId);
  }

  /** Submits (or submits again): the answer, the facts, the funding and the relations change together. */
  async submit(spaceId: string, campaignId: string, answers: SurveyAnswers, accountId: string): Promise<SurveyFormView> {
    const poleId = await this.dataSource.transaction(async (tx) => {
      const campaign = await this.campaign(spaceId, campaignId, tx);
      const previous = await this.responses.response(campaignId, campaign.poleId, tx);
      const levels = await this.checkOrganisations(answers, tx);
      const responseId = await this.responses.saveResponse(campaignId, campaign.poleId, 'submitted', answers, accountId, tx);
      await this.responses.updatePoleFacts(campaign.poleId, answers.facts, tx);
      const projectId = await this.responses.cellProject(campaign.poleId, CELL_PROJECT_TITLE, accountId, tx);
      const lines = answers.funding.map((line) => ({ ...line, funderLevel: levels.get(line.funderId) ?? ('other' as const) }));
      await this.responses.replaceFundingLines(responseId, projectId, campaign.year, lines, `Enquête ${campaign.year}`, accountId, tx);
      const named = new Set(answers.relations.map((r) => r.organisationId));
      const removed = previous?.status === 'submitted' ? previous.answers.relations.map((r) => r.organisationId).filter((id) => !named.has(id)) : [];
      await this.responses.applyRelations(campaign.poleId, campaign.year, answers.relations, removed, accountId, tx);
      return campaign.poleId;
    });
    for (const id of await this.responses.spacesOfPole(poleId)) {
      this.events.notify({ spaceId: id, entity: 'pole', id: poleId, op: 'updated' });
      this.events.notify({ spaceId: id, entity: 'funding_line', id: campaignId, op: 'updated' });
      this.events.notify({ spaceId: id, entity: 'relation', id: campaignId, op: 'updated' });
      this.events.notify({ spaceId: id, entity: 'survey', id: campaignId, op: 'updated' });
    }
    return this.form(spaceId, campaignId, accountId);
  }

  /** The campaign asking the space's pole (404 otherwise), its place locked inside a transaction. */
  private async campaign(spaceId: string, campaignId: string, tx?: EntityManager): Promise<PoleCampaignRow> {
    const campaign = await this.responses.campaignForSpace(campaignId, spaceId, tx !== undefined, tx);
    if (!campaign) throw notFound();
    return campaign;
  }

  /**
   * Last year's answers (the funders and relations it named), else what the projects hold; the facts are the
   * pole's profile now (a submission wrote them there, and an edit since is newer).
   */
  private async prefill(campaign: PoleCampaignRow): Promise<{ from: 'previous_year' | 'pole'; answers: SurveyAnswers }> {
    const [facts, previous, known] = await Promise.all([
      this.responses.poleFacts(campaign.poleId),
      this.responses.previousAnswers(campaign.poleId, campaign.year),
      this.responses.knownCollectivites(campaign.poleId, campaign.year),
    ]);
    const relations = previous?.relations.map((r) => ({ organisationId: r.organisationId, evolution: 'stable' as RelationEvolution, cause: '' })) ?? [];
    const listed = new Set(relations.map((r) => r.organisationId));
    for (const k of known) {
      if (listed.has(k.organisationId)) continue;
      listed.add(k.organisationId);
      relations.push({ organisationId: k.organisationId, evolution: 'stable', cause: '' });
    }
    return { from: previous ? 'previous_year' : 'pole', answers: { facts, funding: previous?.funding ?? [], relations } };
  }

  /** Funders must exist (their level is where the money counts); related organisations must be collectivités. */
  private async checkOrganisations(answers: SurveyAnswers, tx: EntityManager) {
    const ids = [...new Set([...answers.funding.map((f) => f.funderId), ...answers.relations.map((r) => r.organisationId)])];
    const found = await this.responses.organisations(ids, tx);
    const missing = [
      ...answers.funding.flatMap((f, i) => (found.has(f.funderId) ? [] : [{ path: `funding.${i}.funderId`, message: 'Unknown organisation' }])),
      ...answers.relations.flatMap((r, i) => (found.has(r.organisationId) ? [] : [{ path: `relations.${i}.organisationId`, message: 'Unknown organisation' }])),
    ];
    if (missing.length > 0) throw new ApiException(400, 'organisation_not_found', missing);
    const notCollectivites = answers.relations.flatMap((r, i) =>
      found.get(r.organisationId)?.kind === 'collectivite' ? [] : [{ path: `relations.${i}.organisationId`, message: 'Not a collectivité' }],
    );
    if (notCollectivites.length > 0) throw badRequest(notCollectivites);
    return new Map(
      answers.funding.flatMap((f) => {
        const funder = found.get(f.funderId);
        return funder ? [[f.funderId, expectedFunderLevel(funder)] as const] : [];
      }),
    );
  }
}
