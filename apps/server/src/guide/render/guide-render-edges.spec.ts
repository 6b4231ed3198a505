import type { GuideView } from '@concerto/domain';
import { guideDocx } from './guide-docx.js';
import { guidePublicPage } from './guide-html.js';
import { guidePdf } from './guide-pdf.js';
import { guideViewFixture } from './guide-view-fixture.js';

/** A guide made of what is empty or odd: no title, empty sections, tables and lists, a funding table without rows… */
function edgeView(): GuideView {
  const panorama = (guideViewFixture().sections[1].blocks.at(-1) as { reference: { kind: 'panorama'; panorama: unknown } }).reference.panorama;
  return {
    title: '   ',
    spaces: [],
    builtAt: 'not a date',
    frozenAt: null,
    versionName: null,
    sections: [
      { id: 'empty', kind: 'custom', title: '', blocks: [] },
      {
        id: 'odd',
        kind: 'custom',
        title: 'x'.repeat(5000),
        blocks: [
          { type: 'paragraph', runs: [] },
          { type: 'heading', level: 4, runs: [{ text: '', bold: true, italic: true, href: 'https://example.org' }] },
          { type: 'list', ordered: true, items: [[], [{ type: 'rule' }], [{ type: 'list', ordered: false, items: [[{ type: 'code', text: '' }]] }]] },
          { type: 'quote', blocks: [] },
          { type: 'table', rows: [] },
          {
            type: 'table',
            rows: [
              { header: true, cells: [] },
              { header: false, cells: [[], [{ text: 'a\nb', bold: false, italic: false, href: null }]] },
            ],
          },
          {
            type: 'reference',
            reference: {
              kind: 'funding_table',
              readAt: 'nope',
              table: { period: { from: null, to: null }, rows: [], total: { totalCents: 0, projectCount: 0, medianCents: null } },
            },
          },
          {
            type: 'reference',
            reference: {
              kind: 'panorama',
              readAt: '2026-01-01T00:00:00Z',
              panorama: { ...(panorama as object), levelPresence: [], medianCollectivites: null } as never,
            },
          },
          { type: 'reference', reference: { kind: 'testimonies', readAt: '2026-01-01T00:00:00Z', filter: 'stage:rural', testimonies: [] } },
          { type: 'reference', reference: { kind: 'recommendation', readAt: '2026-01-01T00:00:00Z', filter: null, recommendations: [] } },
          { type: 'reference', reference: { kind: 'analyses', readAt: '2026-01-01T00:00:00Z', filter: null, analyses: [{ id: 'a', title: '', blocks: [] }] } },
          { type: 'paragraph', runs: [{ text: 'https://' + 'a'.repeat(3000), bold: false, italic: false, href: 'https://' + 'a'.repeat(3000) }] },
        ],
      },
    ],
  };
}

describe('the guide’s outputs on empty and odd content', () => {
  it('still produce a DOCX, a PDF and a page', async () => {
    const view = edgeView();
    const docx = await guideDocx(view, 'fr');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await guidePdf(view, 'fr');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const html = guidePublicPage(view, 'fr', { url: 'https://example.org/g' });
    expect(html).toContain('<title>Guide</title>');
    expect(html).toContain('Étape : Spécificités du milieu rural');
    expect(html).not.toContain('href="https://aaaa'); // an address over 2,000 characters is not linked
  });

  it('produce an empty guide', async () => {
    const view: GuideView = { title: 'Vide', spaces: [], builtAt: '2026-01-01T00:00:00Z', frozenAt: null, versionName: null, sections: [] };
    expect((await guideDocx(view, 'en')).byteLength).toBeGreaterThan(1000);
    expect((await guidePdf(view, 'en')).byteLength).toBeGreaterThan(1000);
    expect(guidePublicPage(view, 'en', { url: '' })).toContain('<nav class="toc"');
  });

  it('lays out a 64,000-character run without spaces in the PDF (pdfmake alone takes minutes: quadratic)', async () => {
    const word = 'a'.repeat(64_000);
    const view: GuideView = {
      title: word.slice(0, 500),
      spaces: [],
      builtAt: '2026-01-01T00:00:00Z',
      frozenAt: null,
      versionName: null,
      sections: [{ id: 's', kind: 'custom', title: 'S', blocks: [{ type: 'paragraph', runs: [{ text: word, bold: false, italic: false, href: null }] }] }],
    };
    const started = performance.now();
    expect((await guidePdf(view, 'fr')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(performance.now() - started).toBeLessThan(15_000); // 8,000 characters took 5 s before, 64,000 would take minutes
  }, 20_000);
});
