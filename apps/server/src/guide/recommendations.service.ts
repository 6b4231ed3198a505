import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { diagnosticDocument, readSections } from '@concerto/collab';
import type {
  ChangeRecommendationStatusRequest,
  CreateRecommendationRequest,
  Locale,
  RecommendationOrigin,
  RecommendationOriginChoices,
  RecommendationOriginInput,
  RecommendationView,
  SpaceRole,
  UpdateRecommendationRequest,
} from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { mayChangeRecommendationStatus, mayDeleteRecommendation } from '../access/content-rules.js';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { GuideRecipientsRepository } from './guide-recipients.repository.js';
import { recommendationRetained } from './guide-notifications.js';
import { GuideSourcesRepository } from './guide-sources.repository.js';
import { RecommendationVotesService, type VoteResultsCache } from './recommendation-votes.service.js';
import { RECOMMENDATION_FIELDS, type RecommendationFields, RecommendationsRepository, type StoredRecommendation } from './recommendations.repository.js';
import { TestimoniesRepository } from './testimonies.repository.js';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: string[], b: string[]) => sameValue([...a].sort(), [...b].sort());
const DECIDED = new Set(['retained', 'set_aside']);

/** Who reads: the guard let them in; results and wording depend on who they are and their language. */
export interface Reader {
  accountId: string;
  locale: Locale;
}

