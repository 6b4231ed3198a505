import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateMilestoneRequest, IndicatorView, MilestoneView, UpdateMilestoneRequest } from '@concerto/domain';
import { day } from './projects.repository.js';

interface MilestoneRow {
  id: string;
  title: string;
  due_date: string | null;
  done: boolean;
  position: number;
}

const mapMilestoneRow = (r: MilestoneRow): MilestoneView => ({
  id: r.id,
  title: r.title,
  dueDate: r.due_date,
  done: r.done,
  position: r.position,
});

interface IndicatorRow {
  id: string;
  kind: IndicatorView['kind'];
  label: string;
  unit: string;
  measured_on: string;
  /** numeric: pg answers a string. */
  value: string;
}

const mapIndicatorRow = (r: IndicatorRow): IndicatorView => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  unit: r.unit,
  measuredOn: r.measured_on,
  value: Number(r.value),
});

const MILESTONE_SELECT = `SELECT id, title, ${day('due_date')} AS due_date, done, position FROM project_milestone`;
const INDICATOR_SELECT = `SELECT id, kind, label, unit, ${day('measured_on')} AS measured_on, value FROM project_indicator`;

/** An indicator measure as stored: a non-custom indicator has no label nor unit of its own (empty strings). */
export interface IndicatorValues {
  kind: IndicatorView['kind'];
  label: string;
  unit: string;
  measuredOn: string;
  value: number;
}

/** The SQL of a project's milestones and indicator measures. */
@Injectable()
export class ProjectItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listMilestones(projectId: string, db: EntityManager = this.dataSource.manager): Promise<MilestoneView[]> {
    const rows: MilestoneRow[] = await db.query(`${MILESTONE_SELECT} WHERE project_id = $1 ORDER BY position, created_at`, [projectId]);
    return rows.map(mapMilestoneRow);
  }

  /** Compared as text: an id that is not a uuid is simply not found (a 404, not a cast error). */
  async findMilestone(projectId: string, milestoneId: string, db: EntityManager = this.dataSource.manager): Promise<MilestoneView | undefined> {
    const rows: MilestoneRow[] = await db.query(`${MILESTONE_SELECT} WHERE project_id = $1 AND id::text = $2`, [projectId, milestoneId]);
    return rows[0] ? mapMilestoneRow(rows[0]) : undefined;
  }

  /** Adds the milestone after the project's last one; returns its id. */
  async insertMilestone(projectId: string, body: CreateMilestoneRequest, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO project_milestone (project_id, title, due_date, done, position)
       SELECT $1, $2, $3, $4, coalesce(max(position) + 1, 0) FROM project_milestone WHERE project_id = $1
       RETURNING id`,
      [projectId, body.title, body.dueDate, body.done],
    );
    return row.id;
  }

  /** Writes the given fields only (a due date given as null clears it). */
  async updateMilestone(projectId: string, milestoneId: string, body: UpdateMilestoneRequest, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE project_milestone
          SET title = coalesce($3, title), due_date = CASE WHEN $4 THEN $5::date ELSE due_date END,
              done = coalesce($6, done), updated_at = now()
        WHERE id = $1 AND project_id = $2`,
      [milestoneId, projectId, body.title ?? null, body.dueDate !== undefined, body.dueDate ?? null, body.done ?? null],
    );
  }

  async deleteMilestone(milestoneId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM project_milestone WHERE id = $1`, [milestoneId]);
  }

  async listIndicators(projectId: string, db: EntityManager = this.dataSource.manager): Promise<IndicatorView[]> {
    const rows: IndicatorRow[] = await db.query(`${INDICATOR_SELECT} WHERE project_id = $1 ORDER BY measured_on, created_at`, [projectId]);
    return rows.map(mapIndicatorRow);
  }

  /** Compared as text, like `findMilestone`. */
  async findIndicator(projectId: string, indicatorId: string, db: EntityManager = this.dataSource.manager): Promise<IndicatorView | undefined> {
    const rows: IndicatorRow[] = await db.query(`${INDICATOR_SELECT} WHERE project_id = $1 AND id::text = $2`, [projectId, indicatorId]);
    return rows[0] ? mapIndicatorRow(rows[0]) : undefined;
  }

  /** Records a measure; returns its id. */
  async insertIndicator(projectId: string, values: IndicatorValues, db: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO project_indicator (project_id, kind, label, unit, measured_on, value) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [projectId, values.kind, values.label, values.unit, values.measuredOn, values.value],
    );
    return row.id;
  }

  async deleteIndicator(indicatorId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`DELETE FROM project_indicator WHERE id = $1`, [indicatorId]);
  }
}
