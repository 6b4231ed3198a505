import * as Y from 'yjs';
import {
  ANALYSIS_TEXT,
  CollabErrorCode,
  DocumentKind,
  LIVE_REFERENCE,
  PROJECT_NOTES,
  RICH_TEXT_NODES,
  TESTIMONY_STORY,
  isAllowedMark,
  isAllowedNodeAttribute,
  sectionContentKey,
} from '@concerto/collab';
import type { TypeInfo } from './placement.js';

type Content = Y.Item['content'];

const NODES = new Set<string>(RICH_TEXT_NODES);
const SECTION_PREFIX = sectionContentKey('');

/** Top-level types that hold rich text (XmlFragments edited with Tiptap), per kind of document. */
export function isRichTextRoot(kind: DocumentKind, name: string): boolean {
  switch (kind) {
    case DocumentKind.diagnostic:
    case DocumentKind.guide:
      return name.startsWith(SECTION_PREFIX);
    case DocumentKind.projectNotes:
      return name === PROJECT_NOTES;
    case DocumentKind.testimonyStory:
      return name === TESTIMONY_STORY;
    case DocumentKind.analysisText:
      return name === ANALYSIS_TEXT;
    case DocumentKind.sessionBoard:
      return false;
  }
}

/**
 * Live references (the guide's figures and lists) are written where the guide reads them: in the guide itself and in
 * analyses, which the guide embeds. A diagnostic, project notes or a testimony's story are read elsewhere (their
 * exports, the testimony shown inside a reference, which resolves no reference of its own): none there.
 */
export function allowsLiveReferences(kind: DocumentKind): boolean {
  switch (kind) {
    case DocumentKind.guide:
    case DocumentKind.analysisText:
      return true;
    case DocumentKind.diagnostic:
    case DocumentKind.projectNotes:
    case DocumentKind.testimonyStory:
    case DocumentKind.sessionBoard:
      return false;
  }
}

/** Content refused wherever it goes: a node or mark outside the schema (or a live reference where none may be), a mark's attributes, embeds. */
export function contentViolation(content: Content, kind: DocumentKind): CollabErrorCode | undefined {
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
    const name = content.type.nodeName;
    if (!NODES.has(name) || (name === LIVE_REFERENCE && !allowsLiveReferences(kind))) return CollabErrorCode.invalidContent;
  }
  if (content instanceof Y.ContentFormat && !isAllowedMark(content.key, content.value)) return CollabErrorCode.invalidContent;
  if (content instanceof Y.ContentEmbed) return CollabErrorCode.invalidContent;
  return undefined;
}

/**
 * Content refused where it goes, in rich text only (a board's or a journal's maps and arrays are not concerned):
 * - an attribute (a map entry, `parentSub`) of an XmlElement must be one of its node's attributes with a valid
 *   value, stored as y-tiptap stores it (one JSON value); XmlTexts and fragments have no attributes;
 * - a fragment or element holds XmlElements and XmlTexts; an XmlText holds text and formats.
 */
export function placementViolation(content: Content, parent: TypeInfo, parentSub: string | null, kind: DocumentKind): CollabErrorCode | undefined {
  const rich = parent.kind !== 'other' && (parent.kind !== 'root' || isRichTextRoot(kind, parent.root));
  if (!rich) return undefined;
  if (parentSub !== null) {
    if (parent.kind !== 'element') return CollabErrorCode.invalidContent;
    const value = content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined;
    return value !== undefined && isAllowedNodeAttribute(parent.nodeName ?? '', parentSub, value) ? undefined : CollabErrorCode.invalidContent;
  }
  if (parent.kind === 'text') return content instanceof Y.ContentString || content instanceof Y.ContentFormat ? undefined : CollabErrorCode.invalidContent;
  const child = content instanceof Y.ContentType ? content.type : undefined;
  return child instanceof Y.XmlElement || child instanceof Y.XmlText ? undefined : CollabErrorCode.invalidContent;
}
