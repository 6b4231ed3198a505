import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FundingTableView, GuideBlock, GuideRun, GuideView, Locale, ResolvedReference } from '@concerto/domain';
import { type Chart, fundingCharts } from './funding-chart.js';
import {
  type Fact,
  type FigureTable,
  fundingTable,
  panoramaFigures,
  poleTable,
  quoteLines,
  recommendationFacts,
  testimonyFacts,
  testimonyFigures,
} from './guide-figures.js';
import { GUIDE_WORDS, contentHeadingLevel, formatDateTime, guideCover, inert, referenceFilter, safeHref } from './guide-wording.js';

type Child = Paragraph | Table | TableOfContents;
type Inline = TextRun | ExternalHyperlink;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const ORDERED = 'guide-ordered';
/** Content width of an A4 page with Word's default margins, in points (the chart's width). */
const CHART_WIDTH = 600;

interface Context {
  locale: Locale;
  charts: Map<FundingTableView, Chart>;
  /** A fresh numbering instance per ordered list, so each one starts at 1. */
  nextList: () => number;
}

interface Place {
  /** Heading level of this place's titles (1 = a section's). */
  level: number;
  /** List depth, for nested lists. */
  depth: number;
  /** Inside a quote: indented with a bar on the left. */
  quote: boolean;
}

const heading = (level: number, children: Inline[]) =>
  new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1], keepNext: true, children });
const quoteStyle = (place: Place) =>
  place.quote ? { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '9AA5B1', space: 8 } } } : {};

/** A run of the guide as Word runs: line breaks kept, links only to http(s) and mailto addresses. */
function inline(runs: GuideRun[]): Inline[] {
  return runs
    .map((run) => {
      const parts = inert(run.text).split(/\r?\n/);
      const href = safeHref(run.href);
      const texts = parts.map(
        (text, i) => new TextRun({ text, bold: run.bold, italics: run.italic, ...(i > 0 ? { break: 1 } : {}), ...(href ? { style: 'Hyperlink' } : {}) }),
      );
      return href ? new ExternalHyperlink({ link: href, children: texts }) : texts;
    })
    .flat();
}
const plainRuns = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => [new TextRun({ text: inert(text), ...options })];

function figureTable(table: FigureTable): Child[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BCCCDC' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, options: { header?: boolean; numeric?: boolean; shade?: boolean }) =>
    new TableCell({
      borders,
      ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E4ECF4' } } : {}),
      children: [new Paragraph({ alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: plainRuns(text, { bold: options.header }) })],
    });
  const row = (r: { header: string; cells: string[] }, bold = false) =>
    new TableRow({ children: [cell(r.header, { header: true }), ...r.cells.map((c) => cell(c, { numeric: table.numeric, header: bold }))] });
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: plainRuns(table.caption, { bold: true, italics: true }) }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: table.head.map((h, i) => cell(h, { header: true, shade: true, numeric: table.numeric && i > 0 })) }),
        ...table.rows.map((r) => row(r)),
        ...(table.foot ? [row(table.foot, true)] : []),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

const facts = (items: Fact[], locale: Locale): Paragraph[] =>
  items.map((f) => new Paragraph({ children: [new TextRun({ text: `${f.label}${GUIDE_WORDS[locale].colon}`, bold: true }), new TextRun(inert(f.value))] }));
const note = (text: string) => new Paragraph({ children: plainRuns(text, { italics: true }) });

function blocks(items: GuideBlock[], ctx: Context, place: Place): Child[] {
  return items.flatMap((block) => blockChildren(block, ctx, place));
}

