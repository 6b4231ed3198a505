import { cpus } from 'node:os';
import * as Y from 'yjs';
import { DIAGNOSTIC_SECTIONS, sectionContentKey } from '@concerto/collab';
import { diagnosticDocx, forgetRenderedCharts, guideDocx, guidePdf, guidePublicPage, guideViewFixture } from '@concerto/server/testing';
import { writeResults } from './performance-doc.js';
import { markdownTable, round } from './stats.js';

const TESTIMONIES = 20;
const RECOMMENDATIONS = 40;
const TABLES = 10;
/** Paragraphs of 80 words in each testimony's story: about a page and a half per testimony. */
const STORY_PARAGRAPHS = 6;
const RUNS = Number(process.env.BENCH_GUIDE_RUNS ?? 7);
const WORDS_PER_PARAGRAPH = 150;

/** Characters of text in a value (every string in it), to size the peer document alike. */
function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + textLength(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, v) => sum + textLength(v), 0);
  return 0;
}

/** A diagnostic with about `characters` of text: sections of 12 paragraphs of 150 words, as the diagnostic benchmark's. */
function diagnosticOf(characters: number): Y.Doc {
  const doc = new Y.Doc();
  const words = ['coopération', 'territoire', 'collectivité', 'emploi', 'filière', 'pôle', 'ESS', 'projet'];
  const text = (seed: number) => Array.from({ length: WORDS_PER_PARAGRAPH }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(' ');
  let written = 0;
  for (let s = 0; written < characters; s++) {
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: `bench-${s}`, kind: 'custom', key: `bench-${s}`, title: `Section ${s + 1}`, archived: false })) map.set(k, v);
    doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS).push([map]);
    const paragraphs = Array.from({ length: 12 }, (_, p) => {
      const paragraph = new Y.XmlElement('paragraph');
      const content = text(s * 100 + p);
      paragraph.insert(0, [new Y.XmlText(content)]);
      written += content.length;
      return paragraph;
    });
    doc.getXmlFragment(sectionContentKey(`bench-${s}`)).insert(0, paragraphs);
  }
  return doc;
}

interface Measure {
  first: number;
  median: number;
  /** Longest time the event loop could not run anything else during a run (median over the runs after the first). */
  blocked: number;
  bytes: number;
}

/**
 * Runs `action`, and meanwhile a 1 ms timer notes when the event loop is free: the longest gap between two of its
 * turns (or until the end) is the longest time nothing else could run in the process.
 */
async function timed(action: () => Promise<Buffer | string>): Promise<{ ms: number; blocked: number; output: Buffer | string }> {
  let last = performance.now();
  let blocked = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    blocked = Math.max(blocked, now - last);
    last = now;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const started = performance.now();
  const output = await action();
  const ms = performance.now() - started;
  running = false;
  blocked = Math.max(blocked, performance.now() - last);
  return { ms, blocked, output };
}

/**
 * Times `action` once cold, then RUNS times: the first run, the median of the others and of their longest event-loop
 * blocks. Rendered charts are forgotten before each run unless `warmCharts` (a frozen version exported again, or as
 * PDF after DOCX, reuses them).
 */
async function measure(action: () => Promise<Buffer | string>, warmCharts = false): Promise<Measure> {
  if (!warmCharts) forgetRenderedCharts();
  const first = await timed(action);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    if (!warmCharts) forgetRenderedCharts();
    runs.push(await timed(action));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { first: first.ms, median: median(runs.map((r) => r.ms)), blocked: median(runs.map((r) => r.blocked)), bytes: Buffer.byteLength(first.output) };
}

/**
 * The guide's exports on the case — 20 testimonies, 40 recommendations, 10 funding tables (each a table and
 * a chart) — pure renderers on a resolved view (no database, no HTTP), and the diagnostic's DOCX export of a document
 * with as much text, in the same run, as a peer.
 */
describe('guide export benchmark', () => {
  it('measures', async () => {
    const view = guideViewFixture({
      testimonies: TESTIMONIES,
      recommendations: RECOMMENDATIONS,
      tables: TABLES,
      storyParagraphs: STORY_PARAGRAPHS,
      frozen: true,
    });
    const characters = textLength(view);
    const diagnostic = diagnosticOf(characters);

    const docx = await measure(() => guideDocx(view, 'fr'));
    const pdf = await measure(() => guidePdf(view, 'fr'));
    const docxWarm = await measure(() => guideDocx(view, 'fr'), true);
    const pdfWarm = await measure(() => guidePdf(view, 'fr'), true);
    const html = await measure(async () => guidePublicPage(view, 'fr', { url: 'https://concerto.example.org/guides/bench' }));
    const peer = await measure(() => diagnosticDocx(diagnostic, 'Diagnostic', new Map(), 'fr'));
    const pdfBuffer = await guidePdf(view, 'fr');
    const pages = (pdfBuffer.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

    const row = (name: string, m: Measure) => [name, round(m.first), round(m.median), round(m.blocked), round(m.bytes / 1024)];
    const table = markdownTable(
      ['output', 'first run ms', `median of ${RUNS} ms`, 'longest event-loop block ms (median)', 'size KiB'],
      [
        row('guide DOCX (10 charts as PNG)', docx),
        row(`guide PDF (${pages} A4 pages, 10 charts)`, pdf),
        row('guide DOCX, charts already rendered', docxWarm),
        row('guide PDF, charts already rendered', pdfWarm),
        row('guide public page (HTML, 10 inline SVG charts)', html),
        row('peer: diagnostic DOCX, same amount of text', peer),
      ],
    );
    const ratio = round(docx.median / peer.median);
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`;
    const guide = `${TESTIMONIES} testimonies (${STORY_PARAGRAPHS} paragraphs of 80 words each), ${RECOMMENDATIONS} recommendations, ${TABLES} funding tables and a panorama; ${round(characters / 1000)} k characters of text`;
    const markdown = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\nGuide: ${guide}.\n\n${table}\n\nGuide DOCX / diagnostic DOCX of the same text volume: ×${ratio} (median).`;
    process.stdout.write(`\nGuide export benchmark — ${machine}\n${markdown}\n`);
    writeResults('guide-export', markdown);
    expect(pdfBuffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBeGreaterThan(10);
  });
});
