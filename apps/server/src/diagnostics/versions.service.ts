import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { DocumentKind, diagnosticDocument, parseDocumentName } from '@concerto/collab';
import { type VersionComparison, type VersionContent, type VersionKind, type VersionView, wordDiff } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ConcertationSignals } from '../events/concertation-signals.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { restoreInto, sectionContents } from './diagnostic-content.js';
import { VersionsRepository } from './versions.repository.js';

/**
 * Versions of a diagnostic: saved by hand with a name, automatically after a burst of activity, and when a
 * concertation session that worked on it closes. A restore is a new change (after saving the present as a version).
 */
@Injectable()
export class VersionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DiagnosticVersions');
  private readonly quietTimers = new Map<string, NodeJS.Timeout>();
  private unsubscribe: (() => void)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly collab: CollabService,
    private readonly events: EventsPublisher,
    private readonly signals: ConcertationSignals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = [
      this.collab.contributions.onEdited((doc) => this.edited(doc)),
      this.signals.onSessionClosed(async (event) => {
        if (event.diagnosticWorkedOn) await this.save(event.spaceId, `Séance « ${event.title} »`, 'session', event.accountId);
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
    for (const timer of this.quietTimers.values()) clearTimeout(timer);
  }

  list(spaceId: string): Promise<VersionView[]> {
    return this.versions.list(spaceId);
  }

  /** Saves the present state; an automatic save is skipped when nothing changed since the last version. */
  async save(spaceId: string, name: string, kind: VersionKind, accountId: string | null): Promise<VersionView | undefined> {
    const docName = diagnosticDocument(spaceId);
    const doc = await this.collab.currentState(docName);
    const stateVector = Buffer.from(Y.encodeStateVector(doc));
    await this.collab.contributions.flush();
    const id = await this.dataSource.transaction(async (tx) => {
      await this.versions.lockSaves(spaceId, tx);
      const last = await this.versions.latest(spaceId, tx);
      if (kind === 'auto' && last && last.stateVector.equals(stateVector)) return undefined;
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      return this.versions.insert({ spaceId, name, kind, state, stateVector, createdById: accountId, docName, contributorsSince: last?.createdAt ?? null }, tx);
    });
    if (!id) return undefined;
    this.events.notify({ spaceId, entity: 'diagnostic_version', id, op: 'created' });
    return this.versions.find(id);
  }

  async content(spaceId: string, versionId: string): Promise<VersionContent> {
    const { view, doc } = await this.load(spaceId, versionId);
    return { ...view, sections: sectionContents(doc).map((s) => ({ id: s.id, title: s.title, archived: s.archived, markdown: s.markdown })) };
  }

  /** Per section: what was added and removed between the version and today. */
  async compare(spaceId: string, versionId: string): Promise<VersionComparison> {
    const { view, doc } = await this.load(spaceId, versionId);
    const before = new Map(sectionContents(doc).map((s) => [s.id, s]));
    const now = sectionContents(await this.collab.currentState(diagnosticDocument(spaceId)));
    const ids = [...new Set([...before.keys(), ...now.map((s) => s.id)])];
    const after = new Map(now.map((s) => [s.id, s]));
    return {
      version: view,
      sections: ids.map((id) => {
        const [b, a] = [before.get(id), after.get(id)];
        const runs = wordDiff(b?.markdown ?? '', a?.markdown ?? '');
        const change = !b ? 'added' : !a ? 'removed' : runs.some((r) => r.op !== 'same') || b.title !== a.title ? 'changed' : 'unchanged';
        return { id, title: a?.title ?? b!.title, change, runs };
      }),
    };
  }

  /** Saves today's state as a version, then applies the old one as a new change that everyone sees live. */
  async restore(spaceId: string, versionId: string, accountId: string): Promise<VersionView> {
    const { view, doc } = await this.load(spaceId, versionId);
    const before = await this.save(spaceId, `Avant la restauration de « ${view.name} »`, 'restore', accountId);
    await this.collab.change(diagnosticDocument(spaceId), (target) => restoreInto(target, doc));
    return before!;
  }

  private async load(spaceId: string, versionId: string): Promise<{ view: VersionView; doc: Y.Doc }> {
    const version = await this.versions.findWithState(spaceId, versionId);
    if (!version) throw notFound();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(version.state));
    return { view: version.view, doc };
  }

  /** After a burst of editing, once the diagnostic has been quiet for a while, an automatic version. */
  private edited(docName: string): void {
    const ref = parseDocumentName(docName);
    if (ref?.kind !== DocumentKind.diagnostic) return;
    clearTimeout(this.quietTimers.get(docName));
    const timer = setTimeout(() => {
      this.quietTimers.delete(docName);
      void this.save(ref.ownerId, 'Enregistrement automatique', 'auto', null).catch((e: unknown) => this.logger.warn(`autosave failed: ${String(e)}`));
    }, this.config.diagnosticAutosaveQuietMs);
    timer.unref();
    this.quietTimers.set(docName, timer);
  }
}
