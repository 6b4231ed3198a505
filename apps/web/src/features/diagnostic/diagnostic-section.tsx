import type { CollabDocument, DiagnosticSection } from '@concerto/collab';
import type { CommentAnchor, CommentView, SectionStateView } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { CommentsPanel } from './comments-panel';
import { diagnosticComments } from './diagnostic-api';
import { SectionAssessment } from './section-assessment';
import { SectionControls } from './section-controls';
import { SectionEditor } from './section-editor';
import { useLazyMount } from './use-lazy-mount';

export const sectionAnchorId = (sectionId: string) => `section-${sectionId}`;

interface DiagnosticSectionProps {
  spaceId: string;
  document: CollabDocument;
  section: DiagnosticSection;
  position: { first: boolean; last: boolean };
  readOnly: boolean;
  isAnimateur: boolean;
  canComment: boolean;
  /** Scores and statuses; undefined while the server has not answered (or has no such route yet). */
  state: SectionStateView | undefined;
  assessmentAvailable: boolean;
  comments: CommentView[];
  commentsAvailable: boolean;
}

/** One section: its title and controls, its co-edited text (mounted when near the viewport), scores, comments. */
export function DiagnosticSectionView(props: DiagnosticSectionProps) {
  const { spaceId, document, section, readOnly, isAnimateur, canComment, state, comments } = props;
  const { t } = useTranslation();
  const lazy = useLazyMount<HTMLDivElement>();
  const [panelOpen, setPanelOpen] = useState(false);
  const [pending, setPending] = useState<CommentAnchor | null>(null);
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const headingId = `${sectionAnchorId(section.id)}-title`;
  const threads = comments.flatMap((c) => (c.parentId === null && c.anchor ? [{ ...c, anchor: c.anchor }] : []));
  const openCount = state?.openComments ?? threads.filter((c) => !c.resolvedAt).length;
  const highlights = threads.filter((c) => !c.resolvedAt).map((c) => ({ id: c.id, anchor: c.anchor, active: c.id === activeComment }));

  const startComment = (anchor: CommentAnchor) => {
    setPending(anchor);
    setPanelOpen(true);
  };

  return (
    <section className="diagnostic-section" id={sectionAnchorId(section.id)} aria-labelledby={headingId} tabIndex={-1}>
      <div className="diagnostic-section__header">
        <h3 id={headingId} className="diagnostic-section__title">
          {section.title}
        </h3>
        {isAnimateur ? <SectionControls doc={document.doc} section={section} first={props.position.first} last={props.position.last} /> : null}
      </div>
      <div className={panelOpen ? 'diagnostic-section__body diagnostic-section__body--with-panel' : 'diagnostic-section__body'}>
        <div className="diagnostic-section__main">
          <div ref={lazy.ref} {...lazy.focusProps} className="diagnostic-section__text">
            {lazy.mounted ? (
              <SectionEditor
                document={document}
                sectionId={section.id}
                labelledBy={headingId}
                title={section.title}
                readOnly={readOnly}
                onComment={canComment && props.commentsAvailable ? startComment : undefined}
                highlights={highlights}
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
          {props.assessmentAvailable ? (
            <SectionAssessment spaceId={spaceId} sectionId={section.id} title={section.title} state={state} canEdit={!readOnly} />
          ) : null}
          {props.commentsAvailable ? (
            <p className="diagnostic-section__comments-toggle">
              <Button variant="secondary" aria-expanded={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
                {t('diagnostic.comments.toggle', { count: openCount })}
                <span className="sr-only"> « {section.title} »</span>
              </Button>
            </p>
          ) : null}
        </div>
        {panelOpen ? (
          <CommentsPanel
            target={diagnosticComments(spaceId)}
            doc={document.doc}
            section={section}
            comments={comments}
            canComment={canComment}
            canModerate={isAnimateur}
            pending={pending}
            onPendingDone={() => setPending(null)}
            activeComment={activeComment}
            onActivate={setActiveComment}
            onClose={() => setPanelOpen(false)}
          />
        ) : null}
      </div>
    </section>
  );
}
