import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectAction, ProjectChangeView } from '@concerto/domain';

interface ChangeRow {
  id: string;
  at: Date;
  account_id: string | null;
  display_name: string | null;
  action: ProjectAction;
  details: Record<string, unknown>;
}

const mapChangeRow = (r: ChangeRow): ProjectChangeView => ({
  id: r.id,
  at: r.at.toISOString(),
  author: r.account_id ? { id: r.account_id, displayName: r.display_name ?? '' } : null,
  action: r.action,
  details: r.details,
});

/** The SQL of a project's timeline (`project_change`): who changed what, when. */
@Injectable()
export class ProjectTimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    projectId: string,
    accountId: string,
    action: ProjectAction,
    details: Record<string, unknown>,
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await db.query(`INSERT INTO project_change (project_id, account_id, action, details) VALUES ($1, $2, $3, $4)`, [
      projectId,
      accountId,
      action,
      JSON.stringify(details),
    ]);
  }

  /** The newest 500 changes, newest first. */
  async list(projectId: string, db: EntityManager = this.dataSource.manager): Promise<ProjectChangeView[]> {
    const rows: ChangeRow[] = await db.query(
      `SELECT c.id::text AS id, c.at, c.account_id, a.display_name, c.action, c.details
         FROM project_change c LEFT JOIN account a ON a.id = c.account_id
        WHERE c.project_id = $1 ORDER BY c.id DESC LIMIT 500`,
      [projectId],
    );
    return rows.map(mapChangeRow);
  }
}
