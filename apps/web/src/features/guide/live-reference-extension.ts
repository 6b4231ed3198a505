import type { GuideReferenceAttributes } from '@concerto/domain';
import { Node, mergeAttributes } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { LiveReferenceView } from './live-reference-view';

export interface LiveReferenceOptions {
  /** The space whose data the references read (`GET /api/spaces/:spaceId/guide/reference`). */
  spaceId: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    liveReference: {
      /** Inserts a live reference as a block where the cursor is (after the selection, if any). */
      insertLiveReference: (attributes: GuideReferenceAttributes) => ReturnType;
    };
  }
}

/** The stored attributes, each kept as a `data-*` attribute in HTML (copy, paste); absent ones are null, so not stored. */
const ATTRIBUTES = ['kind', 'target', 'filter', 'from', 'to'] as const;

const yearOf = (value: string | null) => (value !== null && /^\d{4}$/.test(value) ? Number(value) : null);

/**
 * `liveReference`: an atom block of the guide's rich text (and of an analysis' text) that points at data of the space
 * — the funding table, the panorama, testimonies, recommendations, analyses — rather than holding it. Its node view
 * shows the values as they are now; every output (version, export, public page) resolves it on the server. Parsed
 * from and rendered to `<div data-live-reference data-kind=…>` only: no markup of the values is ever stored.
 */
export const LiveReference = Node.create<LiveReferenceOptions>({
  name: 'liveReference',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { spaceId: '' };
  },

  addAttributes() {
    const text = (name: string) => ({
      default: null,
      parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) || null,
      renderHTML: (attributes: Record<string, unknown>) => (attributes[name] == null ? {} : { [`data-${name}`]: String(attributes[name]) }),
    });
    const year = (name: string) => ({ ...text(name), parseHTML: (element: HTMLElement) => yearOf(element.getAttribute(`data-${name}`)) });
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, name === 'from' || name === 'to' ? year(name) : text(name)]));
  },

  parseHTML() {
    return [{ tag: 'div[data-live-reference]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-live-reference': '' }, HTMLAttributes)];
  },

  addCommands() {
    return {
      insertLiveReference:
        (attributes) =>
        ({ commands, state }) =>
          // After the selection, never over it: a just-inserted reference is selected, and selected text is kept.
          commands.insertContentAt(state.selection.to, { type: this.name, attrs: { ...attributes } }),
    };
  },

  addNodeView() {
    return ReactNodeViewRenderer(LiveReferenceView);
  },
});
