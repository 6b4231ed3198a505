import { Injectable } from '@nestjs/common';
import type { AnalysisView, CreateAnalysisRequest, UpdateAnalysisRequest } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { AnalysesRepository } from './analyses.repository.js';

/** The guide's analysis chapters: what the testimonies and figures show, by stage, by lever or on a free subject. */
@Injectable()
export class AnalysesService {
  constructor(
    private readonly analyses: AnalysesRepository,
    private readonly events: EventsPublisher,
  ) {}

  list(spaceId: string): Promise<AnalysisView[]> {
    return this.analyses.list(spaceId);
  }

  async create(spaceId: string, body: CreateAnalysisRequest, accountId: string): Promise<AnalysisView> {
    const id = await this.analyses.insert(spaceId, body.title, body.scope, accountId);
    this.notify(spaceId, id, 'created');
    return this.get(spaceId, id);
  }

  async update(spaceId: string, analysisId: string, body: UpdateAnalysisRequest): Promise<AnalysisView> {
    if (!(await this.analyses.update(spaceId, analysisId, body))) throw notFound();
    this.notify(spaceId, analysisId, 'updated');
    return this.get(spaceId, analysisId);
  }

  async remove(spaceId: string, analysisId: string): Promise<void> {
    if (!(await this.analyses.delete(spaceId, analysisId))) throw notFound();
    this.notify(spaceId, analysisId, 'deleted');
  }

  private async get(spaceId: string, analysisId: string): Promise<AnalysisView> {
    const view = await this.analyses.find(spaceId, analysisId);
    if (!view) throw notFound();
    return view;
  }

  private notify(spaceId: string, analysisId: string, op: 'created' | 'updated' | 'deleted'): void {
    this.events.notify({ spaceId, entity: 'analysis', id: analysisId, op });
  }
}
