import { Injectable } from '@nestjs/common';
import type {
  CrossPoleGuideExportQuery,
  CrossPoleGuideQuery,
  GuidePole,
  GuideRecommendation,
  GuideSectionView,
  GuideTestimony,
  GuideView,
} from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import type { GuideFile } from './guide-export.service.js';
import { guidePole } from './guide-items.js';
import { type GuideReader, GuideSources, ReferenceResolution } from './guide-references.js';
import { GuideExportPool } from './render/export-pool.js';

const WORDS = {
  fr: {
    title: 'Guide d’appui inter-pôles',
    territory: 'Les pôles et leurs territoires',
    testimonies: 'Témoignages',
    recommendations: 'Préconisations retenues',
    figures: 'Repères chiffrés',
    intro: (n: number) =>
      n === 1
        ? 'Ce guide rassemble les témoignages validés et les préconisations retenues de l’espace suivi.'
        : `Ce guide rassemble les témoignages validés et les préconisations retenues des ${n} espaces suivis.`,
  },
  en: {
    title: 'Cross-pole support guide',
    territory: 'The hubs and their territories',
    testimonies: 'Testimonies',
    recommendations: 'Retained recommendations',
    figures: 'Key figures',
    intro: (n: number) =>
      n === 1
        ? 'This guide gathers the validated testimonies and the retained recommendations of the space followed.'
        : `This guide gathers the validated testimonies and the retained recommendations of the ${n} spaces followed.`,
  },
} as const;

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** French collation (« Écopôle » between « Dunes » and « Fabrique »), whatever the reader's language. */
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = (a: string, b: string) => collator.compare(a, b);

/** `guide-inter-poles-<day in France>.<ext>` (ASCII already). */
export function crossPoleFileName(view: GuideView, format: 'docx' | 'pdf'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(view.builtAt));
  return `guide-inter-poles-${day}.${format}`;
}

interface SpacePart {
  id: string;
  name: string;
  poleId: string;
  pole: GuidePole;
  testimonies: GuideTestimony[];
  recommendations: GuideRecommendation[];
}

/**
 * The cross-pole guide of an observatory user (as the national study did): the poles of the spaces they follow (all,
 * or those chosen), the validated testimonies and retained recommendations of each, the funding table and panorama
 * over those spaces. Each space is read with the space guide's own resolution (same items, same wording) for the
 * caller, after the access policy has said which spaces those are.
 */
@Injectable()
export class CrossPoleGuideService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly sources: GuideSources,
    private readonly pool: GuideExportPool,
  ) {}

  async view(query: CrossPoleGuideQuery, reader: GuideReader): Promise<GuideView> {
    const spaceIds = await this.access.followedSpaces(reader.accountId, query.spaceIds);
    const readAt = new Date().toISOString();
    const parts: SpacePart[] = [];
    // One space after the other: each reads a few lists and documents.
    for (const spaceId of spaceIds) {
      const part = await this.spacePart(spaceId, reader, readAt);
      if (part) parts.push(part);
    }
    parts.sort((a, b) => byName(a.pole.name, b.pole.name) || byName(a.name, b.name));
    return {
      title: WORDS[reader.locale].title,
      spaces: parts.map((p) => ({ id: p.id, name: p.name })),
      builtAt: readAt,
      frozenAt: null,
      versionName: null,
      sections: await this.sections(parts, reader, readAt),
    };
  }

  async export(query: CrossPoleGuideExportQuery, reader: GuideReader): Promise<GuideFile> {
    const locale = query.lang ?? reader.locale;
    const view = await this.view({ spaceIds: query.spaceIds }, { ...reader, locale });
    // Rendered in a worker thread, like a space's guide (never on the event loop).
    const body = await this.pool.render({ format: query.format, view, locale });
    const name = crossPoleFileName(view, query.format);
    return { name, asciiName: name, contentType: CONTENT_TYPES[query.format], body };
  }

  /** One space's pole, validated testimonies and retained recommendations; undefined if it was deleted meanwhile. */
  private async spacePart(spaceId: string, reader: GuideReader, readAt: string): Promise<SpacePart | undefined> {
    const space = await this.sources.documents.space(spaceId);
    if (!space) return undefined;
    const pole = guidePole(await this.sources.poles.get(space.poleId), reader.locale);
    const resolution = new ReferenceResolution(this.sources, spaceId, reader, readAt);
    const testimonies = await resolution.resolve({ kind: 'testimonies' });
    const recommendations = await resolution.resolve({ kind: 'recommendations' });
    return {
      id: spaceId,
      name: space.name,
      poleId: space.poleId,
      pole,
      testimonies: testimonies.kind === 'testimonies' ? testimonies.testimonies : [],
      recommendations: recommendations.kind === 'recommendations' ? recommendations.recommendations.map((r) => ({ ...r, space: pole.name })) : [],
    };
  }

  private async sections(parts: SpacePart[], reader: GuideReader, readAt: string): Promise<GuideSectionView[]> {
    const w = WORDS[reader.locale];
    // Two spaces of one pole show it once.
    const poles = [...new Map(parts.map((p) => [p.poleId, p.pole])).values()];
    // Grouped by pole (the parts are in French order of their poles), then by title.
    const testimonies = parts.flatMap((p) => [...p.testimonies].sort((a, b) => byName(a.title, b.title)));
    const recommendations = parts.flatMap((p) => p.recommendations);
    const scope = { spaceIds: parts.map((p) => p.id).sort() };
    const funding = await this.sources.observatory.funding(reader.accountId, scope);
    const panorama = await this.sources.observatory.panorama(reader.accountId, scope);
    const paragraph = (text: string) => ({ type: 'paragraph' as const, runs: [{ text, bold: false, italic: false, href: null }] });
    const section = (id: string, kind: GuideSectionView['kind'], title: string, blocks: GuideSectionView['blocks']): GuideSectionView => ({
      id,
      kind,
      title,
      blocks,
    });
    return [
      section('territory', 'territory', w.territory, [paragraph(w.intro(parts.length)), { type: 'reference', reference: { kind: 'poles', readAt, poles } }]),
      section('testimonies', 'testimonies', w.testimonies, [{ type: 'reference', reference: { kind: 'testimonies', readAt, filter: null, testimonies } }]),
      section('recommendations', 'recommendations', w.recommendations, [
        { type: 'reference', reference: { kind: 'recommendations', readAt, filter: null, recommendations } },
      ]),
      section('figures', 'figures', w.figures, [
        { type: 'reference', reference: { kind: 'funding_table', readAt, table: funding } },
        { type: 'reference', reference: { kind: 'panorama', readAt, panorama } },
      ]),
    ];
  }
}
