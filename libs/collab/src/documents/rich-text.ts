import * as Y from 'yjs';
import { escapeMarkdown } from '@concerto/domain';

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
] as const;
export const RICH_TEXT_MARKS = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;

/** Links may only lead to web pages or e-mail addresses. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= 2000 && /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href.trim());
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
      return { text: d.insert, bold: Boolean(d.attributes?.bold), italic: Boolean(d.attributes?.italic), href: isSafeHref(link?.href) ? link!.href as string : null };
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
          const [first = '', ...rest] = (item instanceof Y.XmlElement ? (item.toArray() as (Y.XmlElement | Y.XmlText)[]) : [item]).map((c) => blockMarkdown(c, depth + 1));
          return `${indent}${node.nodeName === 'orderedList' ? `${i + 1}.` : '-'} ${first}${rest.map((r) => `\n${r}`).join('')}`;
        })
        .join('\n');
    case 'blockquote':
      return children()
        .map((c) => `> ${blockMarkdown(c, depth)}`)
        .join('\n>\n');
    case 'horizontalRule':
      return '---';
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
