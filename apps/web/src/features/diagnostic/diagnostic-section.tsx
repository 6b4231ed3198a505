import type { CollabDocument, DiagnosticSection } from '@concerto/collab';
import type { CommentAnchor, CommentView, SectionStateView } from '@concerto/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { CommentsPanel } from './comments-panel';
import { useLinkedComment } from './use-linked-comment';
import { diagnosticComments } from './diagnostic-api';
import { SectionAssessment } from './section-assessment';
import { LazySectionText, SectionFrame } from './section-frame';

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
  const [panelOpen, setPanelOpen] = useState(false);
  const [pending, setPending] = useState<CommentAnchor | null>(null);
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const threads = comments.flatMap((c) => (c.parentId === null && c.anchor ? [{ ...c, anchor: c.anchor }] : []));
  const openCount = state?.openComments ?? threads.filter((c) => !c.resolvedAt).length;
  const highlights = threads.filter((c) => !c.resolvedAt).map((c) => ({ id: c.id, anchor: c.anchor, active: c.id === activeComment }));
  // A link to one of this section's comments (a notification) opens the panel on its thread.
  const linked = useLinkedComment(comments);
  useEffect(() => {
    if (!linked) return;
    setPanelOpen(true);
    setActiveComment(linked);
  }, [linked]);

  const startComment = (anchor: CommentAnchor) => {
    setPending(anchor);
    setPanelOpen(true);
  };

  return (
    <SectionFrame document={document} section={section} position={props.position} isAnimateur={isAnimateur}>
      <div className={panelOpen ? 'diagnostic-section__body diagnostic-section__body--with-panel' : 'diagnostic-section__body'}>
        <div className="diagnostic-section__main">
          <LazySectionText
            section={section}
            document={document}
            readOnly={readOnly}
            onComment={canComment && props.commentsAvailable ? startComment : undefined}
            highlights={highlights}
          />
          {props.assessmentAvailable ? (
            <SectionAssessment spaceId={spaceId} sectionId={section.id} title={section.title} state={state} canEdit={!readOnly} />
          ) : null}
          {props.commentsAvailable ? (
            <p className="diagnostic-section__comments-toggle">
              <Button variant="secondary" aria-expanded={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
                {t('diagnostic.comments.toggle', { count: openCount })}
                <span className="sr-only"> {t('quoted', { text: section.title })}</span>
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
    </SectionFrame>
  );
}
