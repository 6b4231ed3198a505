import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AgendaItemInput, AgendaItemView, ItemTimer } from '@concerto/domain';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface AgendaItemRow {
  id: string;
  position: number;
  title: string;
  duration_minutes: number;
  lever: AgendaItemView['lever'];
  diagnostic_section_id: string | null;
  status: AgendaItemView['status'];
  /** bigint: pg answers a string. */
  extra_ms: string;
  /** bigint: pg answers a string. */
  elapsed_ms: string;
  running_since: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
}

const mapAgendaItemRow = (r: AgendaItemRow): AgendaItemView => ({
  id: r.id,
  position: r.position,
  title: r.title,
  durationMinutes: r.duration_minutes,
  lever: r.lever,
  diagnosticSectionId: r.diagnostic_section_id,
  status: r.status,
  plannedMs: r.duration_minutes * 60_000,
  extraMs: Number(r.extra_ms),
  elapsedMs: Number(r.elapsed_ms),
  runningSince: r.running_since ? r.running_since.getTime() : null,
  startedAt: iso(r.started_at),
  endedAt: iso(r.ended_at),
});

/** The SQL of the `agenda_item` table. Times given as `now` are the server clock's milliseconds. */
@Injectable()
export class AgendaItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(sessionId: string, db: EntityManager = this.dataSource.manager): Promise<AgendaItemView[]> {
    const rows: AgendaItemRow[] = await db.query(`SELECT * FROM agenda_item WHERE session_id = $1 ORDER BY position`, [sessionId]);
    return rows.map(mapAgendaItemRow);
  }

  async isItemOf(sessionId: string, itemId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM agenda_item WHERE id = $1 AND session_id = $2`, [itemId, sessionId]);
    return rows.length > 0;
  }

  /** The agenda becomes `agenda`, in that order. */
  async replace(sessionId: string, agenda: AgendaItemInput[], db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM agenda_item WHERE session_id = $1`, [sessionId]);
    for (const [position, item] of agenda.entries()) {
      await db.query(`INSERT INTO agenda_item (session_id, position, title, duration_minutes, lever, diagnostic_section_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
        sessionId,
        position,
        item.title,
        item.durationMinutes,
        item.lever,
        item.diagnosticSectionId,
      ]);
    }
  }

  /** Stores an item's timer; the item's start and end times follow its status. */
  async saveTimer(itemId: string, timer: ItemTimer, now: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE agenda_item
          SET status = $2, extra_ms = $3, elapsed_ms = $4,
              running_since = CASE WHEN $5::bigint IS NULL THEN NULL ELSE to_timestamp($5::bigint / 1000.0) END,
              started_at = CASE WHEN $2 = 'current' THEN coalesce(started_at, to_timestamp($6 / 1000.0)) ELSE started_at END,
              ended_at = CASE WHEN $2 = 'done' THEN to_timestamp($6 / 1000.0) ELSE NULL END
        WHERE id = $1`,
      [itemId, timer.status, timer.extraMs, timer.elapsedMs, timer.runningSince, now],
    );
  }

  /** The item is done at `now`, after `elapsedMs` of work. */
  async finish(itemId: string, elapsedMs: number, now: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE agenda_item SET status = 'done', elapsed_ms = $2, running_since = NULL, ended_at = to_timestamp($3 / 1000.0) WHERE id = $1`, [
      itemId,
      elapsedMs,
      now,
    ]);
  }
}
