import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DocumentKind, parseDocumentName } from '@concerto/collab';
import { CollabService } from '../collab/collab.service.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { GuideDocumentRepository } from './guide-document.repository.js';

/** A burst of keystrokes is one notice: sent once the text has been quiet this long. */
const QUIET_MS = 1000;

/**
 * Tells a space's clients that its guide reads differently: `{entity: 'guide', id: spaceId, op: 'updated'}` after
 * edits of the guide document or of an analysis it may embed (once per burst). What else the guide shows is notified
 * by its own entity — `testimony`, `recommendation`, `analysis`, `pole`, `project`, `funding_line`, `relation`,
 * `space` — and versions and publication by `guide_version`: a client invalidates its guide queries on any of them.
 */
@Injectable()
export class GuideNotices implements OnModuleInit, OnModuleDestroy {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly collab: CollabService,
    private readonly documents: GuideDocumentRepository,
    private readonly events: EventsPublisher,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.collab.contributions.onEdited((docName) => this.edited(docName));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const timer of this.timers.values()) clearTimeout(timer);
  }

  private edited(docName: string): void {
    const ref = parseDocumentName(docName);
    if (ref?.kind !== DocumentKind.guide && ref?.kind !== DocumentKind.analysisText) return;
    clearTimeout(this.timers.get(docName));
    const timer = setTimeout(() => {
      this.timers.delete(docName);
      void this.notify(ref.kind, ref.ownerId).catch(() => undefined);
    }, QUIET_MS);
    timer.unref();
    this.timers.set(docName, timer);
  }

  private async notify(kind: DocumentKind, ownerId: string): Promise<void> {
    const spaceId = kind === DocumentKind.guide ? ownerId : await this.documents.spaceOfAnalysis(ownerId);
    if (spaceId) this.events.notify({ spaceId, entity: 'guide', id: spaceId, op: 'updated' });
  }
}
