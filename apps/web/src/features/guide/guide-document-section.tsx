import type { CollabDocument, DiagnosticSection } from '@concerto/collab';
import type { AnyExtension } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { LazySectionText, SectionFrame } from '../diagnostic/section-frame';
import type { InsertAction } from './live-reference-insert';

interface GuideDocumentSectionProps {
  document: CollabDocument;
  /** A section of the guide: the same shape as the diagnostic's (its `kind` a GuideSectionKind, unused here). */
  section: DiagnosticSection;
  position: { first: boolean; last: boolean };
  readOnly: boolean;
  isAnimateur: boolean;
  extensions: AnyExtension[];
  actions: (editor: Editor) => InsertAction[];
}

/**
 * One section of the guide: its title and the animateurs' controls (the diagnostic's), its co-edited text with live
 * references, mounted when near the viewport. No score, status or comment: those are the diagnostic's.
 */
export function GuideDocumentSection({ document, section, position, readOnly, isAnimateur, extensions, actions }: GuideDocumentSectionProps) {
  return (
    <SectionFrame document={document} section={section} position={position} isAnimateur={isAnimateur}>
      <LazySectionText section={section} document={document} readOnly={readOnly} highlights={[]} extraExtensions={extensions} extraActions={actions} />
    </SectionFrame>
  );
}
