import type { FundingTableView, GuideBlock, GuideRecommendation, GuideRun, GuideSectionView, GuideTestimony, GuideView, PanoramaView } from '@concerto/domain';

/** Hostile text put in every field by `guideViewFixture({ hostile: true })`: it must stay inert in every output. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  href: 'javascript:alert(1)',
  control: 'ctl\u0000\u0001\u0008\u000b\u001f\u007f',
  surrogate: 'lone\ud800surrogate\udfff',
  bidi: '\u202egnp.exe\u202c',
  markup: '"><img src=x onerror=alert(1)>&amp;',
} as const;
const HOSTILE_TEXT = Object.values(HOSTILE).join(' ');

export interface GuideViewFixtureOptions {
  testimonies?: number;
  recommendations?: number;
  /** Funding tables (each a figure table and a chart), besides one panorama. */
  tables?: number;
  /** Hostile text appended to every string field, and `javascript:` links. */
  hostile?: boolean;
  /** A frozen version (frozenAt set) rather than the live guide. */
  frozen?: boolean;
  /** Paragraphs in each testimony's story (the text volume). */
  storyParagraphs?: number;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const WORDS = ['coopération', 'territoire', 'collectivité', 'emploi', 'filière', 'pôle', 'ESS', 'projet', 'cellule', 'animation', 'financement'];
const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

/**
 * A resolved guide for tests and benchmarks, shaped like the study's skeleton: the territory (poles), key figures
 * (`tables` funding tables and a panorama), the testimonies, analyses, the recommendations, and a custom section with
 * every kind of block (lists, quote, code, rule, table, links) and a missing reference. Titles are predictable:
 * « Témoignage 1 », « Préconisation 1 »…; funding amounts of the first table are 1 234 567 € × (level + 1), each next table 10 000 € more per level.
 */