function blockChildren(block: GuideBlock, ctx: Context, place: Place): Child[] {
  switch (block.type) {
    case 'heading':
      return [heading(contentHeadingLevel(place.level, block.level), inline(block.runs))];
    case 'paragraph':
      return [new Paragraph({ ...quoteStyle(place), children: inline(block.runs) })];
    case 'list': {
      const instance = block.ordered ? ctx.nextList() : 0;
      return block.items.flatMap((item) =>
        item.flatMap((child, j) => {
          if (child.type === 'list') return blockChildren(child, ctx, { ...place, depth: place.depth + 1 });
          if (child.type !== 'paragraph' || j > 0) return blocks([child], ctx, place);
          const marker = block.ordered
            ? { numbering: { reference: ORDERED, level: Math.min(place.depth, 8), instance } }
            : { bullet: { level: Math.min(place.depth, 8) } };
          return [new Paragraph({ ...marker, children: inline(child.runs) })];
        }),
      );
    }
    case 'quote':
      return blocks(block.blocks, ctx, { ...place, quote: true });
    case 'code':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F4F8' },
          children: inert(block.text)
            .split(/\r?\n/)
            .map((line, i) => new TextRun({ text: line, font: 'Consolas', ...(i > 0 ? { break: 1 } : {}) })),
        }),
      ];
    case 'rule':
      return [new Paragraph({ thematicBreak: true, children: [] })];
    case 'table': {
      const width = Math.max(1, ...block.rows.map((r) => r.cells.length));
      if (block.rows.length === 0) return [];
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            (r) =>
              new TableRow({
                tableHeader: r.header,
                children: Array.from(
                  { length: width },
                  (_, i) =>
                    new TableCell({
                      children: [new Paragraph({ children: inline((r.cells[i] ?? []).map((run) => (r.header ? { ...run, bold: true } : run))) })],
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'reference':
      return reference(block.reference, ctx, place);
  }
}

function reference(ref: ResolvedReference, ctx: Context, place: Place): Child[] {
  const { locale } = ctx;
  const w = GUIDE_WORDS[locale];
  const readAt = note(w.readAt(formatDateTime(ref.readAt, locale)));
  const filter = referenceFilter(ref, locale);
  const filtered = filter ? [note(filter)] : [];
  switch (ref.kind) {
    case 'missing':
      return [note(w.missing)];
    case 'poles':
      return [...ref.poles.flatMap((pole) => figureTable(poleTable(pole, locale))), readAt];
    case 'funding_table': {
      const chart = ctx.charts.get(ref.table);
      const image = chart
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new ImageRun({
                  type: 'png',
                  data: chart.png,
                  transformation: { width: CHART_WIDTH, height: Math.round((chart.height * CHART_WIDTH) / chart.width) },
                  altText: { name: w.chart, title: w.chart, description: fundingTable(ref.table, locale).caption },
                }),
              ],
            }),
          ]
        : [];
      return [...figureTable(fundingTable(ref.table, locale)), ...image, readAt];
    }
    case 'panorama': {
      const { tables, lines } = panoramaFigures(ref.panorama, locale);
      return [...tables.flatMap(figureTable), ...lines.map((line) => new Paragraph(line)), readAt];
    }
    case 'testimonies':
    case 'testimony':
      return [
        ...filtered,
        ...ref.testimonies.flatMap((t) => {
          const figures = testimonyFigures(t, locale);
          return [
            heading(place.level + 1, plainRuns(t.title)),
            ...facts(testimonyFacts(t, locale), locale),
            ...blocks(t.story, ctx, { ...place, level: place.level + 1 }),
            ...(figures ? figureTable(figures) : []),
            ...t.quotes
              .map(quoteLines)
              .flatMap((q) => [
                new Paragraph({ ...quoteStyle({ ...place, quote: true }), children: plainRuns(q.text, { italics: true }) }),
                new Paragraph({ ...quoteStyle({ ...place, quote: true }), children: plainRuns(q.by) }),
              ]),
          ];
        }),
      ];
    case 'recommendations':
    case 'recommendation':
      return [
        ...filtered,
        ...ref.recommendations.flatMap((r) => [heading(place.level + 1, plainRuns(r.statement)), ...facts(recommendationFacts(r, locale), locale)]),
      ];
    case 'analyses':
    case 'analysis':
      return [
        ...filtered,
        ...ref.analyses.flatMap((a) => [heading(place.level + 1, plainRuns(a.title)), ...blocks(a.blocks, ctx, { ...place, level: place.level + 1 })]),
      ];
  }
}

/**
 * The guide as a Word document: a title page (title, spaces, version, date), a table of contents Word fills in on
 * opening, one Heading 1 per section, the blocks, references as real tables (and the funding table's chart as a PNG),
 * page numbers in the footer. User text is cleaned (`inert`) and never interpreted; links only to safe addresses.
 */
export async function guideDocx(view: GuideView, locale: Locale): Promise<Buffer> {
  const w = GUIDE_WORDS[locale];
  let lists = 0;
  const ctx: Context = { locale, charts: await fundingCharts(view, locale), nextList: () => ++lists };
  const { title, spaces, version, date } = guideCover(view, locale);
  const cover: Child[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: plainRuns(title) }),
    ...(spaces ? [new Paragraph({ children: plainRuns(spaces, { bold: true }) })] : []),
    ...(version ? [new Paragraph({ children: plainRuns(version) })] : []),
    new Paragraph({ children: plainRuns(date, { italics: true }) }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: w.contents, bold: true, size: 32 })] }),
    new TableOfContents(w.contents, { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = view.sections.flatMap((section) => [heading(1, plainRuns(section.title)), ...blocks(section.blocks, ctx, { level: 1, depth: 0, quote: false })]);
  const footer = new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 })] }),
    ],
  });
  const document = new Document({
    creator: 'Concerto',
    title,
    description: `${w.guide} — ${date}`,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ footers: { default: footer }, children: [...cover, ...body] }],
  });
  return Packer.toBuffer(document);
}
