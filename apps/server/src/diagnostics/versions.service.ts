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

const SELECT = `
  SELECT v.id, v.name, v.kind, v.created_at, v.created_by_id, a.display_name AS author_name,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'displayName', c.display_name) ORDER BY c.display_name)
                     FROM account c WHERE c.id = ANY(v.contributor_ids)), '[]') AS contributors
    FROM diagnostic_version v LEFT JOIN account a ON a.id = v.created_by_id`;

interface Row {
  id: string;
  name: string;
  kind: VersionKind;
  created_at: Date;
  created_by_id: string | null;
  author_name: string | null;
  contributors: VersionView['contributors'];
}
const toView = (r: Row): VersionView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by_id ? { id: r.created_by_id, displayName: r.author_name ?? '' } : null,
  contributors: r.contributors,
});

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

  async list(spaceId: string): Promise<VersionView[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE v.space_id = $1 ORDER BY v.created_at DESC`, [spaceId]);
    return rows.map(toView);
  }

  /** Saves the present state; an automatic save is skipped when nothing changed since the last version. */
  async save(spaceId: string, name: string, kind: VersionKind, accountId: string | null): Promise<VersionView | undefined> {
    const docName = diagnosticDocument(spaceId);
    const doc = await this.collab.currentState(docName);
    const stateVector = Buffer.from(Y.encodeStateVector(doc));
    await this.collab.contributions.flush();
    const id = await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`diagnostic-version:${spaceId}`]);
      const [last]: { state_vector: Buffer; created_at: Date }[] = await tx.query(
        `SELECT state_vector, created_at FROM diagnostic_version WHERE space_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [spaceId],
      );
      if (kind === 'auto' && last && last.state_vector.equals(stateVector)) return undefined;
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO diagnostic_version (space_id, name, kind, state, state_vector, contributor_ids, created_by_id)
         SELECT $1, $2, $3, $4, $5, coalesce(array_agg(account_id), '{}'), $6
           FROM collab_contribution WHERE doc = $7 AND last_edit_at > coalesce($8::timestamptz, '-infinity')
         RETURNING id`,
        [spaceId, name, kind, Buffer.from(Y.encodeStateAsUpdate(doc)), stateVector, accountId, docName, last?.created_at ?? null],
      );
      return row.id;
    });
    if (!id) return undefined;
    this.events.notify({ spaceId, entity: 'diagnostic_version', id, op: 'created' });
    const [row]: Row[] = await this.dataSource.query(`${SELECT} WHERE v.id = $1`, [id]);
    return toView(row);
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
    const rows: (Row & { state: Buffer })[] = await this.dataSource.query(
      `${SELECT.replace('SELECT v.id,', 'SELECT v.state, v.id,')} WHERE v.space_id = $1 AND v.id = $2`,
      [spaceId, versionId],
    );
    if (!rows[0]) throw notFound();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(rows[0].state));
    return { view: toView(rows[0]), doc };
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
