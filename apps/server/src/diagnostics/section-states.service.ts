import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { diagnosticDocument, readSections } from '@concerto/collab';
import type { DiagnosticOutlineEntry, DiagnosticSettings, SectionStateView, UpdateSectionStateRequest } from '@concerto/domain';
import { badRequest, conflict } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { CommentsRepository } from './comments.repository.js';
import { DiagnosticsRepository } from './diagnostics.repository.js';
import { type SectionState, SectionStatesRepository } from './section-states.repository.js';

/** Self-assessment and status of each section (relational: the observatory and exports query them). */
@Injectable()
export class SectionStatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: SectionStatesRepository,
    private readonly comments: CommentsRepository,
    private readonly diagnostics: DiagnosticsRepository,
    private readonly collab: CollabService,
    private readonly events: EventsPublisher,
  ) {}

  /** Every section of the document, and any assessed section since removed from it. */
  async list(spaceId: string): Promise<SectionStateView[]> {
    const sections = readSections(await this.collab.currentState(diagnosticDocument(spaceId)));
    const states = await this.states.list(spaceId);
    const openBy = await this.comments.openThreadsBySection(spaceId);
    const byId = new Map(states.map((s) => [s.sectionId, s]));
    const ids = [...new Set([...sections.map((s) => s.id), ...states.map((s) => s.sectionId)])];
    return ids.map((id) => this.toView(id, byId.get(id), openBy.get(id) ?? 0));
  }

  /** The sections of today's diagnostic that are not archived, in the document's order, with their titles. */
  async outline(spaceId: string): Promise<DiagnosticOutlineEntry[]> {
    return readSections(await this.collab.currentState(diagnosticDocument(spaceId)))
      .filter((s) => !s.archived)
      .map(({ id, kind, title }) => ({ id, kind, title }));
  }

  async update(spaceId: string, sectionId: string, body: UpdateSectionStateRequest, accountId: string): Promise<SectionStateView> {
    const sections = readSections(await this.collab.currentState(diagnosticDocument(spaceId)));
    if (!sections.some((s) => s.id === sectionId)) throw badRequest([{ path: 'sectionId', message: 'No such section in the diagnostic' }]);
    const state = await this.dataSource.transaction(async (tx) => {
      if ((await this.states.lockCreating(spaceId, sectionId, tx)) !== body.version) throw conflict('version_conflict');
      await this.states.update(spaceId, sectionId, { score: body.score, justification: body.justification, status: body.status }, accountId, tx);
      return this.states.find(spaceId, sectionId, tx);
    });
    this.events.notify({ spaceId, entity: 'diagnostic_section', id: sectionId, op: 'updated' });
    return this.toView(sectionId, state, await this.comments.openThreads(spaceId, sectionId));
  }

  settings(spaceId: string): Promise<DiagnosticSettings> {
    return this.diagnostics.settings(spaceId);
  }

  async updateSettings(spaceId: string, body: DiagnosticSettings): Promise<DiagnosticSettings> {
    await this.diagnostics.saveSettings(spaceId, body);
    this.events.notify({ spaceId, entity: 'diagnostic_section', id: 'settings', op: 'updated' });
    return body;
  }

  private toView(sectionId: string, state: SectionState | undefined, openComments: number): SectionStateView {
    return {
      sectionId,
      score: state?.score ?? null,
      justification: state?.justification ?? '',
      status: state?.status ?? 'to_complete',
      version: state?.version ?? 0,
      // A row at version 0 was only created to be locked: nobody has assessed the section yet.
      updatedAt: state && state.version > 0 ? state.updatedAt.toISOString() : null,
      updatedBy: state?.updatedBy ?? null,
      openComments,
    };
  }
}
