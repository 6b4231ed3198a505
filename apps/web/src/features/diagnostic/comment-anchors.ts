import type { CommentAnchor } from '@concerto/domain';
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditorState } from '@tiptap/pm/state';
import * as Y from 'yjs';

/**
 * A comment is anchored with Yjs relative positions of the start and end of its passage in the section's
 * XmlFragment (base64 of `Y.encodeRelativePosition`): they follow the text as others edit it.
 */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function decode(text: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(text));
  } catch {
    return null;
  }
}

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

function syncStateOf(state: EditorState): SyncState | null {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined;
  return ystate?.binding ? ystate : null;
}

/** The anchor of the editor's current selection, or null when nothing is selected. */
export function anchorOfSelection(editor: Editor): CommentAnchor | null {
  const { from, to, empty } = editor.state.selection;
  const ystate = syncStateOf(editor.state);
  if (empty || !ystate?.binding) return null;
  const quote = editor.state.doc.textBetween(from, to, ' ').trim().slice(0, 500);
  if (!quote) return null;
  // y-prosemirror ties a position to the character before it; the start of a passage must stick to its
  // first character instead, so that text typed just before the passage stays out of it.
  const startBefore = absolutePositionToRelativePosition(from, ystate.type, ystate.binding.mapping) as Y.RelativePosition;
  const startAt = Y.createAbsolutePositionFromRelativePosition(startBefore, ystate.doc);
  const start = startAt ? Y.createRelativePositionFromTypeIndex(startAt.type, startAt.index, 0) : startBefore;
  const end = absolutePositionToRelativePosition(to, ystate.type, ystate.binding.mapping) as Y.RelativePosition;
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)), quote };
}

/** Where an anchor stands in the editor now, or null when its passage was deleted (or is elsewhere). */
export function resolveInEditor(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
  const ystate = syncStateOf(state);
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (!ystate?.binding || !start || !end) return null;
  const from = relativePositionToAbsolutePosition(ystate.doc, ystate.type, start, ystate.binding.mapping);
  const to = relativePositionToAbsolutePosition(ystate.doc, ystate.type, end, ystate.binding.mapping);
  if (from === null || to === null || to <= from) return null;
  return { from, to: Math.min(to, state.doc.content.size) };
}

/**
 * Whether the passage of an anchor still exists in the document, checked on the Yjs document alone (the
 * section's editor may not be mounted): both ends resolve, and they are not collapsed onto one point.
 */
export function anchorStillThere(doc: Y.Doc, anchor: CommentAnchor): boolean {
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (!start || !end) return false;
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to) return false;
  const deleted = (type: Y.AbstractType<unknown>) => type._item?.deleted === true;
  if (deleted(from.type) && deleted(to.type)) return false;
  return !(from.type === to.type && from.index >= to.index);
}
