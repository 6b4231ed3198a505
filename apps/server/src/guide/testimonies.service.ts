import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ChangeTestimonyStatusRequest,
  CreateTestimonyRequest,
  SpaceRole,
  TestimonyCollectivite,
  TestimonyFigureInput,
  TestimonyFigureView,
  TestimonyView,
  UpdateTestimonyRequest,
} from '@concerto/domain';
import { testimonyStoryDocument } from '@concerto/collab';
import { AccessPolicy } from '../access/access-policy.js';
import { mayChangeTestimonyStatus, mayDeleteTestimony, testimonyStatusAfterEdit } from '../access/content-rules.js';
import { CollabService } from '../collab/collab.service.js';
import { badRequest, conflict, forbidden, notFound } from '../common/api-exception.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { GuideSourcesRepository } from './guide-sources.repository.js';
import { type StoredTestimony, type TestimonyFields, type TestimonySource, TestimoniesRepository } from './testimonies.repository.js';

const FIELDS = ['title', 'territory', 'levers', 'figures', 'quotes'] as const satisfies (keyof TestimonyFields)[];
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Testimonies of a space: their fields, collectivités and key figures, their status from brouillon to validé. */
@Injectable()
export class TestimoniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly testimonies: TestimoniesRepository,
    private readonly sources: GuideSourcesRepository,
    private readonly access: AccessPolicy,
    private readonly events: EventsPublisher,
    private readonly collab: CollabService,
  ) {}

  async list(spaceId: string): Promise<TestimonyView[]> {
    const stored = await this.testimonies.list(spaceId);
    const readAt = new Date().toISOString();
    const views: TestimonyView[] = [];
    // One after the other: a list of testimonies is short, and live figures are a few indexed sums each.
    for (const testimony of stored) views.push(await this.toView(testimony, readAt));
    return views;
  }

  async get(spaceId: string, testimonyId: string): Promise<TestimonyView> {
    const stored = await this.testimonies.find(spaceId, testimonyId);
    if (!stored) throw notFound();
    return this.toView(stored, new Date().toISOString());
  }

  async create(spaceId: string, body: CreateTestimonyRequest, accountId: string): Promise<TestimonyView> {
    const id = await this.dataSource.transaction((tx) => this.insert(tx, spaceId, body, body.collectivites, accountId, null));
    if (!id) throw new Error('a testimony without a source is always inserted');
    this.notify(spaceId, id, 'created');
    return this.get(spaceId, id);
  }

  /** Inserts a checked draft with its collectivités; undefined when its source contribution already became one. */
  async insert(
    tx: EntityManager,
    spaceId: string,
    fields: TestimonyFields,
    collectivites: TestimonyCollectivite[],
    accountId: string,
    source: TestimonySource | null,
  ): Promise<string | undefined> {
    await this.checkCollectivites(collectivites, tx);
    await this.checkFigures(spaceId, fields.figures, tx);
    const id = await this.testimonies.insert(spaceId, fields, accountId, source, tx);
    if (id) await this.testimonies.replaceCollectivites(id, collectivites, tx);
    return id;
  }

  /**
   * Applies the changes if the testimony is still at the version the editor started from (409 otherwise). A change
   * by a non-animateur to a validated testimony sends it back to relu.
   */
  async update(spaceId: string, testimonyId: string, body: UpdateTestimonyRequest, accountId: string): Promise<TestimonyView> {
    const role = await this.roleOf(spaceId, accountId);
    const changed = await this.dataSource.transaction(async (tx) => {
      const locked = await this.testimonies.lock(spaceId, testimonyId, tx);
      if (!locked) throw notFound();
      if (locked.version !== body.version) throw conflict('version_conflict');
      const before = await this.testimonies.find(spaceId, testimonyId, tx);
      if (!before) throw notFound();
      const values: Partial<TestimonyFields> = {};
      for (const field of FIELDS) {
        if (body[field] !== undefined && !sameValue(body[field], before[field])) Object.assign(values, { [field]: body[field] });
      }
      const collectivites = body.collectivites;
      const asInput = before.collectivites.map((c) => ({ organisationId: c.organisation.id, stages: c.stages }));
      const collectivitesChanged = collectivites !== undefined && !sameValue(collectivites, asInput);
      if (Object.keys(values).length === 0 && !collectivitesChanged) return false;
      if (values.figures) await this.checkFigures(spaceId, values.figures, tx);
      if (collectivitesChanged) {
        await this.checkCollectivites(collectivites, tx);
        await this.testimonies.replaceCollectivites(testimonyId, collectivites, tx);
      }
      const status = testimonyStatusAfterEdit(role, locked.status);
      await this.testimonies.update(testimonyId, values, status === locked.status ? null : { status, accountId }, tx);
      return true;
    });
    if (changed) this.notify(spaceId, testimonyId, 'updated');
    return this.get(spaceId, testimonyId);
  }

  /** brouillon ↔ relu for writers; validé, and back from it, for animateurs; records who and when. */
  async changeStatus(spaceId: string, testimonyId: string, body: ChangeTestimonyStatusRequest, accountId: string): Promise<TestimonyView> {
    const role = await this.roleOf(spaceId, accountId);
    const changed = await this.dataSource.transaction(async (tx) => {
      const locked = await this.testimonies.lock(spaceId, testimonyId, tx);
      if (!locked) throw notFound();
      if (locked.version !== body.version) throw conflict('version_conflict');
      if (!mayChangeTestimonyStatus(role, locked.status, body.status)) throw forbidden();
      if (locked.status === body.status) return false;
      await this.testimonies.update(testimonyId, {}, { status: body.status, accountId }, tx);
      return true;
    });
    if (changed) this.notify(spaceId, testimonyId, 'updated');
    return this.get(spaceId, testimonyId);
  }

  /** Animateurs delete any testimony, its author a draft of theirs; its story goes with it (closed for whoever has it open). */
  async remove(spaceId: string, testimonyId: string, accountId: string): Promise<void> {
    const role = await this.roleOf(spaceId, accountId);
    await this.dataSource.transaction(async (tx) => {
      const locked = await this.testimonies.lock(spaceId, testimonyId, tx);
      if (!locked) throw notFound();
      if (!mayDeleteTestimony(role, locked.createdById === accountId, locked.status)) throw forbidden();
      await this.testimonies.delete(testimonyId, tx);
      await this.collab.forget(testimonyStoryDocument(testimonyId), tx);
    });
    this.notify(spaceId, testimonyId, 'deleted');
  }

  notify(spaceId: string, testimonyId: string, op: 'created' | 'updated' | 'deleted'): void {
    this.events.notify({ spaceId, entity: 'testimony', id: testimonyId, op });
  }

  /** The guard let the caller in; the rules depend on the role it has. */
  private async roleOf(spaceId: string, accountId: string): Promise<SpaceRole> {
    const role = await this.access.spaceRole(spaceId, accountId);
    if (!role) throw notFound();
    return role;
  }

  /** Live figures are read now from the pole's projects and funding; typed ones are shown as given. */
  private async toView(stored: StoredTestimony, readAt: string): Promise<TestimonyView> {
    const figures: TestimonyFigureView[] = [];
    for (const figure of stored.figures) {
      if (figure.kind === 'typed') figures.push(figure);
      else figures.push({ ...figure, value: (await this.sources.measures(stored.pole.id, figure.source))[figure.source.measure], readAt });
    }
    return { ...stored, figures };
  }

  /** Collectivités must be organisations of kind collectivité, each listed once (400 naming the first that is not). */
  private async checkCollectivites(collectivites: TestimonyCollectivite[], tx: EntityManager): Promise<void> {
    const ids = collectivites.map((c) => c.organisationId);
    const kinds = await this.sources.organisationKinds(ids, tx);
    const wrong = ids.findIndex((id, i) => kinds.get(id) !== 'collectivite' || ids.indexOf(id) !== i);
    if (wrong < 0) return;
    const message = kinds.get(ids[wrong]) === 'collectivite' ? 'Listed twice' : 'Not a collectivité';
    throw badRequest([{ path: `collectivites.${wrong}.organisationId`, message }]);
  }

  /** A live figure narrowed to a project reads a project of the same pole (400 naming the figure otherwise). */
  private async checkFigures(spaceId: string, figures: TestimonyFigureInput[], tx: EntityManager): Promise<void> {
    const projectIds = figures.flatMap((f) => (f.kind === 'live' && f.source.projectId ? [f.source.projectId] : []));
    if (projectIds.length === 0) return;
    const poleId = await this.sources.poleOfSpace(spaceId, tx);
    const inPole = poleId ? await this.sources.projectsOfPole(poleId, projectIds, tx) : new Set<string>();
    const wrong = figures.findIndex((f) => f.kind === 'live' && f.source.projectId !== null && !inPole.has(f.source.projectId));
    if (wrong >= 0) throw badRequest([{ path: `figures.${wrong}.source.projectId`, message: 'Not a project of this pole' }]);
  }
}
