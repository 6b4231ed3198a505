import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { analysisTextDocument } from '@concerto/collab';
import type { AnalysisView, CreateAnalysisRequest, UpdateAnalysisRequest } from '@concerto/domain';
import { DataSource } from 'typeorm';
import { CollabService } from '../collab/collab.service.js';
import { notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { AnalysesRepository } from './analyses.repository.js';

/** The guide's analysis chapters: what the testimonies and figures show, by stage, by lever or on a free subject. */
@Injectable()
export class AnalysesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analyses: AnalysesRepository,
    private readonly events: EventsPublisher,
    private readonly collab: CollabService,
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

  /** The chapter and its text go together (closed for whoever has it open). */
  async remove(spaceId: string, analysisId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.analyses.delete(spaceId, analysisId, tx))) throw notFound();
      await this.collab.forget(analysisTextDocument(analysisId), tx);
    });
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
