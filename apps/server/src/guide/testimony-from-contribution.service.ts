import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { TESTIMONY_STORY, readBoard, sessionBoardDocument, testimonyStoryDocument } from '@concerto/collab';
import { type TestimonyView, cleanText, visibleLength } from '@concerto/domain';
import type { SessionAccess } from '../access/session-roles.js';
import { ApiException, badRequest, forbidden, notFound } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { GuideSourcesRepository } from './guide-sources.repository.js';
import { TestimoniesRepository } from './testimonies.repository.js';
import { TestimoniesService } from './testimonies.service.js';

const testimonyExists = (testimonyId: string) => new ApiException(409, 'testimony_exists', undefined, { testimonyId });

/** A title from a contribution's text: its first line, or the session's name when that shows too little. */
export function titleFromContribution(text: string, sessionTitle: string): string {
  const firstLine = (text.split('\n').find((line) => visibleLength(line) > 0) ?? '').replace(/\s+/g, ' ').trim();
  const title = firstLine.length > 200 ? `${firstLine.slice(0, 199).trimEnd()}…` : firstLine;
  return visibleLength(title) >= 3 ? title : `Témoignage — ${sessionTitle}`.slice(0, 200);
}

/**
 * Turns a contribution of a session's board (a note marked « Témoignage ») into a draft testimony of the session's
 * space in one action: titled from the note, its text the first paragraph of the story, with a link back.
 */
@Injectable()
export class TestimonyFromContributionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly testimonies: TestimoniesRepository,
    private readonly sources: GuideSourcesRepository,
    private readonly service: TestimoniesService,
    private readonly collab: CollabService,
  ) {}

  async create(access: SessionAccess, noteId: string, accountId: string): Promise<TestimonyView> {
    // A guest contributes to the session, not to the space's guide.
    if (access.kind !== 'member') throw forbidden();
    const source = { sessionId: access.sessionId, noteId };
    const existing = await this.testimonies.findBySource(source);
    if (existing) throw testimonyExists(existing);
    const board = readBoard(await this.collab.currentState(sessionBoardDocument(access.sessionId)));
    const note = board.notes.find((n) => n.id === noteId);
    if (!note || note.category !== 'testimony') {
      throw badRequest([{ path: 'noteId', message: note ? 'Not a contribution marked as a testimony' : 'No such contribution on the board' }]);
    }
    const sessionTitle = await this.sources.sessionTitle(access.sessionId);
    if (sessionTitle === undefined) throw notFound();
    const text = cleanText(note.text);
    const fields = { title: titleFromContribution(text, sessionTitle), territory: '', levers: [], figures: [], quotes: [] };
    const id = await this.dataSource.transaction((tx) => this.service.insert(tx, access.spaceId, fields, [], accountId, source));
    // Another call made it meanwhile: the unique constraint kept one.
    if (!id) throw testimonyExists((await this.testimonies.findBySource(source)) ?? '');
    if (text) await this.collab.change(testimonyStoryDocument(id), (doc) => prependParagraph(doc, text.replace(/\s*\n\s*/g, ' ')));
    this.service.notify(access.spaceId, id, 'created');
    return this.service.get(access.spaceId, id);
  }
}

/** The note's text as the story's first paragraph (plain text: whatever it says stays text). */
function prependParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(TESTIMONY_STORY).insert(0, [paragraph]);
}
