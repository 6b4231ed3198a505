import { createHash } from 'node:crypto';
import { GUIDE_PUBLIC_CSP, GUIDE_PUBLIC_CSS, escapeHtml, guidePublicPage } from './guide-html.js';
import { HOSTILE, guideViewFixture } from './guide-view-fixture.js';

const URL = 'https://concerto.example.org/guides/abc123';
const missing = (html: string, expected: string[]) => expected.filter((s) => !html.includes(s));
/** Every tag's attribute names (values are always double-quoted, and a `"` inside one is escaped). */
const attributeNames = (html: string) =>
  [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) => [...tag[0].replace(/="[^"]*"/g, '').matchAll(/\s([^\s=/>]+)/g)].map((m) => m[1].toLowerCase()));

describe('guidePublicPage', () => {
  const html = guidePublicPage(guideViewFixture({ testimonies: 2, recommendations: 3, tables: 2, frozen: true }), 'fr', { url: URL });

  it('is a standalone French HTML5 page with its title, description and social preview', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(
      missing(html, [
        '<meta charset="utf-8">',
        '<title>Guide d’appui du Pays de Grasse</title>',
        '<meta name="description" content="Le territoire compte plusieurs pôles territoriaux de coopération économique.">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Guide d’appui du Pays de Grasse">',
        `<meta property="og:url" content="${URL}">`,
        '<meta property="og:locale" content="fr_FR">',
        '<meta property="og:description" content="Le territoire',
        '<meta name="twitter:card" content="summary">',
        `<link rel="canonical" href="${URL}">`,
        'Version figée le 14 juillet 2026 à 10:00',
      ]),
    ).toEqual([]);
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|<img|<iframe/i);
    expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('has landmarks, a table of contents whose anchors all exist, and headings that never skip a level', () => {
    expect(
      missing(html, ['<main id="contenu"', '<nav class="toc" aria-labelledby="toc-title">', '<header class="cover">', '<footer class="colophon">']),
    ).toEqual([]);
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const anchors = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(10);
    expect(anchors.filter((id) => !html.includes(`id="${id}"`))).toEqual([]);
    expect(nav).toContain('Témoignage 2</a>');
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1)).toEqual([]);
  });

  it('shows the testimonies, the recommendations and the figures as captioned tables with header scopes and charts', () => {
    expect(
      missing(html, [
        'Témoignage 2',
        'Préconisation 3 : associer les EPCI dès le repérage',
        'Sections du diagnostic à l’appui',
        'Repérage et émergence',
        '<caption>Montants mobilisés par niveau de collectivité, de 2020 à 2024</caption>',
        '<th scope="col">Collectivités</th>',
        '<th scope="row">Autres financeurs</th>',
        '<td class="num">1\u202f234\u202f567\u00a0€</td>',
        '<tfoot><tr><th scope="row">Total</th><td class="num">34\u202f567\u202f876\u00a0€</td>',
        '<svg xmlns="http://www.w3.org/2000/svg"',
        '<a href="https://example.org/pole" rel="noopener noreferrer nofollow"><strong>le site du pôle</strong></a>',
        '<a href="mailto:pole@example.org" rel="noopener noreferrer nofollow">',
      ]),
    ).toEqual([]);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('@media print');
  });

  it('allows its own stylesheet only, by hash, in the policy it can be served with', () => {
    expect(html).toContain(`<style>${GUIDE_PUBLIC_CSS}</style>`);
    expect(GUIDE_PUBLIC_CSP).toContain(`'sha256-${createHash('sha256').update(GUIDE_PUBLIC_CSS).digest('base64')}'`);
    expect(GUIDE_PUBLIC_CSP).toMatch(/default-src 'none'/);
    expect(GUIDE_PUBLIC_CSP).not.toMatch(/script-src|unsafe-inline/);
  });

  it('keeps hostile text inert in every field: nothing executable, no javascript: link, no control or bidi character', () => {
    const hostile = guidePublicPage(guideViewFixture({ testimonies: 2, recommendations: 2, tables: 1, hostile: true }), 'fr', { url: HOSTILE.href });
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toMatch(/<img/i);
    expect(attributeNames(hostile).filter((name) => name.startsWith('on'))).toEqual([]); // no event handler on any tag
    expect(hostile).not.toMatch(/(href|src|content)\s*=\s*["']?\s*javascript:/i);
    expect(hostile).not.toContain('og:url'); // the page's own address was not a web address
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(hostile)).toBe(false);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(hostile)).toBe(false);
    expect(
      missing(hostile, ['&lt;script&gt;alert(1)&lt;/script&gt;', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;', 'lone\ufffdsurrogate\ufffd']),
    ).toEqual([]);
    // Links to unsafe addresses are shown as their text, without a link.
    expect(hostile).not.toMatch(/<a href="(?!#)/);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>\u0000`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('words the English page', () => {
    const en = guidePublicPage(guideViewFixture({ testimonies: 1, recommendations: 1 }), 'en', { url: URL });
    expect(missing(en, ['<html lang="en">', '<meta property="og:locale" content="en_GB">', 'As of 5 December 2026 at 17:05', '€1,234,567'])).toEqual([]);
  });
});
