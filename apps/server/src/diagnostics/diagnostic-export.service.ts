import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { diagnosticDocument } from '@concerto/collab';
import type { Locale } from '@concerto/domain';
import { CollabService } from '../collab/collab.service.js';
import { diagnosticDocx, diagnosticMarkdown } from './diagnostic-export.js';
import { SectionStatesService } from './section-states.service.js';

@Injectable()
export class DiagnosticExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly collab: CollabService,
    private readonly states: SectionStatesService,
  ) {}

  async export(spaceId: string, format: 'md' | 'docx', locale: Locale): Promise<{ name: string; contentType: string; body: string | Buffer }> {
    const doc = await this.collab.currentState(diagnosticDocument(spaceId));
    const [space]: { title: string }[] = await this.dataSource.query(`SELECT title FROM space WHERE id = $1`, [spaceId]);
    const states = new Map((await this.states.list(spaceId)).map((s) => [s.sectionId, s]));
    if (format === 'md') return { name: 'diagnostic.md', contentType: 'text/markdown; charset=utf-8', body: diagnosticMarkdown(doc, space.title, states, locale) };
    return {
      name: 'diagnostic.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await diagnosticDocx(doc, space.title, states, locale),
    };
  }
}
