import * as Y from 'yjs';
import { escapeMarkdown } from '@concerto/domain';
import { LIVE_REFERENCE_CHECKS, describeReference, referenceAttributes } from './live-reference.js';

/**
 * The fixed rich-text schema of co-edited text (Tiptap on the client, the same names in the Yjs document):
 * what the server accepts, exports and renders. No raw HTML exists in it.
 */
export const RICH_TEXT_NODES = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  /** An atom block pointing at live values (the guide, analyses): see `live-reference.ts`; allowed per kind of document. */
  'liveReference',
] as const;
export const RICH_TEXT_MARKS = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;
export type RichTextNode = (typeof RICH_TEXT_NODES)[number];
export type RichTextMark = (typeof RICH_TEXT_MARKS)[number];

/** Links may only lead to web pages or e-mail addresses. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= 2000 && /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href.trim());
}

/** Whether a value is acceptable for one attribute. */
export type AttributeCheck = (value: unknown) => boolean;

/** Control characters other than tab and line breaks (C0 and DEL). */
const hasControl = (v: string) => [...v].some((c) => (c < ' ' && c !== '\t' && c !== '\n' && c !== '\r') || c === '\u007f');
const integerIn =
  (min: number, max: number): AttributeCheck =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf =
  (...values: unknown[]): AttributeCheck =>
  (v) =>
    values.includes(v);
/** One word (an HTML class token, a code language): no spaces or control characters. */
const token =
  (max: number): AttributeCheck =>
  (v) =>
    typeof v === 'string' && v.length > 0 && v.length <= max && !/\s/.test(v) && !hasControl(v);
/**
 * An HTML attribute Tiptap copied from pasted HTML: Tiptap's default parsing (`fromString` in @tiptap/core) turns
 * "42" into 42 and "true" into true, so numbers and booleans are what legitimate pastes give too.
 */
const htmlValue =
  (max: number): AttributeCheck =>
  (v) =>
    v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= max && !hasControl(v));

/** Most columns one table cell may span; widths are CSS pixels. */
const MAX_SPAN = 1000;
const MAX_COLUMN_WIDTH = 100_000;
/**
 * prosemirror-tables' column widths: one entry per spanned column, 0 for "unknown" (`addColSpan`); a dragged width
 * is `startWidth + clientX offset`, which may be fractional, hence finite numbers rather than integers.
 */
const columnWidths: AttributeCheck = (v) =>
  v === null ||
  (Array.isArray(v) && v.length >= 1 && v.length <= MAX_SPAN && v.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= MAX_COLUMN_WIDTH));

const TABLE_CELL: Readonly<Record<string, AttributeCheck>> = {
  colspan: integerIn(1, MAX_SPAN),
  rowspan: integerIn(1, MAX_SPAN),
  colwidth: columnWidths,
  align: oneOf('left', 'right', 'center'),
};

/**
 * The attributes each node may carry, as Tiptap 3.31 (`addAttributes` of each extension) gives them and
 * @tiptap/y-tiptap stores them: `Y.XmlElement.setAttribute(name, value)` for every attribute whose value is not
 * null (a null attribute is removed, never stored). Nodes absent from this table have no attribute at all.
 * - heading `level`: 1–6 (StarterKit's default levels; the diagnostic editor uses 2–4). Also the strings "1"–"6",
 *   which documents written through the plain Yjs API (`setAttribute` is typed with strings) hold.
 * - orderedList `start` (input rule `+match[1]`, `parseInt` of pasted HTML, Markdown) and `type` (the HTML `type`
 *   of `<ol>`: 1, a, A, i, I; Tiptap also maps CSS list-style-type and Markdown markers to these).
 * - codeBlock `language`: a class suffix of pasted HTML (`language-…`) or a Markdown fence's language.
 * - tableCell / tableHeader: `colspan`, `rowspan`, `colwidth` (prosemirror-tables), `align` (Tiptap ≥ 3.2x).
 * - liveReference: `kind`, `target`, `filter`, `from`, `to`, each checked as `GuideReferenceAttributes` checks it (a year
 *   also as its four digits in a string).
 * Tiptap's only global attribute, `dir` (TextDirection), exists only when the editor sets `textDirection`; ours don't.
 */
export const RICH_TEXT_NODE_ATTRIBUTES: { readonly [N in RichTextNode]: Readonly<Record<string, AttributeCheck>> } = {
  paragraph: {},
  heading: { level: (v) => integerIn(1, 6)(v) || (typeof v === 'string' && /^[1-6]$/.test(v)) },
  bulletList: {},
  orderedList: { start: (v) => Number.isSafeInteger(v), type: oneOf('1', 'a', 'A', 'i', 'I') },
  listItem: {},
  blockquote: {},
  codeBlock: { language: token(64) },
  hardBreak: {},
  horizontalRule: {},
  table: {},
  tableRow: {},
  tableHeader: TABLE_CELL,
  tableCell: TABLE_CELL,
  liveReference: LIVE_REFERENCE_CHECKS,
};

/**
 * The attributes of each mark. y-tiptap stores a mark as a format of the Y.XmlText whose key is the mark's name
 * and whose value is the mark's whole `attrs` object, defaults included (so `{}` for bold, and for a link
 * `{ href, target, rel, class, title }` with nulls), or null where the mark ends. It would suffix the key with
 * `--<hash>` for a mark that may overlap itself (`excludes` not containing it); none of these does (ProseMirror's
 * default excludes the mark itself; `code` excludes every mark), so keys are exactly the mark names.
 */
