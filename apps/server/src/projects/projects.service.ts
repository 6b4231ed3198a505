import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateProjectRequest, ProjectDetail, ProjectListQuery, ProjectSummary, UpdateProjectRequest } from '@concerto/domain';
import { conflict, notFound } from '../common/api-exception.js';
import { changedRows } from '../database/changed-rows.js';
import { EventsPublisher } from '../events/events-publisher.js';
import {
  findProjectSummary,
  listFundingLines,
  listIndicators,
  listMilestones,
  listProjectChanges,
  listProjectSummaries,
} from './project-queries.js';
import { lockProject, recordChange, replacePartners } from './project-writes.js';

const COLUMN_OF = {
  title: 'title',
  summary: 'summary',
  stage: 'stage',
  status: 'status',
  startDate: 'start_date',
  endDate: 'end_date',
  levers: 'levers',
  policyFrames: 'policy_frames',
} as const;
type ProjectField = keyof typeof COLUMN_OF;

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsPublisher,
  ) {}

  list(spaceId: string, filters: ProjectListQuery): Promise<ProjectSummary[]> {
    return listProjectSummaries(this.dataSource.manager, spaceId, filters);
  }

  async get(spaceId: string, projectId: string, db: EntityManager = this.dataSource.manager): Promise<ProjectDetail> {
    const summary = await findProjectSummary(db, spaceId, projectId);
    if (!summary) throw notFound();
    // One after the other: inside a transaction they share one connection.
    const milestones = await listMilestones(db, projectId);
    const indicators = await listIndicators(db, projectId);
    const fundingLines = await listFundingLines(db, projectId);
    return { ...summary, milestones, indicators, fundingLines };
  }

  async changes(spaceId: string, projectId: string) {
    await this.get(spaceId, projectId);
    return listProjectChanges(this.dataSource.manager, projectId);
  }

  async create(spaceId: string, body: CreateProjectRequest, accountId: string): Promise<ProjectDetail> {
    const projectId = await this.dataSource.transaction((tx) => this.insert(tx, spaceId, body, accountId));
    this.events.notify({ spaceId, entity: 'project', id: projectId, op: 'created' });
    return this.get(spaceId, projectId);
  }

  /** Inserts a project and its partners inside the caller's transaction (also used by the CSV import). */
  async insert(tx: EntityManager, spaceId: string, body: CreateProjectRequest, accountId: string, action: 'created' | 'imported' = 'created'): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO project (space_id, title, summary, stage, status, start_date, end_date, levers, policy_frames, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [spaceId, body.title, body.summary, body.stage, body.status, body.startDate, body.endDate, body.levers, body.policyFrames, accountId],
    );
    const projectId = rows[0].id;
    await replacePartners(tx, projectId, body.partners);
    await recordChange(tx, projectId, accountId, action, { title: body.title });
    return projectId;
  }

  /**
   * Applies the changes if the project is still at the version the editor started from; otherwise 409 and
   * nothing is written. The timeline keeps each changed field's before and after.
   */
  async update(spaceId: string, projectId: string, body: UpdateProjectRequest, accountId: string): Promise<ProjectDetail> {
    const detail = await this.dataSource.transaction(async (tx) => {
      const locked = await lockProject(tx, spaceId, projectId);
      if (locked.version !== body.version) throw conflict('version_conflict');
      const before = await this.get(spaceId, projectId, tx);
      const diff: Record<string, [unknown, unknown]> = {};
      const sets: string[] = [];
      const params: unknown[] = [projectId];
      for (const field of Object.keys(COLUMN_OF) as ProjectField[]) {
        const value = body[field];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(before[field])) continue;
        diff[field] = [before[field], value];
        params.push(value);
        sets.push(`${COLUMN_OF[field]} = $${params.length}`);
      }
      const key = (p: { organisationId: string; role: string }) => `${p.organisationId}:${p.role}`;
      const partnersChanged =
        body.partners !== undefined && JSON.stringify(before.partners.map(key).sort()) !== JSON.stringify(body.partners.map(key).sort());
      if (partnersChanged) await replacePartners(tx, projectId, body.partners!);
      if (sets.length === 0 && !partnersChanged) return before;
      await tx.query(`UPDATE project SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
      const after = await this.get(spaceId, projectId, tx);
      const partnerNames = (d: ProjectDetail) => d.partners.map((p) => `${p.name} (${p.role})`);
      if (partnersChanged) diff.partners = [partnerNames(before), partnerNames(after)];
      await recordChange(tx, projectId, accountId, 'updated', diff);
      return after;
    });
    this.events.notify({ spaceId, entity: 'project', id: projectId, op: 'updated' });
    return detail;
  }

  async remove(spaceId: string, projectId: string): Promise<void> {
    const deleted = await changedRows(this.dataSource, `DELETE FROM project WHERE id = $1 AND space_id = $2 RETURNING id`, [projectId, spaceId]);
    if (deleted.length === 0) throw notFound();
    this.events.notify({ spaceId, entity: 'project', id: projectId, op: 'deleted' });
  }
}
