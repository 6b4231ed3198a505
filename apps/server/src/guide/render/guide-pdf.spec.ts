import { guidePdf } from './guide-pdf.js';
import { guideViewFixture } from './guide-view-fixture.js';

// pdf.js 6 expects Promise.withResolvers and ArrayBuffer#transferToFixedLength (Node 22); Node 20 lacks them.
const withResolvers = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= withResolvers;
const arrayBuffer = ArrayBuffer.prototype as unknown as { transferToFixedLength?: (this: ArrayBuffer, length?: number) => ArrayBuffer };
arrayBuffer.transferToFixedLength ??= function (length) {
  return this.slice(0, length ?? this.byteLength);
};

/** The text of each page, its items joined, white space (no-break spaces included) made plain spaces. */
async function pdfText(buffer: Buffer): Promise<{ pages: string[]; images: number; title: unknown }> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(buffer), useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  let images = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
  }
  const { info } = await pdf.getMetadata();
  await task.destroy();
  return { pages, images, title: (info as { Title?: unknown }).Title };
}

describe('guidePdf', () => {
  it('writes a cover, a table of contents, the testimonies, the recommendations, the figures and the chart, with page numbers', async () => {
    const view = guideViewFixture({ testimonies: 2, recommendations: 3, tables: 2, frozen: true });
    const buffer = await guidePdf(view, 'fr');
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, images, title } = await pdfText(buffer);
    const all = pages.join(' ');
    expect(title).toBe('Guide d’appui du Pays de Grasse');
    expect(pages[0]).toContain('Version figée le 14 juillet 2026 à 10:00');
    expect(pages[1]).toContain('Sommaire');
    expect(pages[1]).toMatch(/Témoignage 1 \d+/); // a table of contents entry with its page number
    const expected = [
      'Témoignage 2',
      'Préconisation 3 : associer les EPCI dès le repérage',
      'Retenue, décidée par Claire Animatrice le 16 juin 2026 à 00:30',
      '1 234 567 €',
      '34 567 876 €',
      'Autres financeurs',
      'Nb projets soutenus',
      'Intercommunalité (EPCI)',
      `Page 3 sur ${pages.length}`,
    ];
    expect(expected.filter((s) => !all.includes(s))).toEqual([]);
    expect(images).toBe(2); // one chart per funding table
  });

  it('keeps hostile text inert and still produces the document', async () => {
    const view = guideViewFixture({ testimonies: 2, recommendations: 2, hostile: true });
    const { pages } = await pdfText(await guidePdf(view, 'en'));
    const all = pages.join(' ');
    expect(all).toContain('<script>alert(1)</script>'); // shown as text
    expect(all).toContain('As of 5 December 2026 at 17:05');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(/[\u0001-\u0008\u202a-\u202e]/.test(all)).toBe(false);
  });
});
