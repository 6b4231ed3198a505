import { Injectable } from '@nestjs/common';
import type { CreateIndicatorRequest, CreateMilestoneRequest, IndicatorView, MilestoneView, UpdateMilestoneRequest } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { ProjectItemChangesService } from './project-item-changes.service.js';
import { ProjectItemsRepository } from './project-items.repository.js';

/** Milestones (whose completion rolls up into the project's progress) and indicator measures of a project. */
@Injectable()
export class ProjectItemsService {
  constructor(
    private readonly items: ProjectItemsRepository,
    private readonly changes: ProjectItemChangesService,
  ) {}

  async addMilestone(spaceId: string, projectId: string, body: CreateMilestoneRequest, accountId: string): Promise<MilestoneView> {
    return this.changes.apply({ spaceId, projectId, accountId }, 'milestone_added', async (tx) => {
      const id = await this.items.insertMilestone(projectId, body, tx);
      const milestone = (await this.items.findMilestone(projectId, id, tx))!;
      return {
        result: milestone,
        details: { title: body.title },
        notice: projectUpdated(projectId),
      };
    });
  }

  async updateMilestone(spaceId: string, projectId: string, milestoneId: string, body: UpdateMilestoneRequest, accountId: string) {
    return this.changes.apply({ spaceId, projectId, accountId }, 'milestone_updated', async (tx) => {
      const before = await this.items.findMilestone(projectId, milestoneId, tx);
      if (!before) throw notFound();
      await this.items.updateMilestone(projectId, milestoneId, body, tx);
      const after = (await this.items.findMilestone(projectId, milestoneId, tx))!;
      const details: Record<string, unknown> = { title: after.title };
      for (const field of ['title', 'dueDate', 'done'] as const) {
        if (before[field] !== after[field]) details[field] = [before[field], after[field]];
      }
      return { result: after, details, notice: projectUpdated(projectId) };
    });
  }

  async removeMilestone(spaceId: string, projectId: string, milestoneId: string, accountId: string): Promise<void> {
    await this.changes.apply({ spaceId, projectId, accountId }, 'milestone_removed', async (tx) => {
      const before = await this.items.findMilestone(projectId, milestoneId, tx);
      if (!before) throw notFound();
      await this.items.deleteMilestone(milestoneId, tx);
      return {
        result: undefined,
        details: { title: before.title },
        notice: projectUpdated(projectId),
      };
    });
  }

  async addIndicator(spaceId: string, projectId: string, body: CreateIndicatorRequest, accountId: string): Promise<IndicatorView> {
    return this.changes.apply({ spaceId, projectId, accountId }, 'indicator_added', async (tx) => {
      // Only a custom indicator names itself and its unit.
      const custom = body.kind === 'custom';
      const measure = { kind: body.kind, label: custom ? body.label : '', unit: custom ? body.unit : '', measuredOn: body.measuredOn, value: body.value };
      const id = await this.items.insertIndicator(projectId, measure, tx);
      const indicator = (await this.items.findIndicator(projectId, id, tx))!;
      return {
        result: indicator,
        details: {
          kind: body.kind,
          label: indicator.label,
          measuredOn: body.measuredOn,
          value: body.value,
        },
        notice: projectUpdated(projectId),
      };
    });
  }

  async removeIndicator(spaceId: string, projectId: string, indicatorId: string, accountId: string): Promise<void> {
    await this.changes.apply({ spaceId, projectId, accountId }, 'indicator_removed', async (tx) => {
      const before = await this.items.findIndicator(projectId, indicatorId, tx);
      if (!before) throw notFound();
      await this.items.deleteIndicator(indicatorId, tx);
      return {
        result: undefined,
        details: {
          kind: before.kind,
          label: before.label,
          measuredOn: before.measuredOn,
          value: before.value,
        },
        notice: projectUpdated(projectId),
      };
    });
  }
}

/** A milestone or a measure changes the project as the board shows it. */
const projectUpdated = (projectId: string) => ({ entity: 'project', id: projectId, op: 'updated' }) as const;
