import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CreateDecisionRequest, type DecisionView, type MinutesView, finishItem } from '@concerto/domain';
import { badRequest, conflict, notFound } from '../common/api-exception.js';
import { changedRows } from '../database/changed-rows.js';
import { ConcertationSignals } from '../events/concertation-signals.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { ProjectsService } from '../projects/projects.service.js';
import { buildMinutes } from './minutes-builder.js';
import type { SessionAccess } from '../access/session-roles.js';
import { SessionClock } from './session-clock.js';
import { listAgenda, toTimer } from './session-queries.js';
import { SessionsService } from './sessions.service.js';

interface DecisionRow {
  id: string;
  agenda_item_id: string | null;
  text: string;
  project_id: string | null;
  created_at: Date;
}
const toDecision = (r: DecisionRow): DecisionView => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  text: r.text,
  projectId: r.project_id,
  createdAt: r.created_at.toISOString(),
});

/** Decisions recorded by the animateur, the closing of a session and its minutes. */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly projects: ProjectsService,
    private readonly signals: ConcertationSignals,
    private readonly events: EventsPublisher,
    private readonly clock: SessionClock,
  ) {}

  async decisions(access: SessionAccess): Promise<DecisionView[]> {
    const rows: DecisionRow[] = await this.dataSource.query(`SELECT * FROM session_decision WHERE session_id = $1 ORDER BY created_at`, [access.sessionId]);
    return rows.map(toDecision);
  }

  async addDecision(access: SessionAccess, body: CreateDecisionRequest, accountId: string): Promise<DecisionView> {
    if (access.status === 'closed') throw conflict('session_closed');
    if (body.agendaItemId) {
      const items: unknown[] = await this.dataSource.query(`SELECT 1 FROM agenda_item WHERE id = $1 AND session_id = $2`, [body.agendaItemId, access.sessionId]);
      if (items.length === 0) throw badRequest([{ path: 'agendaItemId', message: 'Not an item of this session' }]);
    }
    const [row]: DecisionRow[] = await this.dataSource.query(
      `INSERT INTO session_decision (session_id, agenda_item_id, text, created_by_id) VALUES ($1, $2, $3, $4) RETURNING *`,
      [access.sessionId, body.agendaItemId, body.text, accountId],
    );
    this.notify(access, row.id);
    return toDecision(row);
  }

  async removeDecision(access: SessionAccess, decisionId: string): Promise<void> {
    if (access.status === 'closed') throw conflict('session_closed');
    const rows: unknown[] = await changedRows(this.dataSource, `DELETE FROM session_decision WHERE id = $1 AND session_id = $2 RETURNING id`, [decisionId, access.sessionId]);
    if (rows.length === 0) throw notFound();
    this.notify(access, decisionId);
  }

  /** Turns a decision into a shared project of the space, once; the project remembers where it came from. */
  async decisionToProject(access: SessionAccess, decisionId: string, accountId: string): Promise<DecisionView> {
    const [decision]: (DecisionRow & { session_title: string })[] = await this.dataSource.query(
      `SELECT d.*, cs.title AS session_title FROM session_decision d JOIN concertation_session cs ON cs.id = d.session_id WHERE d.id = $1 AND d.session_id = $2`,
      [decisionId, access.sessionId],
    );
    if (!decision) throw notFound();
    if (decision.project_id) throw conflict('session_state');
    const title = decision.text.split('\n')[0].slice(0, 200).trim();
    const project = await this.projects.create(
      access.spaceId,
      { title: title.length >= 2 ? title : `Décision — ${decision.session_title}`.slice(0, 200), summary: `Décision de la séance « ${decision.session_title} » : ${decision.text}`.slice(0, 4000), stage: 'emergence', status: 'under_study', startDate: null, endDate: null, levers: [], policyFrames: [], partners: [] },
      accountId,
    );
    const [row]: DecisionRow[] = await changedRows(this.dataSource, `UPDATE session_decision SET project_id = $2 WHERE id = $1 RETURNING *`, [decisionId, project.id]);
    this.notify(access, decisionId);
    return toDecision(row);
  }

  /**
   * Closes the session: the current item's time stops, open votes close, the minutes are written, all in one
   * transaction; then the diagnostic area is told (it saves a version when an item worked on the diagnostic).
   */
  async close(access: SessionAccess, accountId: string): Promise<MinutesView> {
    const now = this.clock.now();
    const { minutes, title, diagnosticWorkedOn } = await this.dataSource.transaction(async (tx) => {
      const [session]: { status: string; title: string }[] = await tx.query(`SELECT status, title FROM concertation_session WHERE id = $1 FOR UPDATE`, [access.sessionId]);
      if (session.status !== 'live') throw conflict(session.status === 'closed' ? 'session_closed' : 'session_not_live');
      const agenda = await listAgenda(tx, access.sessionId);
      for (const item of agenda.filter((i) => i.status === 'current')) {
        const timer = finishItem(toTimer(item), now);
        await tx.query(`UPDATE agenda_item SET status = 'done', elapsed_ms = $2, running_since = NULL, ended_at = to_timestamp($3 / 1000.0) WHERE id = $1`, [item.id, timer.elapsedMs, now]);
      }
      await tx.query(`UPDATE vote SET status = 'closed', closed_at = coalesce(closed_at, to_timestamp($2 / 1000.0)) WHERE session_id = $1`, [access.sessionId, now]);
      await tx.query(
        `UPDATE concertation_session SET status = 'closed', closed_at = to_timestamp($2 / 1000.0), version = version + 1, updated_at = now() WHERE id = $1`,
        [access.sessionId, now],
      );
      const built = await buildMinutes(this.dataSource, tx, access.sessionId, now);
      await tx.query(`INSERT INTO session_minutes (session_id, content) VALUES ($1, $2)`, [access.sessionId, JSON.stringify(built)]);
      return { minutes: built, title: session.title, diagnosticWorkedOn: agenda.some((i) => i.diagnosticSectionId !== null) };
    });
    this.sessions.notify(access.spaceId, access.sessionId, 'updated');
    await this.signals.sessionClosed({ spaceId: access.spaceId, sessionId: access.sessionId, title, diagnosticWorkedOn, accountId });
    return minutes;
  }

  async minutes(access: SessionAccess): Promise<MinutesView> {
    const rows: { content: MinutesView }[] = await this.dataSource.query(`SELECT content FROM session_minutes WHERE session_id = $1`, [access.sessionId]);
    if (!rows[0]) throw notFound();
    return rows[0].content;
  }

  private notify(access: SessionAccess, decisionId: string): void {
    this.events.notifySession(access.sessionId, { spaceId: access.spaceId, entity: 'decision', id: decisionId, op: 'updated' });
  }
}
