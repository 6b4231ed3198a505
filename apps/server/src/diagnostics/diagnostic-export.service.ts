import { Injectable } from '@nestjs/common';
import { diagnosticDocument } from '@concerto/collab';
import type { Locale } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { DiagnosticsRepository } from './diagnostics.repository.js';
import { SectionStatesService } from './section-states.service.js';

@Injectable()
export class DiagnosticExportService {
  constructor(
    private readonly diagnostics: DiagnosticsRepository,
    private readonly collab: CollabService,
    private readonly states: SectionStatesService,
  ) {}

  async export(spaceId: string, format: 'md' | 'docx', locale: Locale): Promise<{ name: string; contentType: string; body: string | Buffer }> {
    const doc = await this.collab.currentState(diagnosticDocument(spaceId));
    const title = await this.diagnostics.spaceTitle(spaceId);
    // The route's guard found the space; it can only be gone if deleted since.
    if (title === undefined) throw notFound();
    const states = new Map((await this.states.list(spaceId)).map((s) => [s.sectionId, s]));
    // The exports (and the DOCX library they use) are loaded on the first export only.
    const { diagnosticDocx, diagnosticMarkdown } = await import('./diagnostic-export.js');
    if (format === 'md') return { name: 'diagnostic.md', contentType: 'text/markdown; charset=utf-8', body: diagnosticMarkdown(doc, title, states, locale) };
    return {
      name: 'diagnostic.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await diagnosticDocx(doc, title, states, locale),
    };
  }
}
