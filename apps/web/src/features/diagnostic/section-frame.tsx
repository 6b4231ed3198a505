import type { CollabDocument, DiagnosticSection } from '@concerto/collab';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { SectionControls } from './section-controls';
import { SectionEditor, type SectionEditorProps } from './section-editor';
import { useLazyMount } from './use-lazy-mount';

/** The anchor of a section in the page (`#section-<id>`), which links and the table of contents point at. */
export const sectionAnchorId = (sectionId: string) => `section-${sectionId}`;
const sectionHeadingId = (sectionId: string) => `${sectionAnchorId(sectionId)}-title`;

interface SectionFrameProps {
  document: CollabDocument;
  /** A section of a sectioned document (the diagnostic's, or the guide's of the same shape). */
  section: DiagnosticSection;
  position: { first: boolean; last: boolean };
  isAnimateur: boolean;
  children: ReactNode;
}

/**
 * One section of a co-edited document of sections (the diagnostic, the guide d'appui): its anchor, its title with
 * the animateurs' controls (rename, move, archive), then what the document shows of it.
 */
export function SectionFrame({ document, section, position, isAnimateur, children }: SectionFrameProps) {
  const headingId = sectionHeadingId(section.id);
  return (
    <section className="diagnostic-section" id={sectionAnchorId(section.id)} aria-labelledby={headingId} tabIndex={-1}>
      <div className="diagnostic-section__header">
        <h3 id={headingId} className="diagnostic-section__title">
          {section.title}
        </h3>
        {isAnimateur ? <SectionControls doc={document.doc} section={section} first={position.first} last={position.last} /> : null}
      </div>
      {children}
    </section>
  );
}

type LazySectionTextProps = Omit<SectionEditorProps, 'sectionId' | 'labelledBy' | 'title'> & { section: DiagnosticSection };

/** A section's co-edited text, its editor mounted when it comes near the viewport (or at once with its button). */
export function LazySectionText({ section, ...editor }: LazySectionTextProps) {
  const { t } = useTranslation();
  const lazy = useLazyMount<HTMLDivElement>();
  return (
    <div ref={lazy.ref} {...lazy.focusProps} className="diagnostic-section__text">
      {lazy.mounted ? (
        <SectionEditor {...editor} sectionId={section.id} labelledBy={sectionHeadingId(section.id)} title={section.title} />
      ) : (
        <div className="diagnostic-section__placeholder" style={lazy.height ? { minHeight: lazy.height } : undefined}>
          <Button variant="secondary" onClick={lazy.mount}>
            {editor.readOnly ? t('diagnostic.sections.show') : t('diagnostic.sections.edit')}
            <span className="sr-only"> {t('quoted', { text: section.title })}</span>
          </Button>
        </div>
      )}
    </div>
  );
}