/** Recommendations of a space: proposed, debated, then retained or set aside, linked to what supports them. */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsRepository,
    private readonly testimonies: TestimoniesRepository,
    private readonly sources: GuideSourcesRepository,
    private readonly votes: RecommendationVotesService,
    private readonly collab: CollabService,
    private readonly access: AccessPolicy,
    private readonly events: EventsPublisher,
    private readonly members: GuideRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async list(spaceId: string, reader: Reader): Promise<RecommendationView[]> {
    return this.toViews(spaceId, await this.recommendations.list(spaceId), reader);
  }

  /** The decisions and closed votes a new recommendation of the space can come from (its diagnostic's sections: the outline). */
  originChoices(spaceId: string): Promise<RecommendationOriginChoices> {
    return this.sources.originChoices(spaceId);
  }

  async get(spaceId: string, recommendationId: string, reader: Reader): Promise<RecommendationView> {
    const stored = await this.recommendations.find(spaceId, recommendationId);
    if (!stored) throw notFound();
    return (await this.toViews(spaceId, [stored], reader))[0];
  }

  async create(spaceId: string, body: CreateRecommendationRequest, reader: Reader): Promise<RecommendationView> {
    const id = await this.dataSource.transaction(async (tx) => {
      await this.checkLinks(spaceId, body.testimonyIds, body.sectionIds, tx);
      const origin = await this.checkOrigin(spaceId, body.origin, tx);
      const created = await this.recommendations.insert(spaceId, body, origin, reader.accountId, tx);
      await this.recommendations.replaceTestimonies(created, body.testimonyIds, tx);
      await this.recommendations.replaceSections(created, body.sectionIds, tx);
      return created;
    });
    this.notify(spaceId, id, 'created');
    return this.get(spaceId, id, reader);
  }

  /** Applies the changes if the recommendation is still at the version the editor started from (409 otherwise). */
  async update(spaceId: string, recommendationId: string, body: UpdateRecommendationRequest, reader: Reader): Promise<RecommendationView> {
    const changed = await this.dataSource.transaction(async (tx) => {
      const locked = (await this.recommendations.lock(spaceId, [recommendationId], tx)).get(recommendationId);
      if (!locked) throw notFound();
      if (locked.version !== body.version) throw conflict('version_conflict');
      const before = await this.recommendations.find(spaceId, recommendationId, tx);
      if (!before) throw notFound();
      const values: Partial<RecommendationFields> = {};
      for (const field of RECOMMENDATION_FIELDS) {
        if (body[field] !== undefined && !sameValue(body[field], before[field])) Object.assign(values, { [field]: body[field] });
      }
      const testimonyIds =
        body.testimonyIds !== undefined &&
        !sameSet(
          body.testimonyIds,
          before.testimonies.map((t) => t.id),
        )
          ? body.testimonyIds
          : undefined;
      const sectionIds = body.sectionIds !== undefined && !sameSet(body.sectionIds, before.sectionIds) ? body.sectionIds : undefined;
      if (Object.keys(values).length === 0 && !testimonyIds && !sectionIds) return false;
      await this.checkLinks(spaceId, testimonyIds ?? [], sectionIds ?? [], tx);
      if (testimonyIds) await this.recommendations.replaceTestimonies(recommendationId, testimonyIds, tx);
      if (sectionIds) await this.recommendations.replaceSections(recommendationId, sectionIds, tx);
      await this.recommendations.update(recommendationId, values, null, tx);
      return true;
    });
    if (changed) this.notify(spaceId, recommendationId, 'updated');
    return this.get(spaceId, recommendationId, reader);
  }

  /** proposée ↔ débattue for writers; retenue / écartée, and back, for animateurs, who are recorded as deciding. */
  async changeStatus(spaceId: string, recommendationId: string, body: ChangeRecommendationStatusRequest, reader: Reader): Promise<RecommendationView> {
    const role = await this.roleOf(spaceId, reader.accountId);
    const changed = await this.dataSource.transaction(async (tx) => {
      const locked = (await this.recommendations.lock(spaceId, [recommendationId], tx)).get(recommendationId);
      if (!locked) throw notFound();
      if (locked.version !== body.version) throw conflict('version_conflict');
      if (!mayChangeRecommendationStatus(role, locked.status, body.status)) throw forbidden();
      if (locked.status === body.status) return false;
      const decidedBy = DECIDED.has(body.status) ? reader.accountId : null;
      await this.recommendations.update(recommendationId, {}, { status: body.status, decidedBy }, tx);
      if (body.status === 'retained') {
        const event = recommendationRetained(
          spaceId,
          { id: recommendationId, statement: locked.statement },
          reader.accountId,
          await this.members.spaceMembers(spaceId, tx),
        );
        await this.notifications.notify({ ...event, db: tx });
      }
      return true;
    });
    if (changed) this.notify(spaceId, recommendationId, 'updated');
    return this.get(spaceId, recommendationId, reader);
  }

  /** Animateurs delete any recommendation, its author one still proposed. */
  async remove(spaceId: string, recommendationId: string, accountId: string): Promise<void> {
    const role = await this.roleOf(spaceId, accountId);
    await this.dataSource.transaction(async (tx) => {
      const locked = (await this.recommendations.lock(spaceId, [recommendationId], tx)).get(recommendationId);
      if (!locked) throw notFound();
      if (!mayDeleteRecommendation(role, locked.createdById === accountId, locked.status)) throw forbidden();
      await this.recommendations.delete(recommendationId, tx);
    });
    this.notify(spaceId, recommendationId, 'deleted');
  }

  private notify(spaceId: string, recommendationId: string, op: 'created' | 'updated' | 'deleted'): void {
    this.events.notify({ spaceId, entity: 'recommendation', id: recommendationId, op });
  }

  private async roleOf(spaceId: string, accountId: string): Promise<SpaceRole> {
    const role = await this.access.spaceRole(spaceId, accountId);
    if (!role) throw notFound();
    return role;
  }

  /** Section titles come from the diagnostic, vote results are worded for the reader. */
  private async toViews(spaceId: string, stored: StoredRecommendation[], reader: Reader): Promise<RecommendationView[]> {
    const onSections = stored.some((r) => r.origin.kind === 'diagnostic_section' || r.sectionIds.length > 0);
    const titles = onSections ? new Map((await this.sections(spaceId)).map((s) => [s.id, s.title])) : new Map<string, string>();
    const views: RecommendationView[] = [];
    const cache: VoteResultsCache = new Map();
    for (const r of stored) {
      const label = r.origin.kind === 'diagnostic_section' ? (titles.get(r.origin.refId ?? '') ?? null) : r.origin.label;
      const sections = r.sectionIds.map((id) => ({ id, title: titles.get(id) ?? null }));
      views.push({ ...r, sections, origin: { ...r.origin, label }, votes: await this.votes.resultsFor(r.id, r.votes, reader, cache) });
    }
    return views;
  }

  private async sections(spaceId: string) {
    return readSections(await this.collab.currentState(diagnosticDocument(spaceId)));
  }

  /** Testimonies and diagnostic sections must be the space's (400 naming the first that is not). */
  private async checkLinks(spaceId: string, testimonyIds: string[], sectionIds: string[], tx: EntityManager): Promise<void> {
    const testimonies = await this.testimonies.inSpace(spaceId, testimonyIds, tx);
    const wrongTestimony = testimonyIds.findIndex((id) => !testimonies.has(id));
    if (wrongTestimony >= 0) throw badRequest([{ path: `testimonyIds.${wrongTestimony}`, message: 'Not a testimony of this space' }]);
    if (sectionIds.length === 0) return;
    const sections = new Set((await this.sections(spaceId)).map((s) => s.id));
    const wrongSection = sectionIds.findIndex((id) => !sections.has(id));
    if (wrongSection >= 0) throw badRequest([{ path: `sectionIds.${wrongSection}`, message: "Not a section of this space's diagnostic" }]);
  }

  /** An origin points at a decision or vote of one of the space's sessions, or a section of its diagnostic. */
  private async checkOrigin(
    spaceId: string,
    origin: RecommendationOriginInput,
    tx: EntityManager,
  ): Promise<{ kind: RecommendationOrigin; ref: string | null }> {
    switch (origin.kind) {
      case 'direct':
        return { kind: 'direct', ref: null };
      case 'session_decision':
        if (!(await this.sources.decisionsOfSpace(spaceId, [origin.decisionId], tx)).has(origin.decisionId)) {
          throw badRequest([{ path: 'origin.decisionId', message: "Not a decision of this space's sessions" }]);
        }
        return { kind: origin.kind, ref: origin.decisionId };
      case 'vote_result':
        if (!(await this.sources.votesOfSpace(spaceId, [origin.voteId], tx)).has(origin.voteId)) {
          throw badRequest([{ path: 'origin.voteId', message: "Not a vote of this space's sessions" }]);
        }
        return { kind: origin.kind, ref: origin.voteId };
      case 'diagnostic_section':
        if (!(await this.sections(spaceId)).some((s) => s.id === origin.sectionId)) {
          throw badRequest([{ path: 'origin.sectionId', message: "Not a section of this space's diagnostic" }]);
        }
        return { kind: origin.kind, ref: origin.sectionId };
    }
  }
}
