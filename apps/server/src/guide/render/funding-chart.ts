import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * Opaque RGBA pixels as an RGB PNG. Without an alpha channel, pdfkit embeds the PNG's compressed data as it is
 * (with alpha it decodes and splits every pixel in JavaScript), and the file is smaller in the DOCX too.
 */
export function rgbPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(height * stride); // each row: filter 0 (none), then its pixels
  for (let y = 0; y < height; y++) {
    for (let x = 0, from = y * width * 4, to = y * stride + 1; x < width; x++, from += 4, to += 3) {
      raw[to] = rgba[from];
      raw[to + 1] = rgba[from + 1];
      raw[to + 2] = rgba[from + 2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour, deflate, no filter method variant, not interlaced
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** How much larger than the SVG the PNG is drawn: 1.5 × 600 pt wide in the documents, about 150 dpi when printed. */
const SCALE = 1.5;
const CACHE_SIZE = 64;
const rendered = new Map<string, Promise<Chart>>();

async function renderPng(svg: string): Promise<Chart> {
  // resvg is loaded on the first chart drawn (an export), not with the public guide page that only needs the SVG.
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    // The chart has no italics: the regular and medium faces are enough (each font file costs time to load).
    font: { loadSystemFonts: false, fontFiles: [ROBOTO_FILES.normal, ROBOTO_FILES.bold], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
    fitTo: { mode: 'width', value: Math.round(WIDTH * SCALE) },
    background: '#ffffff',
    logLevel: 'off',
  });
  return { png: rgbPng(image.pixels, image.width, image.height), width: image.width / SCALE, height: image.height / SCALE };
}

/**
 * The chart as a PNG, rendered with the bundled Roboto only (no system font is looked up). The last 64 charts are
 * kept: a frozen version exported again, or as PDF after DOCX, does not draw its charts twice.
 */
export function fundingChartPng(bars: Bar[], title: string): Promise<Chart> {
  const svg = fundingChartSvg(bars, title);
  const known = rendered.get(svg);
  if (known) {
    rendered.delete(svg);
    rendered.set(svg, known);
    return known;
  }
  const rendering = renderPng(svg);
  rendered.set(svg, rendering);
  rendering.catch(() => rendered.delete(svg));
  const oldest = rendered.keys().next();
  if (rendered.size > CACHE_SIZE && !oldest.done) rendered.delete(oldest.value);
  return rendering;
}

/** Forgets the rendered charts (for benchmarks measuring a first rendering). */
export function forgetRenderedCharts(): void {
  rendered.clear();
}

/** A rendered chart: its PNG, and its size in points (the SVG's). */
export interface Chart {
  png: Buffer;
  width: number;
  height: number;
}

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
