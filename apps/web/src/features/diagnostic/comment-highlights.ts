import type { CommentAnchor } from '@concerto/domain';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { resolveInEditor } from './comment-anchors';

export interface HighlightedComment {
  id: string;
  anchor: CommentAnchor;
  active: boolean;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

interface HighlightState {
  comments: HighlightedComment[];
  decorations: DecorationSet;
}

function build(state: EditorState, comments: HighlightedComment[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const comment of comments) {
    const range = resolveInEditor(state, comment.anchor);
    if (!range) continue;
    const attrs = { class: comment.active ? 'comment-highlight comment-highlight--active' : 'comment-highlight', 'data-comment-id': comment.id };
    decorations.push(Decoration.inline(range.from, range.to, attrs));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Replaces the highlighted comments of an editor. */
export function setHighlightedComments(tr: Transaction, comments: HighlightedComment[]): Transaction {
  return tr.setMeta(commentHighlightsKey, comments);
}

/**
 * Highlights commented passages with decorations. Local edits map them like any decoration; a remote change
 * (applied by the Yjs binding, whose mapping is then current) resolves the anchors again from Yjs.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ comments: [], decorations: DecorationSet.empty }),
          apply(tr, value, _old, newState) {
            const comments = tr.getMeta(commentHighlightsKey) as HighlightedComment[] | undefined;
            if (comments) return { comments, decorations: build(newState, comments) };
            const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
            if (remote && value.comments.length > 0) return { ...value, decorations: build(newState, value.comments) };
            if (!tr.docChanged) return value;
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
