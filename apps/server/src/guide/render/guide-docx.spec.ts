import JSZip from 'jszip';
import { XmlDocument } from 'xmldoc';
import { guideDocx } from './guide-docx.js';
import { guideViewFixture } from './guide-view-fixture.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Characters XML 1.0 refuses (C0 controls but tab and line breaks, U+FFFE/U+FFFF), and surrogates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

async function open(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const text = async (name: string) => {
    const bytes = await zip.file(name)!.async('uint8array');
    // Well-formed UTF-8 (a lone surrogate written as such would not decode).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  };
  return { zip, text };
}

describe('guideDocx', () => {
  it('writes a title page, a table of contents, the testimonies, the recommendations and the figures as tables and a chart', async () => {
    const view = guideViewFixture({ testimonies: 2, recommendations: 3, tables: 2, frozen: true });
    const { zip, text } = await open(await guideDocx(view, 'fr'));
    const xml = await text('word/document.xml');

    const expected = [
      'Guide d’appui du Pays de Grasse',
      'Version figée le 14 juillet 2026 à 10:00', // 08:00 UTC is 10:00 in Paris in summer
      'Témoignage 2',
      'Préconisation 3 : associer les EPCI dès le repérage',
      'Retenue, décidée par Claire Animatrice le 16 juin 2026 à 00:30',
      // The funding table's cells, French: narrow no-break spaces between groups, a no-break space before €.
      '1\u202f234\u202f567\u00a0€',
      '34\u202f567\u202f876\u00a0€',
      'Autres financeurs',
      'Nb projets soutenus',
      'Intercommunalité (EPCI)', // a collectivité's level label
      'Faire œuvre de pédagogie sur l&apos;ESS', // a lever's label
    ];
    expect(expected.filter((s) => !xml.includes(s))).toEqual([]);
    expect(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;<\/w:instrText>/.test(xml)).toBe(true);
    expect(await text('word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
    expect(xml.includes('<w:tbl>')).toBe(true);

    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(1);
    const png = await zip.file(media[0])!.async('nodebuffer');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(xml.includes('<pic:pic')).toBe(true);

    // Links to safe addresses are kept.
    expect(await text('word/_rels/document.xml.rels')).toContain('https://example.org/pole');
  });

  it('words the live guide’s date and the English version', async () => {
    const { text } = await open(await guideDocx(guideViewFixture({ testimonies: 1, recommendations: 1 }), 'en'));
    const xml = await text('word/document.xml');
    const expected = ['As of 5 December 2026 at 17:05', 'Amounts mobilised by local authority level, from 2020 to 2024', '€1,234,567'];
    expect(expected.filter((s) => !xml.includes(s))).toEqual([]);
  });

  it('keeps hostile text inert: a well-formed document, no control characters, no javascript: link', async () => {
    const view = guideViewFixture({ testimonies: 2, recommendations: 2, tables: 1, hostile: true });
    const { zip, text } = await open(await guideDocx(view, 'fr'));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      const xml = await text(name);
      expect(() => new XmlDocument(xml)).not.toThrow();
      expect([NOT_XML.test(xml), /[\u202a-\u202e\u2066-\u2069]/.test(xml), xml.includes('<script'), /Target="javascript:/i.test(xml)]).toEqual([
        false,
        false,
        false,
        false,
      ]);
    }
    const xml = await text('word/document.xml');
    // Shown as text.
    const expected = ['&lt;script&gt;alert(1)&lt;/script&gt;', 'lone\ufffdsurrogate\ufffd', 'Témoignage 1'];
    expect(expected.filter((s) => !xml.includes(s))).toEqual([]);
  });
});
