import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale, RecommendationView, RecommendationsVoteRequest, VoteView } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import type { SessionAccess } from '../access/session-roles.js';
import { ApiException, badRequest, conflict } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { VotesService } from '../sessions/votes.service.js';
import { type LinkedVote, RecommendationsRepository } from './recommendations.repository.js';
import { voteResultFor } from './vote-result-wording.js';

/** The results of closed votes already read for one answer, by vote id (a list shows the same vote many times). */
export type VoteResultsCache = Map<string, Promise<VoteView | null>>;

/** Votes of live sessions on a set of recommendations, and each recommendation's result in them. */
@Injectable()
export class RecommendationVotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsRepository,
    private readonly votes: VotesService,
    private readonly access: AccessPolicy,
    private readonly events: EventsPublisher,
  ) {}

  /**
   * Opens a vote of the live session with one option per recommendation (keyed by its id, labelled by its statement),
   * links each recommendation to it and moves those only proposed to debated.
   */
  async open(access: SessionAccess, body: RecommendationsVoteRequest, accountId: string): Promise<VoteView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    const ids = body.recommendationIds;
    const vote = await this.dataSource.transaction(async (tx) => {
      // Locked until the links are written: none of them can be deleted or decided meanwhile.
      const locked = await this.recommendations.lock(access.spaceId, ids, tx);
      const wrong = ids.findIndex((id) => !locked.has(id));
      if (wrong >= 0) throw badRequest([{ path: `recommendationIds.${wrong}`, message: "Not a recommendation of this session's space" }]);
      const options = ids.map((id) => ({ key: id, label: locked.get(id)?.statement ?? id }));
      const opened = await this.votes.create(
        access,
        {
          kind: body.kind,
          title: body.title,
          agendaItemId: body.agendaItemId,
          options,
          dotsPerParticipant: 8,
          resultsVisibility: 'live',
          closesAt: null,
        },
        accountId,
        tx,
      );
      await this.recommendations.linkVote(ids, opened.id, tx);
      for (const id of ids) {
        if (locked.get(id)?.status === 'proposed') await this.recommendations.update(id, {}, { status: 'debated', decidedBy: null }, tx);
      }
      return opened;
    });
    for (const id of ids) this.events.notify({ spaceId: access.spaceId, entity: 'recommendation', id, op: 'updated' });
    return vote;
  }

  /** Each vote held on the recommendation, with its result for it once closed, worded in the reader's language. */
  async resultsFor(
    recommendationId: string,
    linked: LinkedVote[],
    reader: { accountId: string; locale: Locale },
    cache: VoteResultsCache,
  ): Promise<RecommendationView['votes']> {
    const views: RecommendationView['votes'] = [];
    for (const vote of linked) {
      let result: string | null = null;
      if (vote.closed) {
        if (!cache.has(vote.voteId)) cache.set(vote.voteId, this.closedVote(vote, reader.accountId));
        const view = await cache.get(vote.voteId);
        if (view?.results) result = voteResultFor(view.kind, view.results, recommendationId, reader.locale);
      }
      views.push({ ...vote, result });
    }
    return views;
  }

  /** The closed vote with its results, as the reader may see it in its session (null when they may not). */
  private async closedVote(vote: LinkedVote, accountId: string): Promise<VoteView | null> {
    const access = await this.access.sessionAccess(vote.sessionId, accountId);
    if (!access) return null;
    try {
      return await this.votes.results(access, vote.voteId);
    } catch (error) {
      if (error instanceof ApiException) return null;
      throw error;
    }
  }
}
