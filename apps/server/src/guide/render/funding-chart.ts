import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import type { FundingTableView, GuideBlock, GuideView, Locale } from '@concerto/domain';
import { type Bar, fundingBars } from './guide-figures.js';
import { GUIDE_WORDS, inert } from './guide-wording.js';

/** pdfmake's bundled Roboto: the fonts of the chart and of the PDF, the same on a developer's machine and in the image. */
export const ROBOTO_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build/fonts/Roboto');
export const ROBOTO_FILES = {
  normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
  bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
  italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
} as const;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe inside SVG/XML text and attributes. */
export const escapeXml = (text: string) => inert(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

// Roboto has no narrow no-break space (U+202F, French digit groups): the plain no-break space looks the same.
const forRoboto = (text: string) => text.replace(/\u202f/g, '\u00a0');

const WIDTH = 800;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 130;
const ROW = 34;
const TOP = 48;
const BAR = 20;

/**
 * A horizontal bar chart as a standalone SVG string (no script, no external resource, every label escaped): one bar
 * per level, its label on the left and its amount on the right. `id` names the title for `aria-labelledby`.
 */
export function fundingChartSvg(bars: Bar[], title: string, id = 'funding-chart'): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, '');
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = TOP + ROW * Math.max(1, bars.length) + 12;
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16;
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const width = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * span)) : 0;
    return [
      `<text x="${LABEL_WIDTH - 10}" y="${y + BAR / 2 + 5}" text-anchor="end">${escapeXml(forRoboto(bar.label))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR}" rx="2" fill="#2f5f8a"/>`,
      `<text x="${LABEL_WIDTH + width + 8}" y="${y + BAR / 2 + 5}">${escapeXml(forRoboto(bar.text))}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${safeId}-title">`,
    `<title id="${safeId}-title">${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<g font-family="Roboto, Arial, sans-serif" font-size="14" fill="#1f2933">`,
    `<text x="10" y="26" font-size="16" font-weight="bold">${escapeXml(forRoboto(title))}</text>`,
    ...rows,
    `<line x1="${LABEL_WIDTH}" y1="${TOP - 6}" x2="${LABEL_WIDTH}" y2="${height - 10}" stroke="#52606d" stroke-width="1"/>`,
    `</g></svg>`,
  ].join('');
}

/** The chart as a PNG (twice the SVG's size, for print), rendered with Roboto only: no system font is looked up. */
export async function fundingChartPng(bars: Bar[], title: string): Promise<{ png: Buffer; width: number; height: number }> {
  const svg = fundingChartSvg(bars, title);
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: Object.values(ROBOTO_FILES), defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
    fitTo: { mode: 'width', value: WIDTH * 2 },
    background: '#ffffff',
    logLevel: 'off',
  });
  return { png: image.asPng(), width: image.width / 2, height: image.height / 2 };
}

export type Chart = Awaited<ReturnType<typeof fundingChartPng>>;

/** Every funding table of the view (in references, testimonies' stories and analyses), for charting them first. */
export function fundingTablesOf(view: GuideView): FundingTableView[] {
  const found: FundingTableView[] = [];
  const visit = (items: GuideBlock[]): void => {
    for (const block of items) {
      if (block.type === 'list') block.items.forEach(visit);
      else if (block.type === 'quote') visit(block.blocks);
      else if (block.type === 'reference') {
        const ref = block.reference;
        if (ref.kind === 'funding_table') found.push(ref.table);
        else if (ref.kind === 'testimonies' || ref.kind === 'testimony') ref.testimonies.forEach((t) => visit(t.story));
        else if (ref.kind === 'analyses' || ref.kind === 'analysis') ref.analyses.forEach((a) => visit(a.blocks));
      }
    }
  };
  view.sections.forEach((s) => visit(s.blocks));
  return found;
}

/** The funding chart of each table with at least one row, rendered once (PNG). */
export async function fundingCharts(view: GuideView, locale: Locale): Promise<Map<FundingTableView, Chart>> {
  const tables = fundingTablesOf(view).filter((t) => t.rows.length > 0);
  const charts = await Promise.all(tables.map((t) => fundingChartPng(fundingBars(t, locale), GUIDE_WORDS[locale].chart)));
  return new Map(tables.map((t, i) => [t, charts[i]]));
}
