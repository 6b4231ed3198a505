import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateProjectRequest, ProjectDetail, ProjectListQuery, ProjectPartnerInput, ProjectSummary, UpdateProjectRequest } from '@concerto/domain';
import { conflict, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { FundingRepository } from './funding.repository.js';
import { ProjectItemsRepository } from './project-items.repository.js';
import { stageChanged } from './project-notifications.js';
import { ProjectRecipientsRepository } from './project-recipients.repository.js';
import { requireOrganisations } from './project-rules.js';
import { ProjectTimelineRepository } from './project-timeline.repository.js';
import { PROJECT_FIELDS, type ProjectFieldValues, ProjectsRepository } from './projects.repository.js';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly items: ProjectItemsRepository,
    private readonly funding: FundingRepository,
    private readonly timeline: ProjectTimelineRepository,
    private readonly events: EventsPublisher,
    private readonly recipients: ProjectRecipientsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  list(spaceId: string, filters: ProjectListQuery): Promise<ProjectSummary[]> {
    return this.projects.listSummaries(spaceId, filters);
  }

  /** The project with its items; inside the caller's transaction when one is given. */
  async get(spaceId: string, projectId: string, tx?: EntityManager): Promise<ProjectDetail> {
    const summary = await this.projects.findSummary(spaceId, projectId, tx);
    if (!summary) throw notFound();
    // One after the other: inside a transaction they share one connection.
    const milestones = await this.items.listMilestones(projectId, tx);
    const indicators = await this.items.listIndicators(projectId, tx);
    const fundingLines = await this.funding.list(projectId, tx);
    const origin = await this.projects.findOrigin(projectId, tx);
    return { ...summary, origin, milestones, indicators, fundingLines };
  }

  async changes(spaceId: string, projectId: string) {
    await this.get(spaceId, projectId);
    return this.timeline.list(projectId);
  }

  async create(spaceId: string, body: CreateProjectRequest, accountId: string): Promise<ProjectDetail> {
    const projectId = await this.dataSource.transaction((tx) => this.insert(tx, spaceId, body, accountId));
    this.events.notify({
      spaceId,
      entity: 'project',
      id: projectId,
      op: 'created',
    });
    return this.get(spaceId, projectId);
  }

  /** Inserts a project and its partners inside the caller's transaction (also used by the CSV import). */
  async insert(tx: EntityManager, spaceId: string, body: CreateProjectRequest, accountId: string, action: 'created' | 'imported' = 'created'): Promise<string> {
    const projectId = await this.projects.insert(spaceId, body, accountId, tx);
    await this.replacePartners(tx, projectId, body.partners);
    await this.timeline.record(projectId, accountId, action, { title: body.title }, tx);
    return projectId;
  }

  /**
   * Applies the changes if the project is still at the version the editor started from; otherwise 409 and
   * nothing is written. The timeline keeps each changed field's before and after.
   */
  async update(spaceId: string, projectId: string, body: UpdateProjectRequest, accountId: string): Promise<ProjectDetail> {
    const detail = await this.dataSource.transaction(async (tx) => {
      const locked = await this.projects.lock(spaceId, projectId, tx);
      if (!locked) throw notFound();
      if (locked.version !== body.version) throw conflict('version_conflict');
      const before = await this.get(spaceId, projectId, tx);
      const diff: Record<string, [unknown, unknown]> = {};
      const changed: ProjectFieldValues = {};
      for (const field of PROJECT_FIELDS) {
        const value = body[field];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(before[field])) continue;
        diff[field] = [before[field], value];
        Object.assign(changed, { [field]: value });
      }
      const key = (p: { organisationId: string; role: string }) => `${p.organisationId}:${p.role}`;
      const partnersChanged = body.partners !== undefined && JSON.stringify(before.partners.map(key).sort()) !== JSON.stringify(body.partners.map(key).sort());
      if (partnersChanged) await this.replacePartners(tx, projectId, body.partners!);
      if (Object.keys(diff).length === 0 && !partnersChanged) return before;
      await this.projects.update(projectId, changed, tx);
      const after = await this.get(spaceId, projectId, tx);
      const partnerNames = (d: ProjectDetail) => d.partners.map((p) => `${p.name} (${p.role})`);
      if (partnersChanged) diff.partners = [partnerNames(before), partnerNames(after)];
      await this.timeline.record(projectId, accountId, 'updated', diff, tx);
      if (diff.stage) {
        const facts = { spaceId, projectId, title: after.title };
        const event = stageChanged(facts, before.stage, after.stage, accountId, await this.recipients.partnerAccounts(projectId, tx));
        await this.notifications.notify({ ...event, db: tx });
      }
      return after;
    });
    this.events.notify({
      spaceId,
      entity: 'project',
      id: projectId,
      op: 'updated',
    });
    return detail;
  }

  async remove(spaceId: string, projectId: string): Promise<void> {
    if (!(await this.projects.delete(spaceId, projectId))) throw notFound();
    this.events.notify({
      spaceId,
      entity: 'project',
      id: projectId,
      op: 'deleted',
    });
  }

  /** Every partner must be a known organisation (400 naming the first unknown one). */
  private async replacePartners(tx: EntityManager, projectId: string, partners: ProjectPartnerInput[]): Promise<void> {
    const ids = partners.map((p) => p.organisationId);
    requireOrganisations(ids, await this.projects.findOrganisations(ids, tx), 'partners.#.organisationId');
    await this.projects.replacePartners(projectId, partners, tx);
  }
}
