import { readFileSync } from 'node:fs';
import pdfmake, { type Content, type CustomTableLayout, type TableCell } from 'pdfmake';
import type { FundingTableView, GuideBlock, GuideRun, GuideView, Locale, ResolvedReference } from '@concerto/domain';
import { type Chart, ROBOTO_FILES, fundingCharts } from './funding-chart.js';
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

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
type ContentText = { text: string; bold?: boolean; italics?: boolean; link?: string; color?: string; decoration?: 'underline' };

/** Width of an A4 page's text block with the margins below, in points. */
const TEXT_WIDTH = 595.28 - 2 * 56;
const FONT_FILES = Object.fromEntries(Object.keys(ROBOTO_FILES).map((style) => [style, `concerto-guide/Roboto-${style}.ttf`]));

let fontsLoaded = false;
/**
 * pdfmake is one shared object: before each document, its fonts are set to the bundled Roboto, read once into its
 * virtual file system, and it may neither fetch a URL nor read a local file (a document can only use what it is given).
 */
function configurePdfmake(): void {
  if (!fontsLoaded) {
    const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
    for (const [style, path] of Object.entries(ROBOTO_FILES)) vfs.writeFileSync(FONT_FILES[style], readFileSync(path));
    fontsLoaded = true;
  }
  pdfmake.setFonts({ Roboto: FONT_FILES as { normal: string; bold: string; italics: string; bolditalics: string } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

/**
 * Text for pdfmake: Roboto has no narrow no-break space (U+202F, French digit groups and punctuation), the no-break
 * space looks the same; and a zero-width space every 40 characters of a run without spaces, where a line may break:
 * pdfmake lays an unbreakable word out in quadratic time (8,000 characters took 5 s), which any text could ask for.
 */
const text = (value: string) =>
  inert(value)
    .replace(/\u202f/g, '\u00a0')
    .replace(/[^\s\u200b]{40}(?=[^\s\u200b])/g, '$&\u200b');

interface Context {
  locale: Locale;
  charts: Map<FundingTableView, Chart>;
}

const heading = (level: number, content: string | ContentText[]): Content => {
  const clamped = Math.min(Math.max(level, 1), 4);
  return {
    text: content,
    style: `h${clamped}`,
    headlineLevel: clamped,
    ...(clamped <= 2 ? { tocItem: true, tocStyle: clamped === 1 ? 'tocSection' : 'tocEntry', tocMargin: [clamped === 1 ? 0 : 14, 2, 0, 2] } : {}),
  } as Content;
};

/** Runs of the guide as pdfmake inlines: links only to http(s) and mailto addresses. */
function inline(runs: GuideRun[]): ContentText[] {
  return runs.map((run) => {
    const href = safeHref(run.href);
    return { text: text(run.text), bold: run.bold, italics: run.italic, ...(href ? { link: href, color: '#1f5fa0', decoration: 'underline' as const } : {}) };
  });
}

const quoteLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i: number) => (i === 0 ? 2 : 0),
  vLineColor: () => '#9aa5b1',
  paddingLeft: () => 10,
};
const quote = (stack: Content[]): Content => ({ table: { widths: ['*'], body: [[{ stack }]] }, layout: quoteLayout, margin: [0, 2, 0, 8] });

function figureTable(table: FigureTable): Content[] {
  const cell = (value: string, options: { bold?: boolean; numeric?: boolean; fill?: string }): TableCell => ({
    text: text(value),
    bold: options.bold,
    alignment: options.numeric ? 'right' : 'left',
    ...(options.fill ? { fillColor: options.fill } : {}),
  });
  const row = (r: { header: string; cells: string[] }, bold = false) => [
    cell(r.header, { bold: true }),
    ...r.cells.map((c) => cell(c, { numeric: table.numeric, bold })),
  ];
  return [
    { text: text(table.caption), style: 'caption' },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', ...table.head.slice(1).map(() => 'auto' as const)],
        body: [
          table.head.map((h, i) => cell(h, { bold: true, numeric: table.numeric && i > 0, fill: '#e4ecf4' })),
          ...table.rows.map((r) => row(r)),
          ...(table.foot ? [row(table.foot, true)] : []),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    },
  ];
}

const facts = (items: Fact[], locale: Locale): Content[] =>
  items.map((f) => ({ text: [{ text: `${f.label}${GUIDE_WORDS[locale].colon}`, bold: true }, { text: text(f.value) }], margin: [0, 0, 0, 2] }));
const note = (value: string): Content => ({ text: text(value), style: 'note' });

function blocks(items: GuideBlock[], ctx: Context, level: number): Content[] {
  return items.flatMap((block) => blockContent(block, ctx, level));
}

function blockContent(block: GuideBlock, ctx: Context, level: number): Content[] {
  switch (block.type) {
    case 'heading':
      return [heading(contentHeadingLevel(level, block.level), inline(block.runs))];
    case 'paragraph':
      return [{ text: inline(block.runs), style: 'paragraph' }];
    case 'list': {
      const items = block.items.map((item): Content => ({ stack: blocks(item, ctx, level) }));
      return [block.ordered ? { ol: items, style: 'list' } : { ul: items, style: 'list' }];
    }
    case 'quote':
      return [quote(blocks(block.blocks, ctx, level))];
    case 'code':
      return [{ text: text(block.text), style: 'code', preserveLeadingSpaces: true }];
    case 'rule':
      return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#9aa5b1' }], margin: [0, 6, 0, 10] }];
    case 'table': {
      if (block.rows.length === 0) return [];
      const width = Math.max(1, ...block.rows.map((r) => r.cells.length));
      const headerRows = block.rows.findIndex((r) => !r.header);
      return [
        {
          table: {
            headerRows: headerRows === -1 ? block.rows.length : headerRows,
            widths: Array.from({ length: width }, () => '*'),
            body: block.rows.map((r) =>
              Array.from({ length: width }, (_, i): TableCell => ({
                text: inline(r.cells[i] ?? []),
                bold: r.header,
                ...(r.header ? { fillColor: '#e4ecf4' } : {}),
              })),
            ),
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 10],
        },
      ];
    }
    case 'reference':
      return reference(block.reference, ctx, level);
  }
}

function reference(ref: ResolvedReference, ctx: Context, level: number): Content[] {
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
      const width = Math.min(TEXT_WIDTH, 460);
      const image: Content[] = chart
        ? [{ image: `data:image/png;base64,${chart.png.toString('base64')}`, width, alignment: 'center', margin: [0, 4, 0, 8] }]
        : [];
      return [...figureTable(fundingTable(ref.table, locale)), ...image, readAt];
    }
    case 'panorama': {
      const { tables, lines } = panoramaFigures(ref.panorama, locale);
      return [...tables.flatMap(figureTable), ...lines.map((line) => ({ text: text(line), style: 'paragraph' })), readAt];
    }
    case 'testimonies':
    case 'testimony':
      return [
        ...filtered,
        ...ref.testimonies.flatMap((t) => {
          const figures = testimonyFigures(t, locale);
          return [
            heading(level + 1, text(t.title)),
            ...facts(testimonyFacts(t, locale), locale),
            { text: '', margin: [0, 0, 0, 6] },
            ...blocks(t.story, ctx, level + 1),
            ...(figures ? figureTable(figures) : []),
            ...t.quotes.map(quoteLines).map((q) =>
              quote([
                { text: text(q.text), italics: true },
                { text: text(q.by), margin: [0, 2, 0, 0] },
              ]),
            ),
          ] as Content[];
        }),
      ];
    case 'recommendations':
    case 'recommendation':
      return [...filtered, ...ref.recommendations.flatMap((r) => [heading(level + 1, text(r.statement)), ...facts(recommendationFacts(r, locale), locale)])];
    case 'analyses':
    case 'analysis':
      return [...filtered, ...ref.analyses.flatMap((a) => [heading(level + 1, text(a.title)), ...blocks(a.blocks, ctx, level + 1)])];
  }
}

const STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 26, bold: true, margin: [0, 180, 0, 16] },
  subtitle: { fontSize: 14, margin: [0, 0, 0, 6] },
  tocTitle: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
  tocSection: { bold: true },
  tocEntry: { fontSize: 10 },
  h1: { fontSize: 18, bold: true, color: '#1f3a5a', margin: [0, 16, 0, 8] },
  h2: { fontSize: 14, bold: true, color: '#1f3a5a', margin: [0, 12, 0, 6] },
  h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  h4: { fontSize: 11, bold: true, italics: true, margin: [0, 8, 0, 4] },
  paragraph: { margin: [0, 0, 0, 6], lineHeight: 1.2 },
  list: { margin: [0, 0, 0, 6] },
  code: { fontSize: 9, background: '#f0f4f8', margin: [0, 0, 0, 8] },
  caption: { bold: true, italics: true, margin: [0, 8, 0, 4] },
  note: { italics: true, fontSize: 9, color: '#52606d', margin: [0, 0, 0, 8] },
};

/**
 * The guide as a PDF (pdfmake, bundled Roboto): a cover (title, spaces, version, date), a table of contents with page
 * numbers, one section after another with their blocks, references as tables and the funding chart, page numbers in
 * the footer. User text is cleaned (`inert`) and only ever text; links only to safe addresses; nothing is fetched.
 */
export async function guidePdf(view: GuideView, locale: Locale): Promise<Buffer> {
  const w = GUIDE_WORDS[locale];
  const ctx: Context = { locale, charts: await fundingCharts(view, locale) };
  const cover = guideCover(view, locale);
  const title = text(cover.title);
  const content: Content[] = [
    { text: title, style: 'title' },
    ...(cover.spaces ? [{ text: text(cover.spaces), style: 'subtitle', bold: true }] : []),
    ...(cover.version ? [{ text: text(cover.version), style: 'subtitle' }] : []),
    { text: text(cover.date), style: 'subtitle', italics: true, pageBreak: 'after' },
    { toc: { title: { text: w.contents, style: 'tocTitle' } }, pageBreak: 'after' },
    ...view.sections.flatMap((section, i) => [
      { ...(heading(1, text(section.title)) as object), ...(i > 0 ? { pageBreak: 'before' } : {}) } as Content,
      ...blocks(section.blocks, ctx, 1),
    ]),
  ];
  const definition: TDocumentDefinitions = {
    info: { title, creator: 'Concerto', subject: `${w.guide} — ${text(cover.date)}` },
    language: locale === 'fr' ? 'fr-FR' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10.5 },
    styles: STYLES,
    footer: (page: number, pages: number) => ({ text: w.page(page, pages), alignment: 'center', fontSize: 8, color: '#52606d', margin: [0, 20, 0, 0] }),
    content,
  };
  configurePdfmake();
  return pdfmake.createPdf(definition).getBuffer();
}
