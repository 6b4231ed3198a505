import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type FacilitationRequest, type FacilitationStep, type ItemTimer, type SessionView, TimerStateError, facilitate } from '@concerto/domain';
import { conflict } from '../common/api-exception.js';
import type { SessionAccess } from '../access/session-roles.js';
import { SessionClock } from './session-clock.js';
import { listAgenda, toTimer } from './session-queries.js';
import { SessionsService } from './sessions.service.js';

/** The animateur's controls: start the session, move through the agenda, pause, resume and extend the timer. */
@Injectable()
export class FacilitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly clock: SessionClock,
  ) {}

  async step(access: SessionAccess, request: FacilitationRequest): Promise<SessionView> {
    const view = await this.dataSource.transaction(async (tx) => {
      const [session]: { status: string }[] = await tx.query(`SELECT status FROM concertation_session WHERE id = $1 FOR UPDATE`, [access.sessionId]);
      if (session.status === 'closed') throw conflict('session_closed');
      if (request.action !== 'start' && session.status !== 'live') throw conflict('session_not_live');
      if (request.action === 'start' && session.status !== 'planned') throw conflict('session_state');
      const agenda = await listAgenda(tx, access.sessionId);
      if (agenda.length === 0) throw conflict('session_state');
      const now = this.clock.now();
      const step: FacilitationStep =
        request.action === 'goto' ? { action: 'goto', index: agenda.findIndex((item) => item.id === request.itemId) } : request;
      let timers;
      try {
        timers = facilitate(agenda.map(toTimer), step, now);
      } catch (error) {
        if (error instanceof TimerStateError) throw conflict('session_state');
        throw error;
      }
      const changed = timers.map((timer, i) => ({ timer, item: agenda[i] })).filter(({ timer, item }) => JSON.stringify(toTimer(item)) !== JSON.stringify(timer));
      // Items leaving "current" first: the database allows one current item at a time.
      for (const { timer, item } of [...changed.filter((c) => c.timer.status !== 'current'), ...changed.filter((c) => c.timer.status === 'current')]) {
        await this.save(tx, item.id, timer, now);
      }
      await tx.query(
        `UPDATE concertation_session SET status = 'live', started_at = coalesce(started_at, to_timestamp($2 / 1000.0)), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [access.sessionId, now],
      );
      return this.sessions.view(access, tx);
    });
    this.sessions.notify(access.spaceId, access.sessionId, 'updated');
    return view;
  }

  private async save(tx: EntityManager, itemId: string, timer: ItemTimer, now: number): Promise<void> {
    await tx.query(
      `UPDATE agenda_item
          SET status = $2, extra_ms = $3, elapsed_ms = $4,
              running_since = CASE WHEN $5::bigint IS NULL THEN NULL ELSE to_timestamp($5::bigint / 1000.0) END,
              started_at = CASE WHEN $2 = 'current' THEN coalesce(started_at, to_timestamp($6 / 1000.0)) ELSE started_at END,
              ended_at = CASE WHEN $2 = 'done' THEN to_timestamp($6 / 1000.0) ELSE NULL END
        WHERE id = $1`,
      [itemId, timer.status, timer.extraMs, timer.elapsedMs, timer.runningSince, now],
    );
  }
}
