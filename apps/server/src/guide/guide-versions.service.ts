import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { guideDocument } from '@concerto/collab';
import type { GuideVersionSummary, GuideView } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { restoreInto } from '../diagnostics/diagnostic-content.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { GuideDocumentRepository } from './guide-document.repository.js';
import type { GuideReader } from './guide-references.js';
import { GuideViewService } from './guide-view.service.js';

/**
 * Versions of the guide: each freezes its text (the document's whole state, to restore) and its resolved view (what
 * every reference read, with the date: `frozenAt`), so that a version reads the same whatever changes afterwards.
 */
@Injectable()
export class GuideVersionsService {
  constructor(
    private readonly documents: GuideDocumentRepository,
    private readonly views: GuideViewService,
    private readonly collab: CollabService,
    private readonly events: EventsPublisher,
  ) {}

  list(spaceId: string): Promise<GuideVersionSummary[]> {
    return this.documents.listVersions(spaceId);
  }

  async create(spaceId: string, name: string, reader: GuideReader): Promise<GuideVersionSummary> {
    const id = await this.freeze(spaceId, name, reader);
    const summary = await this.documents.findVersion(spaceId, id);
    if (!summary) throw notFound();
    return summary;
  }

  /** Freezes the guide as it reads now for `reader` (its text and every reference's values); `title` replaces the view's. */
  async freeze(spaceId: string, name: string, reader: GuideReader, title?: string): Promise<string> {
    const doc = await this.collab.currentState(guideDocument(spaceId));
    const live = await this.views.viewOf(spaceId, doc, reader);
    const view: GuideView = { ...live, title: title ?? live.title, frozenAt: live.builtAt, versionName: name };
    const id = await this.documents.insertVersion({ spaceId, name, createdById: reader.accountId, state: Buffer.from(Y.encodeStateAsUpdate(doc)), view });
    this.events.notify({ spaceId, entity: 'guide_version', id, op: 'created' });
    return id;
  }

  /** A version as it read when frozen. */
  async view(spaceId: string, versionId: string): Promise<GuideView> {
    const view = await this.documents.versionView(spaceId, versionId);
    if (!view) throw notFound();
    return view;
  }

  /**
   * Saves today's guide as a version, then makes the live document say what the version said (sections, their order
   * and titles, their text with its references), as one change everyone receives live — the diagnostic's restore.
   * References stay live: the restored text reads today's values.
   */
  async restore(spaceId: string, versionId: string, reader: GuideReader): Promise<GuideVersionSummary> {
    const stored = await this.documents.versionState(spaceId, versionId);
    if (!stored) throw notFound();
    const version = new Y.Doc();
    Y.applyUpdate(version, new Uint8Array(stored.state));
    const before = await this.create(spaceId, `Avant la restauration de « ${stored.name} »`, reader);
    await this.collab.change(guideDocument(spaceId), (target) => restoreInto(target, version));
    this.events.notify({ spaceId, entity: 'guide', id: spaceId, op: 'updated' });
    return before;
  }
}
