import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreateIndicatorRequest,
  CreateMilestoneRequest,
  IndicatorView,
  MilestoneView,
  ProjectAction,
  UpdateMilestoneRequest,
} from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { listIndicators, listMilestones } from './project-queries.js';
import { lockProject, recordChange, touchProject } from './project-writes.js';

/** Milestones (whose completion rolls up into the project's progress) and indicator measures of a project. */
@Injectable()
export class ProjectItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
  ) {}

  async addMilestone(spaceId: string, projectId: string, body: CreateMilestoneRequest, accountId: string): Promise<MilestoneView> {
    return this.change(spaceId, projectId, accountId, 'milestone_added', async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO project_milestone (project_id, title, due_date, done, position)
         SELECT $1, $2, $3, $4, coalesce(max(position) + 1, 0) FROM project_milestone WHERE project_id = $1
         RETURNING id`,
        [projectId, body.title, body.dueDate, body.done],
      );
      const milestone = (await listMilestones(tx, projectId)).find((m) => m.id === row.id)!;
      return { result: milestone, details: { title: body.title } };
    });
  }

  async updateMilestone(spaceId: string, projectId: string, milestoneId: string, body: UpdateMilestoneRequest, accountId: string) {
    return this.change(spaceId, projectId, accountId, 'milestone_updated', async (tx) => {
      const before = (await listMilestones(tx, projectId)).find((m) => m.id === milestoneId);
      if (!before) throw notFound();
      await tx.query(
        `UPDATE project_milestone
            SET title = coalesce($3, title), due_date = CASE WHEN $4 THEN $5::date ELSE due_date END,
                done = coalesce($6, done), updated_at = now()
          WHERE id = $1 AND project_id = $2`,
        [milestoneId, projectId, body.title ?? null, body.dueDate !== undefined, body.dueDate ?? null, body.done ?? null],
      );
      const after = (await listMilestones(tx, projectId)).find((m) => m.id === milestoneId)!;
      const details: Record<string, unknown> = { title: after.title };
      for (const field of ['title', 'dueDate', 'done'] as const) {
        if (before[field] !== after[field]) details[field] = [before[field], after[field]];
      }
      return { result: after, details };
    });
  }

  async removeMilestone(spaceId: string, projectId: string, milestoneId: string, accountId: string): Promise<void> {
    await this.change(spaceId, projectId, accountId, 'milestone_removed', async (tx) => {
      const before = (await listMilestones(tx, projectId)).find((m) => m.id === milestoneId);
      if (!before) throw notFound();
      await tx.query(`DELETE FROM project_milestone WHERE id = $1`, [milestoneId]);
      return { result: undefined, details: { title: before.title } };
    });
  }

  async addIndicator(spaceId: string, projectId: string, body: CreateIndicatorRequest, accountId: string): Promise<IndicatorView> {
    return this.change(spaceId, projectId, accountId, 'indicator_added', async (tx) => {
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO project_indicator (project_id, kind, label, unit, measured_on, value) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [projectId, body.kind, body.kind === 'custom' ? body.label : '', body.kind === 'custom' ? body.unit : '', body.measuredOn, body.value],
      );
      const indicator = (await listIndicators(tx, projectId)).find((i) => i.id === row.id)!;
      return { result: indicator, details: { kind: body.kind, label: indicator.label, measuredOn: body.measuredOn, value: body.value } };
    });
  }

  async removeIndicator(spaceId: string, projectId: string, indicatorId: string, accountId: string): Promise<void> {
    await this.change(spaceId, projectId, accountId, 'indicator_removed', async (tx) => {
      const before = (await listIndicators(tx, projectId)).find((i) => i.id === indicatorId);
      if (!before) throw notFound();
      await tx.query(`DELETE FROM project_indicator WHERE id = $1`, [indicatorId]);
      return { result: undefined, details: { kind: before.kind, label: before.label, measuredOn: before.measuredOn, value: before.value } };
    });
  }

  /** Runs one change of a project's items under the project's lock, records it in the timeline, then notifies. */
  private async change<T>(
    spaceId: string,
    projectId: string,
    accountId: string,
    action: ProjectAction,
    work: (tx: EntityManager) => Promise<{ result: T; details: Record<string, unknown> }>,
  ): Promise<T> {
    const result = await this.dataSource.transaction(async (tx) => {
      await lockProject(tx, spaceId, projectId);
      const done = await work(tx);
      await recordChange(tx, projectId, accountId, action, done.details);
      await touchProject(tx, projectId);
      return done.result;
    });
    this.events.notify({ spaceId, entity: 'project', id: projectId, op: 'updated' });
    return result;
  }
}