export const RICH_TEXT_MARK_ATTRIBUTES: { readonly [M in RichTextMark]: Readonly<Record<string, AttributeCheck>> } = {
  bold: {},
  italic: {},
  underline: {},
  strike: {},
  code: {},
  link: { href: isSafeHref, target: htmlValue(100), rel: htmlValue(200), class: htmlValue(200), title: htmlValue(1000) },
};
/** Attributes a mark's value must hold (a link without a safe href is refused). */
const REQUIRED_MARK_ATTRIBUTES: Partial<Record<RichTextMark, string>> = { link: 'href' };

const isNode = (name: string): name is RichTextNode => Object.hasOwn(RICH_TEXT_NODE_ATTRIBUTES, name);
const isMark = (name: string): name is RichTextMark => Object.hasOwn(RICH_TEXT_MARK_ATTRIBUTES, name);

/** Whether `node` may carry the attribute `name` with this value (own keys only: `constructor` is no attribute). */
export function isAllowedNodeAttribute(node: string, name: string, value: unknown): boolean {
  if (!isNode(node)) return false;
  const checks = RICH_TEXT_NODE_ATTRIBUTES[node];
  return Object.hasOwn(checks, name) && checks[name](value);
}

/**
 * Whether a format `{ [mark]: value }` of rich text is allowed: a known mark whose value is null (the mark ends),
 * an object of its attributes, or `true` for a mark without required attributes (plain Yjs text formatting).
 */
export function isAllowedMark(mark: string, value: unknown): boolean {
  if (!isMark(mark)) return false;
  if (value === null) return true;
  const required = REQUIRED_MARK_ATTRIBUTES[mark];
  if (value === true) return required === undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const attributes = value as Record<string, unknown>;
  const checks = RICH_TEXT_MARK_ATTRIBUTES[mark];
  if (required !== undefined && !Object.hasOwn(attributes, required)) return false;
  return Object.keys(attributes).every((name) => Object.hasOwn(checks, name) && checks[name](attributes[name]));
}

/** Inline content of a text node: runs of text with their marks. */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Only a safe href survives; anything else is plain text. */
  href: string | null;
}

export function textRuns(text: Y.XmlText): TextRun[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta
    .filter((d): d is { insert: string; attributes?: Record<string, unknown> } => typeof d.insert === 'string')
    .map((d) => {
      const link = d.attributes?.link as { href?: unknown } | undefined;
      return {
        text: d.insert,
        bold: Boolean(d.attributes?.bold),
        italic: Boolean(d.attributes?.italic),
        href: isSafeHref(link?.href) ? (link!.href as string) : null,
      };
    });
}

function inlineMarkdown(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return textRuns(node)
      .map((run) => {
        let out = escapeMarkdown(run.text);
        if (!out.trim()) return out;
        if (run.bold) out = `**${out}**`;
        if (run.italic) out = `*${out}*`;
        if (run.href) out = `[${out}](${run.href.replace(/[()]/g, (c) => encodeURIComponent(c))})`;
        return out;
      })
      .join('');
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement && child.nodeName === 'hardBreak' ? '  \n' : inlineMarkdown(child as Y.XmlElement | Y.XmlText)))
    .join('');
}

function blockMarkdown(node: Y.XmlElement | Y.XmlText, depth: number): string {
  if (node instanceof Y.XmlText) return inlineMarkdown(node);
  const children = () => node.toArray() as (Y.XmlElement | Y.XmlText)[];
  const indent = '  '.repeat(depth);
  switch (node.nodeName) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 2) + 1);
      return `${'#'.repeat(level)} ${inlineMarkdown(node)}`;
    }
    case 'bulletList':
    case 'orderedList':
      return children()
        .map((item, i) => {
          const [first = '', ...rest] = (item instanceof Y.XmlElement ? (item.toArray() as (Y.XmlElement | Y.XmlText)[]) : [item]).map((c) =>
            blockMarkdown(c, depth + 1),
          );
          return `${indent}${node.nodeName === 'orderedList' ? `${i + 1}.` : '-'} ${first}${rest.map((r) => `\n${r}`).join('')}`;
        })
        .join('\n');
    case 'blockquote':
      return children()
        .map((c) => `> ${blockMarkdown(c, depth)}`)
        .join('\n>\n');
    case 'horizontalRule':
      return '---';
    case 'liveReference':
      return `*[${escapeMarkdown(describeReference(referenceAttributes(node), 'fr'))}]*`;
    case 'table': {
      const rows = children().map((row) =>
        (row instanceof Y.XmlElement ? (row.toArray() as Y.XmlElement[]) : []).map((cell) => inlineMarkdown(cell).replace(/\n+/g, ' ')),
      );
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return [line(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
    }
    case 'paragraph':
    default:
      return inlineMarkdown(node);
  }
}

/** The rich text as Markdown; user text is escaped, unsafe links dropped: the result is inert. */
export function richTextToMarkdown(fragment: Y.XmlFragment): string {
  return (fragment.toArray() as (Y.XmlElement | Y.XmlText)[])
    .map((node) => blockMarkdown(node, 0))
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}
