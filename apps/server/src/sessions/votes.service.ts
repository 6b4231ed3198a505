import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type BallotRequest, type BallotView, type CreateVoteRequest, type DotRequest, type VoteView, consentOutcome } from '@concerto/domain';
import { maySeeVoteResults } from '../access/content-rules.js';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { SessionAccess } from '../access/session-roles.js';
import { AgendaItemsRepository } from './agenda-items.repository.js';
import { voteOpened } from './session-notifications.js';
import { SessionRecipientsRepository } from './session-recipients.repository.js';
import { VoteResultsRepository } from './vote-results.repository.js';
import { type Vote, VotesRepository, brokenBallotConstraint } from './votes.repository.js';

/** Votes opened and closed by the animateur; ballots are rows whose per-person rules the database enforces. */
@Injectable()
export class VotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesRepository,
    private readonly tallies: VoteResultsRepository,
    private readonly agenda: AgendaItemsRepository,
    private readonly events: EventsPublisher,
    private readonly recipients: SessionRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async list(access: SessionAccess): Promise<VoteView[]> {
    const votes = await this.votes.list(access.sessionId);
    return Promise.all(votes.map((vote) => this.toView(vote, access)));
  }

  /**
   * Opens a vote; those who may vote are told (in `tx` when the caller has one, e.g. a vote on recommendations).
   * `actorAccountId`: who opened it, not told of it.
   */
  async create(access: SessionAccess, body: CreateVoteRequest, actorAccountId: string | null, tx?: EntityManager): Promise<VoteView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    if (body.closesAt !== null && Date.parse(body.closesAt) <= Date.now()) {
      throw badRequest([{ path: 'closesAt', message: 'The closing time must be in the future' }]);
    }
    if (body.agendaItemId && !(await this.agenda.isItemOf(access.sessionId, body.agendaItemId, tx))) {
      throw badRequest([{ path: 'agendaItemId', message: 'Not an item of this session' }]);
    }
    const open = async (db: EntityManager) => {
      const inserted = await this.votes.insert(access.sessionId, body, db);
      const session = await this.recipients.heading(access.sessionId, db);
      if (session)
        await this.notifications.notify({ ...voteOpened(session, inserted, actorAccountId, await this.recipients.voters(access.sessionId, db)), db });
      return inserted;
    };
    const vote = tx ? await open(tx) : await this.dataSource.transaction(open);
    this.notify(access, vote.id, 'created');
    return this.toView(vote, access);
  }

  async close(access: SessionAccess, voteId: string): Promise<VoteView> {
    const vote = await this.votes.close(access.sessionId, voteId);
    if (!vote) throw notFound();
    this.notify(access, voteId, 'updated');
    return this.toView(vote, access);
  }

  async results(access: SessionAccess, voteId: string): Promise<VoteView> {
    const vote = await this.find(this.dataSource.manager, access, voteId);
    const view = await this.toView(vote, access);
    if (!view.results) throw forbidden('results_hidden');
    return view;
  }

  async ballot(access: SessionAccess, voteId: string, accountId: string): Promise<BallotView> {
    const vote = await this.find(this.dataSource.manager, access, voteId);
    return this.votes.ballot(vote, accountId);
  }

  /** Replaces the caller's whole ballot (the person may change it while the vote is open). */
  async putBallot(access: SessionAccess, voteId: string, accountId: string, body: BallotRequest): Promise<BallotView> {
    return this.write(access, voteId, accountId, async (tx, vote) => {
      if (body.kind !== vote.kind) throw badRequest([{ path: 'kind', message: `This vote is a ${vote.kind} vote` }]);
      const keys = new Set(vote.options.map((o) => o.key));
      const entries = Object.entries(body.kind === 'dot' ? body.allocations : body.kind === 'score' ? body.scores : {});
      const unknown = entries.find(([key]) => !keys.has(key));
      if (unknown) throw badRequest([{ path: unknown[0], message: 'Unknown option' }]);
      if (body.kind === 'consent') {
        await this.votes.replaceChoices(voteId, accountId, [], tx);
        await this.votes.answerConsent(voteId, accountId, body.answer, body.reason, tx);
        return;
      }
      if (body.kind === 'dot' && entries.reduce((sum, [, n]) => sum + n, 0) > vote.dotsPerParticipant) throw conflict('dot_budget_exceeded');
      const kept = entries.filter(([, n]) => n > 0 || body.kind === 'score');
      const choices = kept.map(([optionKey, n]) => (body.kind === 'dot' ? { optionKey, dots: n, score: null } : { optionKey, dots: 0, score: n }));
      await this.votes.replaceChoices(voteId, accountId, choices, tx);
    });
  }

  /** One dot more or less on an option: concurrent clicks cannot overspend, the row's constraint refuses the extra one. */
  async dot(access: SessionAccess, voteId: string, accountId: string, body: DotRequest): Promise<BallotView> {
    return this.write(access, voteId, accountId, async (tx, vote, dotsUsed) => {
      if (vote.kind !== 'dot') throw badRequest([{ path: 'option', message: 'Not a dot vote' }]);
      if (!vote.options.some((o) => o.key === body.option)) throw badRequest([{ path: 'option', message: 'Unknown option' }]);
      if (body.delta > 0 && dotsUsed >= vote.dotsPerParticipant) throw conflict('dot_budget_exceeded');
      if (!(await this.votes.moveDot(voteId, accountId, body.option, body.delta, tx))) throw conflict('session_state');
    });
  }

  /**
   * Runs a ballot change under the ballot's row lock. The budget is checked here for a clear answer, and again by the
   * row's CHECK constraint, which holds whatever the code does.
   */
  private async write(
    access: SessionAccess,
    voteId: string,
    accountId: string,
    work: (tx: EntityManager, vote: Vote, dotsUsed: number) => Promise<void>,
  ): Promise<BallotView> {
    if (access.status !== 'live') throw conflict('session_not_live');
    let ballot: BallotView;
    try {
      ballot = await this.dataSource.transaction(async (tx) => {
        const vote = await this.find(tx, access, voteId);
        // Closed by the animateur, by the session's closing, or because its closing time has passed.
        if (vote.status !== 'open') throw conflict('vote_closed');
        // The ballot row is locked first: one participant's concurrent requests apply one after the other.
        const dotsUsed = await this.votes.lockBallot(vote, accountId, tx);
        await work(tx, vote, dotsUsed);
        return this.votes.ballot(vote, accountId, tx);
      });
    } catch (error) {
      const broken = brokenBallotConstraint(error);
      if (broken === 'dots_within_budget') throw conflict('dot_budget_exceeded');
      if (broken === 'objection_has_reason') throw badRequest([{ path: 'reason', message: 'An objection must give its reason' }]);
      throw error;
    }
    this.notify(access, voteId, 'updated');
    return ballot;
  }

  private async find(db: EntityManager, access: SessionAccess, voteId: string): Promise<Vote> {
    const vote = await this.votes.find(access.sessionId, voteId, db);
    if (!vote) throw notFound();
    return vote;
  }

  /** Results are shown to everyone when live, otherwise only to the animateur until the vote closes; a closed consent vote's outcome with them. */
  private async toView(vote: Vote, access: SessionAccess): Promise<VoteView> {
    const results = maySeeVoteResults(access.role, vote) ? await this.tallies.results(vote) : null;
    return { ...vote, results, outcome: consentOutcome(vote, results) };
  }

  private notify(access: SessionAccess, voteId: string, op: 'created' | 'updated'): void {
    this.events.notifyConcertationSession(access.sessionId, { spaceId: access.spaceId, entity: 'vote', id: voteId, op });
  }
}
