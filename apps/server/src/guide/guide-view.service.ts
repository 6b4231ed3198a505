import { Injectable } from '@nestjs/common';
import type * as Y from 'yjs';
import { type GuideSection, guideDocument, inertText, readSections, sectionContentKey } from '@concerto/collab';
import {
  GuideReferenceAttributes,
  type GuideReferenceQuery,
  GuideSectionKind,
  type GuideSectionView,
  type GuideView,
  type Locale,
  type ResolvedReference,
} from '@concerto/domain';
import { notFound } from '../common/api-exception.js';
import { CollabService } from '../collab/collab.service.js';
import { GuideDocumentRepository } from './guide-document.repository.js';
import { type GuideReader, GuideSources } from './guide-references.js';

export const guideTitle = (spaceName: string, locale: Locale) => `${locale === 'fr' ? 'Guide d’appui' : 'Support guide'} — ${spaceName}`;

/**
 * The guide as it reads now: the co-edited document's sections (archived ones left out), their text as blocks, each
 * live reference replaced by the values it points at for the calling account, in its language. Every output (the
 * page, a frozen version, the exports, the public page) is one of these views.
 */
@Injectable()
export class GuideViewService {
  constructor(
    private readonly sources: GuideSources,
    private readonly documents: GuideDocumentRepository,
    private readonly collab: CollabService,
  ) {}

  async live(spaceId: string, reader: GuideReader): Promise<GuideView> {
    return this.viewOf(spaceId, await this.collab.currentState(guideDocument(spaceId)), reader);
  }

  /** The view of a state of the guide document (today's, or one about to be frozen). */
  async viewOf(spaceId: string, doc: Y.Doc, reader: GuideReader): Promise<GuideView> {
    const space = await this.documents.space(spaceId);
    // The route's guard found the space; it can only be gone if deleted since.
    if (!space) throw notFound();
    const resolution = this.sources.resolution(spaceId, reader);
    const sections: GuideSectionView[] = [];
    for (const section of readSections<GuideSection>(doc)) {
      if (section.archived === true || typeof section.id !== 'string') continue;
      const kind = GuideSectionKind.safeParse(section.kind);
      sections.push({
        id: section.id,
        kind: kind.success ? kind.data : 'custom',
        title: typeof section.title === 'string' ? inertText(section.title) : '',
        blocks: await resolution.blocks(doc.getXmlFragment(sectionContentKey(section.id))),
      });
    }
    return {
      title: guideTitle(space.name, reader.locale),
      spaces: [{ id: spaceId, name: space.name }],
      builtAt: resolution.readAt,
      frozenAt: null,
      versionName: null,
      sections,
    };
  }

  /** One reference resolved now (the editor's preview); attributes that make no reference resolve to `missing`. */
  reference(spaceId: string, query: GuideReferenceQuery, reader: GuideReader): Promise<ResolvedReference> {
    const attributes = GuideReferenceAttributes.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
    return this.sources.resolution(spaceId, reader).resolve(attributes.success ? attributes.data : null);
  }
}
