import * as Y from 'yjs';
import { type GuideBlock, type GuideReferenceAttributes, type GuideRun, type ResolvedReference, withoutControlCharacters } from '@concerto/domain';
import { LIVE_REFERENCE, referenceAttributes } from './live-reference.js';
import { textRuns } from './rich-text.js';

/** Resolves the attributes of one liveReference (null: they do not make a valid reference) into its values. */
export type ReferenceResolver = (reference: GuideReferenceAttributes | null) => ResolvedReference;

type Node = Y.XmlElement | Y.XmlText;

/** Deeper nesting than this (lists in quotes in lists…) is flattened: no document can exhaust the stack. */
const MAX_DEPTH = 24;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made inert for every renderer: control characters and bidi overrides removed, lone surrogates replaced. */
export function inertText(text: string): string {
  return withoutControlCharacters(text).replace(LONE_SURROGATE, '\uFFFD');
}

const childrenOf = (node: Y.XmlElement | Y.XmlFragment): Node[] => node.toArray() as Node[];

function runs(node: Node): GuideRun[] {
  if (node instanceof Y.XmlText) {
    return textRuns(node)
      .map((run) => ({ ...run, text: inertText(run.text) }))
      .filter((run) => run.text !== '');
  }
  if (node.nodeName === 'hardBreak') return [{ text: '\n', bold: false, italic: false, href: null }];
  if (node.nodeName === LIVE_REFERENCE) return [];
  return childrenOf(node).flatMap(runs);
}

/** A cell's paragraphs as one run list, separated by line breaks. */
function cellRuns(cell: Y.XmlElement): GuideRun[] {
  const out: GuideRun[] = [];
  childrenOf(cell).forEach((child, i) => {
    if (i > 0) out.push({ text: '\n', bold: false, italic: false, href: null });
    out.push(...runs(child));
  });
  return out;
}

function headingLevel(value: unknown): 1 | 2 | 3 | 4 {
  const n = Number(value);
  return (Number.isInteger(n) ? Math.min(4, Math.max(1, n)) : 2) as 1 | 2 | 3 | 4;
}

function block(node: Node, resolve: ReferenceResolver, depth: number): GuideBlock[] {
  if (node instanceof Y.XmlText) return [{ type: 'paragraph', runs: runs(node) }];
  const deeper = (n: Node) => (depth < MAX_DEPTH ? block(n, resolve, depth + 1) : [{ type: 'paragraph' as const, runs: runs(n) }]);
  switch (node.nodeName) {
    case 'heading':
      return [{ type: 'heading', level: headingLevel(node.getAttribute('level')), runs: runs(node) }];
    case 'bulletList':
    case 'orderedList':
      return [
        {
          type: 'list',
          ordered: node.nodeName === 'orderedList',
          items: childrenOf(node).map((item) =>
            item instanceof Y.XmlElement && item.nodeName === 'listItem' ? childrenOf(item).flatMap(deeper) : deeper(item),
          ),
        },
      ];
    case 'blockquote':
      return [{ type: 'quote', blocks: childrenOf(node).flatMap(deeper) }];
    case 'codeBlock':
      return [
        {
          type: 'code',
          text: inertText(
            childrenOf(node)
              .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
              .join(''),
          ),
        },
      ];
    case 'horizontalRule':
      return [{ type: 'rule' }];
    case 'table':
      return [
        {
          type: 'table',
          rows: childrenOf(node)
            .filter((row): row is Y.XmlElement => row instanceof Y.XmlElement)
            .map((row) => {
              const cells = childrenOf(row).filter((cell): cell is Y.XmlElement => cell instanceof Y.XmlElement);
              return { header: cells.length > 0 && cells.every((cell) => cell.nodeName === 'tableHeader'), cells: cells.map(cellRuns) };
            }),
        },
      ];
    case LIVE_REFERENCE:
      return [{ type: 'reference', reference: resolve(referenceAttributes(node)) }];
    case 'paragraph':
    default:
      return [{ type: 'paragraph', runs: runs(node) }];
  }
}

/**
 * Rich text as the guide's blocks (`GuideBlock`), each liveReference replaced by what `resolve` gives for it: plain
 * runs of inert text (no HTML; renderers escape it), only safe links (`isSafeHref`, through `textRuns`), headings
 * brought within 1–4. Pure: the caller resolves references beforehand (see `referencesIn`).
 */
export function richTextToBlocks(fragment: Y.XmlFragment, resolve: ReferenceResolver): GuideBlock[] {
  return childrenOf(fragment).flatMap((node) => block(node, resolve, 0));
}