export function guideViewFixture(options: GuideViewFixtureOptions = {}): GuideView {
  const { testimonies = 3, recommendations = 4, tables = 1, hostile = false, frozen = false, storyParagraphs = 3 } = options;
  const h = (text: string) => (hostile ? `${text} ${HOSTILE_TEXT}` : text);
  const href = (url: string) => (hostile ? HOSTILE.href : url);
  const run = (text: string, more: Partial<GuideRun> = {}): GuideRun => ({ text: h(text), bold: false, italic: false, href: null, ...more });
  const paragraph = (text: string): GuideBlock => ({ type: 'paragraph', runs: [run(text)] });
  const readAt = '2026-03-01T09:30:00.000Z';

  const funding = (i: number): FundingTableView => ({
    period: { from: 2020 + (i % 3), to: 2024 },
    rows: (['commune', 'epci', 'department', 'region', 'state', 'europe', 'other'] as const).map((level, l) => ({
      level,
      totalCents: 123_456_700 * (l + 1) + i * 1_000_000, // each table its own chart
      projectCount: 3 + l,
      medianCents: l === 6 ? null : 2_500_000 * (l + 1),
    })),
    total: { totalCents: 123_456_700 * 28 + 7 * i * 1_000_000, projectCount: 42, medianCents: 5_000_050 },
  });
  const panorama: PanoramaView = {
    totals: { poles: 12, jobs: 1450, enterprises: 310, consolidatedBudgetCents: 987_654_321, mobilisedCents: 456_789_012 },
    cellProfile: {
      ageYears: { median: 7.5, count: 12 },
      budgetCents: { median: 18_000_000, count: 11 },
      selfFinancedPercent: { median: 38, count: 10 },
      fte: { median: 2.5, count: 12 },
    },
    poleProfile: { memberStructures: { median: 23, count: 12 }, employees: { median: 85, count: 9 }, consolidatedBudgetCents: { median: null, count: 0 } },
    levelPresence: [
      { level: 'epci', poles: 10, share: 0.83 },
      { level: 'region', poles: 8, share: 0.67 },
    ],
    collectiviteCounts: [{ collectivites: 3, poles: 5 }],
    twoToSixShare: 0.75,
    medianCollectivites: 4,
    relations: { total: { widening: 5, stable: 3, weakening: 1, pairs: 9 }, byYear: [], weakeningCauses: [{ cause: h('Élections'), count: 1 }] },
  };
  const testimony = (i: number): GuideTestimony => ({
    id: uuid(1000 + i),
    title: h(`Témoignage ${i + 1}`),
    status: 'validated',
    pole: { name: h(`Pôle ${i + 1}`), territory: h('Pays de Grasse') },
    collectivites: [
      { name: h('Communauté d’agglomération du Pays de Grasse'), level: 'epci', stages: ['detection', 'support'] },
      { name: h('Région Sud'), level: null, stages: [] },
    ],
    levers: ['pedagogy', 'inter_collectivite'],
    story: [
      { type: 'heading', level: 2, runs: [run(`Histoire ${i + 1}`)] },
      ...Array.from({ length: storyParagraphs }, (_, p) => paragraph(words(80, i * 10 + p))),
      { type: 'paragraph', runs: [run('Voir '), run('le site du pôle', { href: href('https://example.org/pole'), bold: true })] },
    ],
    figures: [
      { label: h('Emplois créés'), value: 1234.5, unit: h('ETP'), readAt: null },
      { label: h('Financements mobilisés'), value: 250000, unit: '€', readAt },
    ],
    quotes: [{ text: h('Sans la collectivité, rien n’aurait été possible.'), author: h('Marie Dupont'), role: h('directrice') }],
  });
  const recommendation = (i: number): GuideRecommendation => ({
    id: uuid(2000 + i),
    statement: h(`Préconisation ${i + 1} : associer les EPCI dès le repérage`),
    rationale: h(words(40, i)),
    status: i % 2 === 0 ? 'retained' : 'proposed',
    levers: ['contractual_frameworks'],
    stages: ['public_policy'],
    levels: ['epci', 'region', h('autre')],
    testimonies: [h('Témoignage 1')],
    sections: [h('Repérage et émergence')],
    decided: i % 2 === 0 ? { by: h('Claire Animatrice'), at: '2026-06-15T22:30:00.000Z' } : null,
  });
  const reference = (r: Extract<GuideBlock, { type: 'reference' }>['reference']): GuideBlock => ({ type: 'reference', reference: r });

  const sections: GuideSectionView[] = [
    {
      id: 'territory',
      kind: 'territory',
      title: h('Le territoire et ses pôles'),
      blocks: [
        paragraph('Le territoire compte plusieurs pôles territoriaux de coopération économique.'),
        reference({
          kind: 'poles',
          readAt,
          poles: [{ name: h('Pôle 1'), territory: h('Pays de Grasse'), facts: [{ label: h('Périmètre'), value: h('Intercommunal') }] }],
        }),
      ],
    },
    {
      id: 'figures',
      kind: 'figures',
      title: h('Chiffres clés'),
      blocks: [
        ...Array.from({ length: tables }, (_, i) => reference({ kind: 'funding_table', readAt, table: funding(i) })),
        reference({ kind: 'panorama', readAt, panorama }),
      ],
    },
    {
      id: 'testimonies',
      kind: 'testimonies',
      title: h('Témoignages'),
      blocks: [reference({ kind: 'testimonies', readAt, filter: null, testimonies: Array.from({ length: testimonies }, (_, i) => testimony(i)) })],
    },
    {
      id: 'analyses',
      kind: 'analyses',
      title: h('Analyses'),
      blocks: [
        reference({
          kind: 'analyses',
          readAt,
          filter: 'lever:pedagogy',
          analyses: [{ id: uuid(3000), title: h('Faire œuvre de pédagogie'), blocks: [paragraph(words(120, 3)), paragraph(words(120, 4))] }],
        }),
      ],
    },
    {
      id: 'recommendations',
      kind: 'recommendations',
      title: h('Préconisations retenues'),
      blocks: [
        reference({ kind: 'recommendations', readAt, filter: null, recommendations: Array.from({ length: recommendations }, (_, i) => recommendation(i)) }),
      ],
    },
    {
      id: 'custom-1',
      kind: 'custom',
      title: h('Notes'),
      blocks: [
        { type: 'heading', level: 1, runs: [run('Une note')] },
        {
          type: 'paragraph',
          runs: [run('Gras', { bold: true }), run(' et '), run('italique', { italic: true }), run(' lien', { href: href('mailto:pole@example.org') })],
        },
        {
          type: 'list',
          ordered: false,
          items: [[paragraph('premier point')], [paragraph('second point'), { type: 'list', ordered: true, items: [[paragraph('sous-point')]] }]],
        },
        { type: 'list', ordered: true, items: [[paragraph('étape un')], [paragraph('étape deux')]] },
        { type: 'quote', blocks: [paragraph('Une citation')] },
        { type: 'code', text: h('const a = 1;\nconst b = 2;') },
        { type: 'rule' },
        {
          type: 'table',
          rows: [
            { header: true, cells: [[run('Colonne A')], [run('Colonne B')]] },
            { header: false, cells: [[run('a1')], [run('b1', { href: href('https://example.org/b1') })]] },
          ],
        },
        reference({ kind: 'missing', readAt }),
      ],
    },
  ];
  return {
    title: h('Guide d’appui du Pays de Grasse'),
    spaces: [{ id: uuid(1), name: h('Pays de Grasse') }],
    builtAt: '2026-12-05T16:05:00.000Z',
    frozenAt: frozen ? '2026-07-14T08:00:00.000Z' : null,
    versionName: frozen ? h('Version de juillet') : null,
    sections,
  };
}
