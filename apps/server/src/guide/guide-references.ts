import { Injectable } from '@nestjs/common';
import type * as Y from 'yjs';
import { ANALYSIS_TEXT, TESTIMONY_STORY, analysisTextDocument, referenceKey, referencesIn, richTextToBlocks, testimonyStoryDocument } from '@concerto/collab';
import type {
  AnalysisView,
  GuideBlock,
  GuideReferenceAttributes,
  GuideTestimony,
  Locale,
  RecommendationView,
  ResolvedReference,
  TestimonyView,
} from '@concerto/domain';
import { CollabService } from '../collab/collab.service.js';
import { ObservatoryService } from '../observatory/observatory.service.js';
import { PolesService } from '../poles/poles.service.js';
import { AnalysesService } from './analyses.service.js';
import { GuideDocumentRepository } from './guide-document.repository.js';
import { guidePole, guideRecommendation, guideTestimony, matchesFilter, testimonyStages } from './guide-items.js';
import { RecommendationsService } from './recommendations.service.js';
import { TestimoniesService } from './testimonies.service.js';

/** Who a view is built for: the references read what this account may read, worded in this language. */
export interface GuideReader {
  accountId: string;
  locale: Locale;
}

/** Analyses embed references; those inside an analysis may not embed analyses again (no loop, one level deep). */
const MAX_ANALYSIS_DEPTH = 1;

/** The services a resolution reads from (the guide comes after all of them in the server's layers). */
@Injectable()
export class GuideSources {
  constructor(
    readonly testimonies: TestimoniesService,
    readonly recommendations: RecommendationsService,
    readonly analyses: AnalysesService,
    readonly observatory: ObservatoryService,
    readonly poles: PolesService,
    readonly collab: CollabService,
    readonly documents: GuideDocumentRepository,
  ) {}

  /** A resolution of references in the space, for one reader, read now. */
  resolution(spaceId: string, reader: GuideReader): ReferenceResolution {
    return new ReferenceResolution(this, spaceId, reader, new Date().toISOString());
  }
}

/**
 * One build of a view: resolves live references of the space into their values, reading each list once (the same
 * testimonies serve every reference to them) and each distinct reference once. A reference to nothing of this space
 * (another space's item, a deleted one, attributes that make no reference) resolves to `missing`.
 */
export class ReferenceResolution {
  private testimonies?: Promise<TestimonyView[]>;
  private recommendations?: Promise<RecommendationView[]>;
  private analyses?: Promise<AnalysisView[]>;
  private readonly stories = new Map<string, Promise<GuideBlock[]>>();

  constructor(
    private readonly sources: GuideSources,
    private readonly spaceId: string,
    private readonly reader: GuideReader,
    readonly readAt: string,
  ) {}

  private missing(): ResolvedReference {
    return { kind: 'missing', readAt: this.readAt };
  }

  /** Rich text as blocks, its references resolved (`depth`: how many analyses deep this text is). */
  async blocks(fragment: Y.XmlFragment, depth = 0): Promise<GuideBlock[]> {
    const resolved = new Map<string, ResolvedReference>();
    // One after the other: a guide holds a few dozen references, and each reads the database.
    for (const reference of referencesIn(fragment)) {
      const key = referenceKey(reference);
      if (!resolved.has(key)) resolved.set(key, await this.resolve(reference, depth));
    }
    return richTextToBlocks(fragment, (reference) => resolved.get(referenceKey(reference)) ?? this.missing());
  }

  async resolve(reference: GuideReferenceAttributes | null, depth = 0): Promise<ResolvedReference> {
    if (!reference) return this.missing();
    const { readAt } = this;
    const filter = reference.filter ?? null;
    switch (reference.kind) {
      case 'poles': {
        const space = await this.sources.documents.space(this.spaceId);
        if (!space) return this.missing();
        return { kind: 'poles', readAt, poles: [guidePole(await this.sources.poles.get(space.poleId), this.reader.locale)] };
      }
      case 'funding_table':
      case 'panorama': {
        const { from, to } = reference;
        if (from !== undefined && to !== undefined && from > to) return this.missing();
        const query = { spaceId: this.spaceId, from, to };
        return reference.kind === 'funding_table'
          ? { kind: 'funding_table', readAt, table: await this.sources.observatory.funding(this.reader.accountId, query) }
          : { kind: 'panorama', readAt, panorama: await this.sources.observatory.panorama(this.reader.accountId, query) };
      }
      case 'testimonies': {
        const all = await this.allTestimonies();
        const chosen = all.filter((t) => t.status === 'validated' && matchesFilter(reference.filter, testimonyStages(t), t.levers));
        const testimonies: GuideTestimony[] = [];
        for (const t of chosen) testimonies.push(await this.testimony(t));
        return { kind: 'testimonies', readAt, filter, testimonies };
      }
      case 'testimony': {
        const found = (await this.allTestimonies()).find((t) => t.id === reference.target);
        return found ? { kind: 'testimony', readAt, filter: null, testimonies: [await this.testimony(found)] } : this.missing();
      }
      case 'recommendations': {
        const chosen = (await this.allRecommendations()).filter((r) => r.status === 'retained' && matchesFilter(reference.filter, r.stages, r.levers));
        return { kind: 'recommendations', readAt, filter, recommendations: chosen.map((r) => guideRecommendation(r, this.reader.locale)) };
      }
      case 'recommendation': {
        const found = (await this.allRecommendations()).find((r) => r.id === reference.target);
        return found ? { kind: 'recommendation', readAt, filter: null, recommendations: [guideRecommendation(found, this.reader.locale)] } : this.missing();
      }
      case 'analyses':
      case 'analysis': {
        if (depth >= MAX_ANALYSIS_DEPTH) return this.missing();
        const all = await this.allAnalyses();
        const chosen =
          reference.kind === 'analysis'
            ? all.filter((a) => a.id === reference.target)
            : all.filter((a) =>
                matchesFilter(reference.filter, a.scope.kind === 'stage' ? [a.scope.stage] : [], a.scope.kind === 'lever' ? [a.scope.lever] : []),
              );
        if (reference.kind === 'analysis' && chosen.length === 0) return this.missing();
        const analyses: { id: string; title: string; blocks: GuideBlock[] }[] = [];
        for (const a of chosen) {
          const text = (await this.sources.collab.currentState(analysisTextDocument(a.id))).getXmlFragment(ANALYSIS_TEXT);
          analyses.push({ id: a.id, title: a.title, blocks: await this.blocks(text, depth + 1) });
        }
        return { kind: reference.kind, readAt, filter: reference.kind === 'analyses' ? filter : null, analyses };
      }
    }
  }

  private allTestimonies(): Promise<TestimonyView[]> {
    return (this.testimonies ??= this.sources.testimonies.list(this.spaceId));
  }

  private allRecommendations(): Promise<RecommendationView[]> {
    return (this.recommendations ??= this.sources.recommendations.list(this.spaceId, this.reader));
  }

  private allAnalyses(): Promise<AnalysisView[]> {
    return (this.analyses ??= this.sources.analyses.list(this.spaceId));
  }

  /** A testimony with its story (rich text without references: a story holds none). */
  private async testimony(view: TestimonyView): Promise<GuideTestimony> {
    let story = this.stories.get(view.id);
    if (!story) {
      story = this.sources.collab
        .currentState(testimonyStoryDocument(view.id))
        .then((doc) => richTextToBlocks(doc.getXmlFragment(TESTIMONY_STORY), () => this.missing()));
      this.stories.set(view.id, story);
    }
    return guideTestimony(view, await story, this.reader.locale);
  }
}
