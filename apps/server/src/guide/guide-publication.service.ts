import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { GuidePublicationView, GuideView, Locale, PublishGuideRequest } from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { GuideDocumentRepository, type StoredPublication } from './guide-document.repository.js';
import type { GuideReader } from './guide-references.js';
import { GuideVersionsService } from './guide-versions.service.js';
import { guidePublicPage } from './render/guide-html.js';

/** A publication token: 32 random bytes, base64url (43 characters). Anything else is no token, answered 404. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const PUBLIC_GUIDE_PATH = '/guide-public/';

const publicationName = (at: Date) =>
  `Publication du ${new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(at)}`;

/**
 * The guide's public link: an animateur publishes a version frozen for the occasion (« Publication du 5 décembre
 * 2026 »), readable signed out at `PUBLIC_URL/guide-public/<token>` until withdrawn. Only the frozen view of the
 * version published now is ever served: nothing unpublished, and nothing once withdrawn.
 */
@Injectable()
export class GuidePublicationService {
  constructor(
    private readonly documents: GuideDocumentRepository,
    private readonly versions: GuideVersionsService,
    private readonly events: EventsPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Freezes the guide now and publishes that version (the link already shared, if any, now shows it). */
  async publish(spaceId: string, body: PublishGuideRequest, reader: GuideReader): Promise<GuidePublicationView> {
    const versionId = await this.versions.freeze(spaceId, publicationName(new Date()), reader, body.title || undefined);
    const token = (await this.documents.publication(spaceId))?.token ?? randomBytes(32).toString('base64url');
    await this.documents.publish(spaceId, versionId, token, reader.accountId);
    this.events.notify({ spaceId, entity: 'guide_version', id: versionId, op: 'updated' });
    const publication = await this.documents.publication(spaceId);
    if (!publication) throw notFound();
    return this.toView(publication);
  }

  /** The publication, or null when the guide is not published (an answer, not an error: the guide page asks on every load). */
  async get(spaceId: string): Promise<GuidePublicationView | null> {
    const publication = await this.documents.publication(spaceId);
    return publication ? this.toView(publication) : null;
  }

  /** The link answers 404 from now on. */
  async withdraw(spaceId: string): Promise<void> {
    const publication = await this.documents.publication(spaceId);
    if (!publication || !(await this.documents.withdraw(spaceId))) throw notFound();
    this.events.notify({ spaceId, entity: 'guide_version', id: publication.versionId, op: 'updated' });
  }

  /** The published view behind a token (404 for a malformed, unknown or withdrawn one). */
  async publicView(token: string): Promise<GuideView> {
    const view = TOKEN.test(token) ? await this.documents.publishedView(token) : undefined;
    if (!view) throw notFound();
    return view;
  }

  /** The public page (standalone HTML, no script) of the guide published under this token. */
  async publicPage(token: string, locale: Locale): Promise<string> {
    return guidePublicPage(await this.publicView(token), locale, { url: this.urlOf(token) });
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}${PUBLIC_GUIDE_PATH}${token}`;
  }

  private toView(p: StoredPublication): GuidePublicationView {
    return { url: this.urlOf(p.token), token: p.token, versionId: p.versionId, publishedAt: p.publishedAt, publishedBy: p.publishedBy };
  }
}
