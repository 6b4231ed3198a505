import type { CollabDocument, DiagnosticSection } from '@concerto/collab';
import type { AnyExtension } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { sectionAnchorId } from '../diagnostic/diagnostic-section';
import { SectionControls } from '../diagnostic/section-controls';
import { SectionEditor } from '../diagnostic/section-editor';
import { useLazyMount } from '../diagnostic/use-lazy-mount';
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
  const { t } = useTranslation();
  const lazy = useLazyMount<HTMLDivElement>();
  const headingId = `${sectionAnchorId(section.id)}-title`;
  return (
    <section className="diagnostic-section" id={sectionAnchorId(section.id)} aria-labelledby={headingId} tabIndex={-1}>
      <div className="diagnostic-section__header">
        <h3 id={headingId} className="diagnostic-section__title">
          {section.title}
        </h3>
        {isAnimateur ? <SectionControls doc={document.doc} section={section} first={position.first} last={position.last} /> : null}
      </div>
      <div ref={lazy.ref} {...lazy.focusProps} className="diagnostic-section__text">
        {lazy.mounted ? (
          <SectionEditor
            document={document}
            sectionId={section.id}
            labelledBy={headingId}
            title={section.title}
            readOnly={readOnly}
            highlights={[]}
            extraExtensions={extensions}
            extraActions={actions}
          />
        ) : (
          <div className="diagnostic-section__placeholder" style={lazy.height ? { minHeight: lazy.height } : undefined}>
            <Button variant="secondary" onClick={lazy.mount}>
              {readOnly ? t('diagnostic.sections.show') : t('diagnostic.sections.edit')}
              <span className="sr-only"> « {section.title} »</span>
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
