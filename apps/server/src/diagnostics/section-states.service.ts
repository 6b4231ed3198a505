import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { diagnosticDocument, readSections } from '@concerto/collab';
import type { DiagnosticSettings, SectionStateView, UpdateSectionStateRequest } from '@concerto/domain';
import { badRequest, conflict } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { EventsPublisher } from '../events/events-publisher.js';

interface StateRow {
  section_id: string;
  score: number | null;
  justification: string;
  status: SectionStateView['status'];
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  display_name: string | null;
}

/** Self-assessment and status of each section (relational: the observatory and exports query them). */
@Injectable()
export class SectionStatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly collab: CollabService,
    private readonly events: EventsPublisher,
  ) {}

  async list(spaceId: string): Promise<SectionStateView[]> {
    const sections = readSections(await this.collab.currentState(diagnosticDocument(spaceId)));
    const rows: StateRow[] = await this.dataSource.query(
      `SELECT s.*, a.display_name FROM diagnostic_section_state s LEFT JOIN account a ON a.id = s.updated_by_id WHERE s.space_id = $1`,
      [spaceId],
    );
    const open: { section_id: string; n: number }[] = await this.dataSource.query(
      `SELECT section_id, count(*)::int AS n FROM diagnostic_comment WHERE space_id = $1 AND parent_id IS NULL AND resolved_at IS NULL GROUP BY section_id`,
      [spaceId],
    );
    const byId = new Map(rows.map((r) => [r.section_id, r]));
    const openBy = new Map(open.map((o) => [o.section_id, o.n]));
    const ids = [...new Set([...sections.map((s) => s.id), ...rows.map((r) => r.section_id)])];
    return ids.map((id) => this.toView(id, byId.get(id), openBy.get(id) ?? 0));
  }

  async update(spaceId: string, sectionId: string, body: UpdateSectionStateRequest, accountId: string): Promise<SectionStateView> {
    const sections = readSections(await this.collab.currentState(diagnosticDocument(spaceId)));
    if (!sections.some((s) => s.id === sectionId)) throw badRequest([{ path: 'sectionId', message: 'No such section in the diagnostic' }]);
    const rows: StateRow[] = await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO diagnostic_section_state (space_id, section_id, version) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
        [spaceId, sectionId],
      );
      const [current]: StateRow[] = await tx.query(`SELECT * FROM diagnostic_section_state WHERE space_id = $1 AND section_id = $2 FOR UPDATE`, [spaceId, sectionId]);
      if (current.version !== body.version) throw conflict('version_conflict');
      await tx.query(
        `UPDATE diagnostic_section_state
            SET score = CASE WHEN $3 THEN $4::int ELSE score END, justification = coalesce($5, justification), status = coalesce($6, status),
                version = version + 1, updated_by_id = $7, updated_at = now()
          WHERE space_id = $1 AND section_id = $2`,
        [spaceId, sectionId, body.score !== undefined, body.score ?? null, body.justification ?? null, body.status ?? null, accountId],
      );
      return tx.query(
        `SELECT s.*, a.display_name FROM diagnostic_section_state s LEFT JOIN account a ON a.id = s.updated_by_id WHERE s.space_id = $1 AND s.section_id = $2`,
        [spaceId, sectionId],
      );
    });
    this.events.notify({ spaceId, entity: 'diagnostic_section', id: sectionId, op: 'updated' });
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM diagnostic_comment WHERE space_id = $1 AND section_id = $2 AND parent_id IS NULL AND resolved_at IS NULL`,
      [spaceId, sectionId],
    );
    return this.toView(sectionId, rows[0], n);
  }

  async settings(spaceId: string): Promise<DiagnosticSettings> {
    const rows: { observers_can_comment: boolean }[] = await this.dataSource.query(`SELECT observers_can_comment FROM diagnostic_settings WHERE space_id = $1`, [spaceId]);
    return { observersCanComment: rows[0]?.observers_can_comment ?? false };
  }

  async updateSettings(spaceId: string, body: DiagnosticSettings): Promise<DiagnosticSettings> {
    await this.dataSource.query(
      `INSERT INTO diagnostic_settings (space_id, observers_can_comment) VALUES ($1, $2) ON CONFLICT (space_id) DO UPDATE SET observers_can_comment = $2`,
      [spaceId, body.observersCanComment],
    );
    this.events.notify({ spaceId, entity: 'diagnostic_section', id: 'settings', op: 'updated' });
    return body;
  }

  private toView(sectionId: string, row: StateRow | undefined, openComments: number): SectionStateView {
    return {
      sectionId,
      score: row?.score ?? null,
      justification: row?.justification ?? '',
      status: row?.status ?? 'to_complete',
      version: row?.version ?? 0,
      updatedAt: row && row.version > 0 ? row.updated_at.toISOString() : null,
      updatedBy: row?.updated_by_id ? { id: row.updated_by_id, displayName: row.display_name ?? '' } : null,
      openComments,
    };
  }
}
