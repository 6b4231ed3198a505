import type { CollabDocument } from '@concerto/collab';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { CommentHighlights } from './comment-highlights';

/** Protocols a link may use; anything else (javascript:, data:…) is refused, typed or pasted. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

export function isAllowedLink(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return (LINK_PROTOCOLS as readonly string[]).includes(parsed.protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

/**
 * The fixed schema of a diagnostic section: paragraphs, headings 2 to 4, bold, italic, bullet and ordered lists,
 * links (http, https, mailto) and tables (plus `extra` nodes, e.g. the guide's live references). Nothing else is registered, so ProseMirror reduces pasted content
 * to these nodes and marks; no raw HTML is ever kept.
 */
export function diagnosticExtensions(options: { document: CollabDocument; field: string; userName: string; extra?: AnyExtension[] }): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      blockquote: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      hardBreak: false,
      link: {
        protocols: [...LINK_PROTOCOLS],
        autolink: false,
        linkOnPaste: true,
        openOnClick: false,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLink(url),
        shouldAutoLink: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Collaboration.configure({ document: options.document.doc, field: options.field }),
    // The server replaces `user` with the authenticated identity (name and colour) for everyone else.
    CollaborationCaret.configure({
      provider: { awareness: options.document.awareness },
      user: { name: options.userName, color: options.document.user?.color ?? '#000091' },
    }),
    // The guide's document (same sections, same schema) adds its live references and has no comments.
    ...(options.extra ?? [CommentHighlights]),
  ];
}
