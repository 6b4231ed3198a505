import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DiagnosticSettings } from '@concerto/domain';

/** SQL of the diagnostic's space-wide rows: its settings (`diagnostic_settings`), and the space's title for exports. */
@Injectable()
export class DiagnosticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A space without a settings row has the defaults (observateurs do not comment). */
  async settings(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<DiagnosticSettings> {
    const rows: { observers_can_comment: boolean }[] = await db.query(`SELECT observers_can_comment FROM diagnostic_settings WHERE space_id = $1`, [spaceId]);
    return { observersCanComment: rows[0]?.observers_can_comment ?? false };
  }

  async saveSettings(spaceId: string, settings: DiagnosticSettings, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `INSERT INTO diagnostic_settings (space_id, observers_can_comment) VALUES ($1, $2) ON CONFLICT (space_id) DO UPDATE SET observers_can_comment = $2`,
      [spaceId, settings.observersCanComment],
    );
  }

  async spaceTitle(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { title: string }[] = await db.query(`SELECT title FROM space WHERE id = $1`, [spaceId]);
    return rows[0]?.title;
  }
}
