import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type FacilitationRequest, type FacilitationStep, type ItemTimer, type SessionView, TimerStateError, facilitate } from '@concerto/domain';
import { conflict, notFound } from '../common/api-exception.js';
import type { SessionAccess } from '../access/session-roles.js';
import { AgendaItemsRepository } from './agenda-items.repository.js';
import { toTimer } from './item-timer.js';
import { SessionClock } from './session-clock.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

/** The animateur's controls: start the session, move through the agenda, pause, resume and extend the timer. */
@Injectable()
export class FacilitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessionRows: SessionsRepository,
    private readonly agendaItems: AgendaItemsRepository,
    private readonly sessions: SessionsService,
    private readonly clock: SessionClock,
  ) {}

  async step(access: SessionAccess, request: FacilitationRequest): Promise<SessionView> {
    const view = await this.dataSource.transaction(async (tx) => {
      const session = await this.sessionRows.lock(access.sessionId, tx);
      if (!session) throw notFound();
      if (session.status === 'closed') throw conflict('session_closed');
      if (request.action !== 'start' && session.status !== 'live') throw conflict('session_not_live');
      if (request.action === 'start' && session.status !== 'planned') throw conflict('session_state');
      const agenda = await this.agendaItems.list(access.sessionId, tx);
      if (agenda.length === 0) throw conflict('session_state');
      const now = this.clock.now();
      const step: FacilitationStep = request.action === 'goto' ? { action: 'goto', index: agenda.findIndex((item) => item.id === request.itemId) } : request;
      let timers: ItemTimer[];
      try {
        timers = facilitate(agenda.map(toTimer), step, now);
      } catch (error) {
        if (error instanceof TimerStateError) throw conflict('session_state');
        throw error;
      }
      const changed = timers
        .map((timer, i) => ({ timer, item: agenda[i] }))
        .filter(({ timer, item }) => JSON.stringify(toTimer(item)) !== JSON.stringify(timer));
      // Items leaving "current" first: the database allows one current item at a time.
      for (const { timer, item } of [...changed.filter((c) => c.timer.status !== 'current'), ...changed.filter((c) => c.timer.status === 'current')]) {
        await this.agendaItems.saveTimer(item.id, timer, now, tx);
      }
      await this.sessionRows.markLive(access.sessionId, now, tx);
      return this.sessions.view(access, tx);
    });
    this.sessions.notify(access.spaceId, access.sessionId, 'updated');
    return view;
  }
}
