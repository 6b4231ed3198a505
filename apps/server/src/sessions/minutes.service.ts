import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { readBoard, sessionBoardDocument } from '@concerto/collab';
import { type CreateDecisionRequest, type DecisionView, type MinutesView, consentOutcome, finishItem } from '@concerto/domain';
import { badRequest, conflict, notFound } from '../common/api-exception.js';
import { readStoredDocument } from '../collab/document-store.js';
import { ConcertationSignals } from '../events/concertation-signals.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { SessionAccess } from '../access/session-roles.js';
import { AgendaItemsRepository } from './agenda-items.repository.js';
import { toTimer } from './item-timer.js';
import { buildMinutes } from './minutes-builder.js';
import { MinutesRepository } from './minutes.repository.js';
import { SessionClock } from './session-clock.js';
import { decisionRecorded, sessionClosed } from './session-notifications.js';
import { SessionParticipantsRepository } from './session-participants.repository.js';
import { SessionRecipientsRepository } from './session-recipients.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { VoteResultsRepository } from './vote-results.repository.js';
import { VotesRepository } from './votes.repository.js';

/** Decisions recorded by the animateur, the closing of a session and its minutes. */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly minutesRows: MinutesRepository,
    private readonly sessionRows: SessionsRepository,
    private readonly agenda: AgendaItemsRepository,
    private readonly participants: SessionParticipantsRepository,
    private readonly votes: VotesRepository,
    private readonly tallies: VoteResultsRepository,
    private readonly sessions: SessionsService,
    private readonly projects: ProjectsService,
    private readonly signals: ConcertationSignals,
    private readonly events: EventsPublisher,
    private readonly clock: SessionClock,
    private readonly recipients: SessionRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  decisions(access: SessionAccess): Promise<DecisionView[]> {
    return this.minutesRows.decisions(access.sessionId);
  }

  async addDecision(access: SessionAccess, body: CreateDecisionRequest, accountId: string): Promise<DecisionView> {
    if (access.status === 'closed') throw conflict('session_closed');
    if (body.agendaItemId && !(await this.agenda.isItemOf(access.sessionId, body.agendaItemId))) {
      throw badRequest([{ path: 'agendaItemId', message: 'Not an item of this session' }]);
    }
    const decision = await this.dataSource.transaction((tx) => this.record(tx, access, body, accountId));
    this.notify(access, decision.id);
    return decision;
  }

  /**
   * Records an adopted consent vote as a decision in one action: its proposal (the vote's title) on the vote's agenda
   * item. Refused unless the vote is a closed consent vote without objection; a vote becomes one decision at most.
   */
  async decisionFromVote(access: SessionAccess, voteId: string, accountId: string): Promise<DecisionView> {
    if (access.status === 'closed') throw conflict('session_closed');
    const decision = await this.dataSource.transaction(async (tx) => {
      if (!(await this.minutesRows.lockVote(access.sessionId, voteId, tx))) throw notFound();
      const vote = await this.votes.find(access.sessionId, voteId, tx);
      if (!vote) throw notFound();
      if (consentOutcome(vote, await this.tallies.results(vote, tx)) !== 'adopted') throw conflict('vote_not_adopted');
      if (await this.minutesRows.decisionOfVote(voteId, tx)) throw conflict('decision_already_recorded');
      return this.record(tx, access, { text: vote.title, agendaItemId: vote.agendaItemId, voteId }, accountId);
    });
    this.notify(access, decision.id);
    return decision;
  }

  /** Inserts a decision and tells the session's audience, inside `tx`. */
  private async record(tx: EntityManager, access: SessionAccess, body: CreateDecisionRequest & { voteId?: string }, accountId: string): Promise<DecisionView> {
    const inserted = await this.minutesRows.insertDecision(access.sessionId, body, accountId, tx);
    const session = await this.recipients.heading(access.sessionId, tx);
    if (session)
      await this.notifications.notify({ ...decisionRecorded(session, inserted, accountId, await this.recipients.audience(access.sessionId, tx)), db: tx });
    return inserted;
  }

  async removeDecision(access: SessionAccess, decisionId: string): Promise<void> {
    if (access.status === 'closed') throw conflict('session_closed');
    if (!(await this.minutesRows.deleteDecision(access.sessionId, decisionId))) throw notFound();
    this.notify(access, decisionId);
  }

  /** Turns a decision into a shared project of the space, once; the project remembers where it came from. */
  async decisionToProject(access: SessionAccess, decisionId: string, accountId: string): Promise<DecisionView> {
    const decision = await this.minutesRows.findDecision(access.sessionId, decisionId);
    if (!decision) throw notFound();
    if (decision.projectId) throw conflict('session_state');
    const title = decision.text.split('\n')[0].slice(0, 200).trim();
    const project = await this.projects.create(
      access.spaceId,
      {
        title: title.length >= 2 ? title : `Décision — ${decision.sessionTitle}`.slice(0, 200),
        summary: `Décision de la séance « ${decision.sessionTitle} » : ${decision.text}`.slice(0, 4000),
        stage: 'emergence',
        status: 'under_study',
        startDate: null,
        endDate: null,
        levers: [],
        policyFrames: [],
        partners: [],
      },
      accountId,
    );
    const linked = await this.minutesRows.linkProject(decisionId, project.id);
    if (!linked) throw notFound();
    this.notify(access, decisionId);
    return linked;
  }

  /**
   * Closes the session: the current item's time stops, open votes close, the minutes are written, all in one
   * transaction; then the diagnostic area is told (it saves a version when an item worked on the diagnostic).
   */
  async close(access: SessionAccess, accountId: string): Promise<MinutesView> {
    const now = this.clock.now();
    const { minutes, title, diagnosticWorkedOn } = await this.dataSource.transaction(async (tx) => {
      const session = await this.sessionRows.lock(access.sessionId, tx);
      if (!session) throw notFound();
      if (session.status !== 'live') throw conflict(session.status === 'closed' ? 'session_closed' : 'session_not_live');
      const agenda = await this.agenda.list(access.sessionId, tx);
      for (const item of agenda.filter((i) => i.status === 'current')) {
        await this.agenda.finish(item.id, finishItem(toTimer(item), now).elapsedMs, now, tx);
      }
      await this.votes.closeAll(access.sessionId, now, tx);
      await this.sessionRows.markClosed(access.sessionId, now, tx);
      const built = await this.build(tx, access.sessionId, now);
      await this.minutesRows.insertMinutes(access.sessionId, built, tx);
      const facts = { sessionId: access.sessionId, spaceId: access.spaceId, title: session.title };
      await this.notifications.notify({ ...sessionClosed(facts, accountId, await this.recipients.audience(access.sessionId, tx)), db: tx });
      return { minutes: built, title: session.title, diagnosticWorkedOn: agenda.some((i) => i.diagnosticSectionId !== null) };
    });
    this.sessions.notify(access.spaceId, access.sessionId, 'updated');
    await this.signals.sessionClosed({ spaceId: access.spaceId, sessionId: access.sessionId, title, diagnosticWorkedOn, accountId });
    return minutes;
  }

  async minutes(access: SessionAccess): Promise<MinutesView> {
    const minutes = await this.minutesRows.minutes(access.sessionId);
    if (!minutes) throw notFound();
    return minutes;
  }

  /** Reads what the minutes are made of, as the closing transaction `tx` sees it (the board is read outside it). */
  private async build(tx: EntityManager, sessionId: string, closedAt: number): Promise<MinutesView> {
    const session = await this.sessionRows.find(sessionId, tx);
    if (!session) throw notFound();
    const agenda = await this.agenda.list(sessionId, tx);
    const participants = await this.participants.list(sessionId, tx);
    const votes = await this.votes.list(sessionId, tx);
    const tallied = await Promise.all(votes.map(async (vote) => ({ vote, results: await this.tallies.results(vote, tx) })));
    const decisions = await this.minutesRows.minutesDecisions(sessionId, tx);
    const board = readBoard(await readStoredDocument(this.dataSource, sessionBoardDocument(sessionId)));
    return buildMinutes({ session, agenda, participants, votes: tallied, decisions, board }, closedAt);
  }

  private notify(access: SessionAccess, decisionId: string): void {
    this.events.notifyConcertationSession(access.sessionId, { spaceId: access.spaceId, entity: 'decision', id: decisionId, op: 'updated' });
  }
}
