import { diagnosticDocument } from '@concerto/collab';
import type { CommentView, SectionStateView } from '@concerto/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useComments } from './comments-api';
import { diagnosticComments, useDiagnosticSettings, useSectionStates } from './diagnostic-api';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CollabStatus } from '../collab/collab-status';
import { useCollabDocument } from '../collab/use-collab-document';
import { useSpaceContext } from '../spaces/space-context';
import { AddSectionForm } from './add-section-form';
import { ArchivedSections } from './archived-sections';
import { DiagnosticSectionView } from './diagnostic-section';
import { sectionAnchorId } from './section-frame';
import { DiagnosticToc } from './diagnostic-toc';
import { DiagnosticTools } from './diagnostic-tools';
import { PresenceList } from './presence-list';
import { useDiagnosticSections } from './use-diagnostic-sections';
import { usePresence } from './use-presence';
import { useScrollToHash } from './use-scroll-to-hash';
import '../collab/collab-editor.css';
import './diagnostic.css';
import './diagnostic-panels.css';
import { CollabRefusal } from '../collab/collab-refusal';

/**
 * The co-edited territorial diagnostic of a space: one Yjs document (`space/<id>/diagnostic`, with its offline
 * copy) for all sections, one editor per section mounted when it comes into view, people present, scores,
 * comments and versions.
 */
export function DiagnosticTab() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('diagnostic.title')} – ${space.title}`);
  const collab = useCollabDocument(diagnosticDocument(space.id));
  const document = collab.document;
  const sections = useDiagnosticSections(document?.doc ?? null);
  const present = usePresence(document);
  const states = useSectionStates(space.id);
  const settings = useDiagnosticSettings(space.id);
  const comments = useComments(diagnosticComments(space.id));

  const isAnimateur = space.myRole === 'animateur';
  const isObserver = space.myRole === 'observateur';
  const readOnly = isObserver || collab.readOnly;
  const canComment = !isObserver || settings.data?.observersCanComment === true;
  const stateMap = useMemo(() => new Map<string, SectionStateView>((states.data ?? []).map((s) => [s.sectionId, s])), [states.data]);
  const commentsBySection = useMemo(() => {
    const map = new Map<string, CommentView[]>();
    for (const comment of comments.data ?? []) map.set(comment.sectionId, [...(map.get(comment.sectionId) ?? []), comment]);
    return map;
  }, [comments.data]);
  const visible = sections.filter((s) => !s.archived);
  const archived = sections.filter((s) => s.archived);
  useScrollToHash(visible.length > 0);

  const focusSection = (id: string) => requestAnimationFrame(() => window.document.getElementById(sectionAnchorId(id))?.scrollIntoView({ block: 'center' }));

  return (
    <section className="section diagnostic" aria-labelledby="diagnostic-title">
      <h2 id="diagnostic-title">{t('diagnostic.title')}</h2>
      <p>{t('diagnostic.intro')}</p>
      {isObserver ? <Notice>{canComment ? t('diagnostic.readOnlyCanComment') : t('diagnostic.readOnly')}</Notice> : null}
      <div className="diagnostic__bar">
        <CollabStatus status={collab.status} readOnly={readOnly} />
        <PresenceList present={present} sections={sections} />
      </div>
      {collab.closedCode ? <ErrorAlert>{t('collab.unavailable')}</ErrorAlert> : null}
      <CollabRefusal code={collab.refusedCode} />
      <DiagnosticTools spaceId={space.id} role={space.myRole} settings={settings.data} />
      {!document || (sections.length === 0 && collab.status === 'connecting') ? (
        <Loading />
      ) : (
        <div className="diagnostic__layout">
          <DiagnosticToc sections={visible} states={stateMap} />
          <div className="diagnostic__sections">
            {visible.map((section, index) => (
              <DiagnosticSectionView
                key={section.id}
                spaceId={space.id}
                document={document}
                section={section}
                position={{ first: index === 0, last: index === visible.length - 1 }}
                readOnly={readOnly}
                isAnimateur={isAnimateur}
                canComment={canComment}
                state={stateMap.get(section.id)}
                assessmentAvailable={states.isSuccess}
                comments={commentsBySection.get(section.id) ?? []}
                commentsAvailable={comments.isSuccess}
              />
            ))}
            {archived.length > 0 ? <ArchivedSections doc={document.doc} sections={archived} isAnimateur={isAnimateur} /> : null}
            {isAnimateur ? <AddSectionForm doc={document.doc} onAdded={focusSection} /> : null}
          </div>
        </div>
      )}
    </section>
  );
}
