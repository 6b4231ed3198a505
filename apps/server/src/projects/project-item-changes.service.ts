import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChangeNotice, ProjectAction } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectTimelineRepository } from './project-timeline.repository.js';

/** What one change of a project's items did: its result, what the timeline keeps, and who is told what. */
export interface ItemChange<T> {
  result: T;
  details: Record<string, unknown>;
  notice: Pick<ChangeNotice, 'entity' | 'id' | 'op'>;
}

/**
 * The one write sequence of a project's items (milestones, indicators, funding lines): lock the project (404 when
 * it is not in the space), make the change, record it in the timeline, touch the project, all in one transaction;
 * then, once committed, tell the space's clients.
 */
@Injectable()
export class ProjectItemChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly timeline: ProjectTimelineRepository,
    private readonly events: EventsPublisher,
  ) {}

  async apply<T>(
    target: { spaceId: string; projectId: string; accountId: string },
    action: ProjectAction,
    change: (tx: EntityManager) => Promise<ItemChange<T>>,
  ): Promise<T> {
    const { spaceId, projectId, accountId } = target;
    const done = await this.dataSource.transaction(async (tx) => {
      if (!(await this.projects.lock(spaceId, projectId, tx))) throw notFound();
      const changed = await change(tx);
      await this.timeline.record(projectId, accountId, action, changed.details, tx);
      await this.projects.touch(projectId, tx);
      return changed;
    });
    this.events.notify({ spaceId, ...done.notice });
    return done.result;
  }
}
