import { createHash } from 'node:crypto';

/**
 * The public guide page's stylesheet: readable typography (a measure of about 70 characters, generous leading),
 * tables that scroll on narrow screens, visible focus, and a print stylesheet (A4 margins, one section per page, link
 * addresses printed, nothing interactive). Inlined in the page; exported so it can also be served as a file.
 */
export const GUIDE_PUBLIC_CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --accent: #1f3a5a; --link: #1f5fa0; --fill: #eef2f7; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.0625rem; line-height: 1.6; }
.skip { position: absolute; left: -9999px; top: 0; padding: .5rem 1rem; background: var(--accent); color: #fff; }
.skip:focus { left: 1rem; top: 1rem; z-index: 1; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
.cover { border-bottom: 2px solid var(--accent); padding-bottom: 1.5rem; margin-bottom: 2rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8125rem; color: var(--muted); margin: 0 0 .5rem; }
h1 { font-size: 2.25rem; line-height: 1.2; margin: 0 0 .75rem; color: var(--accent); }
h2 { font-size: 1.625rem; line-height: 1.25; margin: 2.5rem 0 1rem; color: var(--accent); }
h3 { font-size: 1.3125rem; line-height: 1.3; margin: 2rem 0 .75rem; }
h4, h5, h6 { font-size: 1.0625rem; margin: 1.5rem 0 .5rem; }
p, ul, ol, dl, blockquote, pre, figure { margin: 0 0 1rem; }
.meta, .note { color: var(--muted); }
.note { font-size: .9375rem; font-style: italic; }
a { color: var(--link); text-underline-offset: .15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.toc { background: var(--fill); padding: 1rem 1.25rem; border-radius: .5rem; margin-bottom: 2rem; }
.toc h2 { margin-top: 0; font-size: 1.25rem; }
.toc ol { padding-left: 1.25rem; margin: 0; }
.toc ol ol { font-size: .9375rem; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--line); }
figure.quote { border-left: 4px solid var(--line); padding-left: 1rem; margin-left: 0; }
figure.quote blockquote { border: 0; padding: 0; margin: 0 0 .25rem; font-style: italic; }
figure.quote figcaption { color: var(--muted); }
pre { background: var(--fill); padding: .75rem 1rem; overflow-x: auto; border-radius: .375rem; font-size: .9375rem; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
.table-scroll { overflow-x: auto; margin: 0 0 1.25rem; }
table { border-collapse: collapse; width: 100%; font-size: .9375rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--fill); border-bottom: 2px solid var(--accent); }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--accent); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart { margin: 0 0 1.5rem; }
.chart svg { max-width: 100%; height: auto; display: block; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
article.item { border-top: 1px solid var(--line); padding-top: .5rem; }
footer.colophon { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; color: var(--muted); font-size: .875rem; }
@media (max-width: 36rem) { h1 { font-size: 1.75rem; } dl.facts { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 2cm; }
  body { font-size: 11pt; line-height: 1.45; color: #000; }
  .page { max-width: none; padding: 0; }
  .skip { display: none; }
  .toc { background: none; padding: 0; break-after: page; }
  .cover { break-after: page; border: 0; padding-top: 30%; }
  main > section { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  table, figure, blockquote, pre, dl.facts, tr { break-inside: avoid; }
  a { color: #000; }
  main a[href^="http"]::after, main a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
  .table-scroll { overflow: visible; }
  thead { display: table-header-group; }
}
`.trim();

/** The CSP hash of the inline stylesheet, so the page can be served with a policy that allows only that style. */
export const GUIDE_PUBLIC_STYLE_HASH = `'sha256-${createHash('sha256').update(GUIDE_PUBLIC_CSS).digest('base64')}'`;

/**
 * The Content-Security-Policy the public page can be served with: nothing loads or runs but its own stylesheet
 * (no script at all, no external resource, no form, no framing).
 */
export const GUIDE_PUBLIC_CSP = [
  "default-src 'none'",
  `style-src ${GUIDE_PUBLIC_STYLE_HASH}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
