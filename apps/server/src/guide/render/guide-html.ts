import type { GuideBlock, GuideRun, GuideView, Locale, ResolvedReference } from '@concerto/domain';
import { fundingChartSvg } from './funding-chart.js';
import {
  type Fact,
  type FigureTable,
  fundingBars,
  fundingTable,
  panoramaFigures,
  poleTable,
  quoteLines,
  recommendationFacts,
  testimonyFacts,
  testimonyFigures,
} from './guide-figures.js';
import { GUIDE_PUBLIC_CSS } from './guide-html-style.js';
import { GUIDE_WORDS, contentHeadingLevel, formatDateTime, guideCover, guideDateLine, inert, referenceFilter, safeHref } from './guide-wording.js';

export { GUIDE_PUBLIC_CSP, GUIDE_PUBLIC_CSS } from './guide-html-style.js';

const PAGE_WORDS = {
  fr: { skip: 'Aller au contenu', published: 'Publié avec Concerto', locale: 'fr_FR' },
  en: { skip: 'Skip to content', published: 'Published with Concerto', locale: 'en_GB' },
} as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** The one way text enters the page: cleaned (`inert`), then every HTML-significant character escaped. */
export const escapeHtml = (text: string) => inert(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

interface Context {
  locale: Locale;
  /** Headings of level 1 and 2, for the table of contents. */
  toc: { id: string; level: number; text: string }[];
  ids: number;
  charts: number;
}

function heading(ctx: Context, level: number, html: string, plain: string): { id: string; html: string } {
  const id = `h-${++ctx.ids}`;
  if (level <= 2) ctx.toc.push({ id, level, text: plain });
  const tag = `h${Math.min(Math.max(level, 1) + 1, 6)}`;
  return { id, html: `<${tag} id="${id}">${html}</${tag}>` };
}

/** Runs as inline HTML: text escaped, line breaks kept, links only to http(s) and mailto addresses, marked external. */
function inline(runs: GuideRun[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text).replace(/\r?\n/g, '<br>');
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      const href = safeHref(run.href);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>` : html;
    })
    .join('');
}
const plainText = (runs: GuideRun[]) => runs.map((r) => r.text).join('');

function figureTable(table: FigureTable): string {
  const cls = table.numeric ? ' class="num"' : '';
  const row = (r: { header: string; cells: string[] }) =>
    `<tr><th scope="row">${escapeHtml(r.header)}</th>${r.cells.map((c) => `<td${cls}>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const head = table.head.map((h, i) => `<th scope="col"${i > 0 ? cls : ''}>${escapeHtml(h)}</th>`).join('');
  return [
    `<div class="table-scroll" role="region" aria-label="${escapeHtml(table.caption)}" tabindex="0"><table>`,
    `<caption>${escapeHtml(table.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${table.rows.map(row).join('')}</tbody>`,
    table.foot ? `<tfoot>${row(table.foot)}</tfoot>` : '',
    `</table></div>`,
  ].join('');
}

const facts = (items: Fact[]) => `<dl class="facts">${items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
const note = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;

function blocks(items: GuideBlock[], ctx: Context, level: number): string {
  return items.map((block) => blockHtml(block, ctx, level)).join('\n');
}

function blockHtml(block: GuideBlock, ctx: Context, level: number): string {
  switch (block.type) {
    case 'heading':
      return heading(ctx, contentHeadingLevel(level, block.level), inline(block.runs), plainText(block.runs)).html;
    case 'paragraph':
      return `<p>${inline(block.runs)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${blocks(item, ctx, level)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocks(block.blocks, ctx, level)}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'table': {
      if (block.rows.length === 0) return '';
      const width = Math.max(1, ...block.rows.map((r) => r.cells.length));
      const cells = (r: (typeof block.rows)[number]) =>
        Array.from({ length: width }, (_, i) => (r.header ? `<th scope="col">${inline(r.cells[i] ?? [])}</th>` : `<td>${inline(r.cells[i] ?? [])}</td>`)).join(
          '',
        );
      const split = block.rows.findIndex((r) => !r.header);
      const headRows = split === -1 ? block.rows : block.rows.slice(0, split);
      const bodyRows = split === -1 ? [] : block.rows.slice(split);
      return [
        '<div class="table-scroll" tabindex="0"><table>',
        headRows.length > 0 ? `<thead>${headRows.map((r) => `<tr>${cells(r)}</tr>`).join('')}</thead>` : '',
        `<tbody>${bodyRows.map((r) => `<tr>${cells(r)}</tr>`).join('')}</tbody>`,
        '</table></div>',
      ].join('');
    }
    case 'reference':
      return reference(block.reference, ctx, level);
  }
}

function reference(ref: ResolvedReference, ctx: Context, level: number): string {
  const { locale } = ctx;
  const w = GUIDE_WORDS[locale];
  const readAt = note(w.readAt(formatDateTime(ref.readAt, locale)));
  const filter = referenceFilter(ref, locale);
  const filtered = filter ? note(filter) : '';
  switch (ref.kind) {
    case 'missing':
      return note(w.missing);
    case 'poles':
      return ref.poles.map((pole) => figureTable(poleTable(pole, locale))).join('') + readAt;
    case 'funding_table': {
      const chart =
        ref.table.rows.length > 0 ? `<figure class="chart">${fundingChartSvg(fundingBars(ref.table, locale), w.chart, `chart-${++ctx.charts}`)}</figure>` : '';
      return figureTable(fundingTable(ref.table, locale)) + chart + readAt;
    }
    case 'panorama': {
      const { tables, lines } = panoramaFigures(ref.panorama, locale);
      return tables.map(figureTable).join('') + lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') + readAt;
    }
    case 'testimonies':
    case 'testimony':
      return (
        filtered +
        ref.testimonies
          .map((t) => {
            const title = heading(ctx, level + 1, escapeHtml(t.title), t.title);
            const figures = testimonyFigures(t, locale);
            const quotes = t.quotes
              .map(quoteLines)
              .map((q) => `<figure class="quote"><blockquote><p>${escapeHtml(q.text)}</p></blockquote><figcaption>${escapeHtml(q.by)}</figcaption></figure>`);
            return `<article class="item testimony" aria-labelledby="${title.id}">${title.html}${facts(testimonyFacts(t, locale))}${blocks(t.story, ctx, level + 1)}${figures ? figureTable(figures) : ''}${quotes.join('')}</article>`;
          })
          .join('\n')
      );
    case 'recommendations':
    case 'recommendation':
      return (
        filtered +
        ref.recommendations
          .map((r) => {
            const title = heading(ctx, level + 1, escapeHtml(r.statement), r.statement);
            return `<article class="item recommendation" aria-labelledby="${title.id}">${title.html}${facts(recommendationFacts(r, locale))}</article>`;
          })
          .join('\n')
      );
    case 'analyses':
    case 'analysis':
      return (
        filtered +
        ref.analyses
          .map((a) => {
            const title = heading(ctx, level + 1, escapeHtml(a.title), a.title);
            return `<section class="analysis" aria-labelledby="${title.id}">${title.html}${blocks(a.blocks, ctx, level + 1)}</section>`;
          })
          .join('\n')
      );
  }
}

function tableOfContents(ctx: Context): string {
  const w = GUIDE_WORDS[ctx.locale];
  const items: string[] = [];
  let open = false;
  for (const entry of ctx.toc) {
    const link = `<a href="#${entry.id}">${escapeHtml(entry.text)}</a>`;
    if (entry.level === 1) {
      if (open) items.push('</ol></li>');
      items.push(`<li>${link}<ol>`);
      open = true;
    } else items.push(`<li>${link}</li>`);
  }
  if (open) items.push('</ol></li>');
  const list = items.join('').replace(/<ol><\/ol>/g, '');
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(w.contents)}</h2><ol>${list}</ol></nav>`;
}

/** A short description for search engines and social previews: the first paragraph, or the guide's spaces and date. */
function description(view: GuideView, locale: Locale): string {
  for (const section of view.sections) {
    const first = section.blocks.find((b): b is Extract<GuideBlock, { type: 'paragraph' }> => b.type === 'paragraph' && plainText(b.runs).trim() !== '');
    if (first) {
      const text = inert(plainText(first.runs)).replace(/\s+/g, ' ').trim();
      return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
    }
  }
  return [GUIDE_WORDS[locale].guide, ...view.spaces.map((s) => s.name), guideDateLine(view, locale)].join(' — ');
}

/**
 * The published guide as one standalone HTML5 page: title, description and social preview (Open Graph, Twitter), a
 * table of contents with anchors, landmarks and ordered headings, tables with captions and header scopes, the
 * funding charts as inline SVG, an inline stylesheet with a print stylesheet, and no script at all. Every piece of
 * user text goes through `escapeHtml`; links only to http(s) and mailto addresses, `rel="noopener noreferrer nofollow"`.
 */
export function guidePublicPage(view: GuideView, locale: Locale, options: { url: string }): string {
  const w = GUIDE_WORDS[locale];
  const p = PAGE_WORDS[locale];
  const ctx: Context = { locale, toc: [], ids: 0, charts: 0 };
  const sections = view.sections
    .map((section) => {
      const title = heading(ctx, 1, escapeHtml(section.title), section.title);
      return `<section aria-labelledby="${title.id}">\n${title.html}\n${blocks(section.blocks, ctx, 1)}\n</section>`;
    })
    .join('\n');
  const cover = guideCover(view, locale);
  const title = escapeHtml(cover.title);
  const summary = escapeHtml(description(view, locale));
  const url = /^https?:\/\//i.test(options.url) ? safeHref(options.url) : null;
  const date = view.frozenAt ?? view.builtAt;
  const dateLine = escapeHtml(cover.date);
  const meta = [
    `<meta name="description" content="${summary}">`,
    url ? `<link rel="canonical" href="${escapeHtml(url)}">` : '',
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${summary}">`,
    url ? `<meta property="og:url" content="${escapeHtml(url)}">` : '',
    `<meta property="og:locale" content="${p.locale}">`,
    `<meta property="og:site_name" content="Concerto">`,
    view.frozenAt ? `<meta property="article:published_time" content="${escapeHtml(view.frozenAt)}">` : '',
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${title}">`,
    `<meta name="twitter:description" content="${summary}">`,
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${meta.join('\n')}
<style>${GUIDE_PUBLIC_CSS}</style>
</head>
<body>
<a class="skip" href="#contenu">${escapeHtml(p.skip)}</a>
<div class="page">
<header class="cover">
<p class="kicker">${escapeHtml(w.guide)}</p>
<h1>${title}</h1>
${cover.spaces ? `<p class="meta">${escapeHtml(cover.spaces)}</p>` : ''}
${cover.version ? `<p class="meta">${escapeHtml(cover.version)}</p>` : ''}
<p class="meta"><time datetime="${escapeHtml(date)}">${dateLine}</time></p>
</header>
${tableOfContents(ctx)}
<main id="contenu" tabindex="-1">
${sections}
</main>
<footer class="colophon"><p>${escapeHtml(p.published)} — ${dateLine}</p></footer>
</div>
</body>
</html>
`;
}
