import { guideDocument } from '@concerto/collab';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CollabRefusal } from '../collab/collab-refusal';
import { CollabStatus } from '../collab/collab-status';
import { useCollabDocument } from '../collab/use-collab-document';
import { AddSectionForm } from '../diagnostic/add-section-form';
import { ArchivedSections } from '../diagnostic/archived-sections';
import { sectionAnchorId } from '../diagnostic/section-frame';
import { DiagnosticToc } from '../diagnostic/diagnostic-toc';
import { PresenceList } from '../diagnostic/presence-list';
import { useDiagnosticSections } from '../diagnostic/use-diagnostic-sections';
import { usePresence } from '../diagnostic/use-presence';
import { useSpaceContext } from '../spaces/space-context';
import { GuideDocumentSection } from './guide-document-section';
import { GuideDocumentTools } from './guide-document-tools';
import { guideRoutes } from './guide-keys';
import { BackToGuide } from './guide-parts';
import { LiveReference } from './live-reference-extension';
import { useLiveReferenceInsert } from './live-reference-insert';
import { useLiveReferenceNotices } from './live-reference-notices';
import '../collab/collab-editor.css';
import '../diagnostic/diagnostic.css';
import '../diagnostic/diagnostic-panels.css';
import './guide.css';
import './guide-document.css';

/**
 * « Le guide »: the guide d'appui's document, co-edited like the diagnostic — one Yjs document (`space/<id>/guide`,
 * with its offline copy) of sections, one editor per section mounted when it comes into view, people present, the
 * animateurs' section controls — whose text holds live references; with its downloads, publication and versions.
 */
export function GuideDocumentPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('guide.document.title')} – ${space.title}`);
  const collab = useCollabDocument(guideDocument(space.id));
  const document = collab.document;
  const sections = useDiagnosticSections(document?.doc ?? null);
  const present = usePresence(document);
  const insert = useLiveReferenceInsert(space.id);
  useLiveReferenceNotices(space.id);
  const extensions = useMemo(() => [LiveReference.configure({ spaceId: space.id })], [space.id]);

  const isAnimateur = space.myRole === 'animateur';
  const isObserver = space.myRole === 'observateur';
  const readOnly = isObserver || collab.readOnly;
  const visible = sections.filter((s) => !s.archived);
  const archived = sections.filter((s) => s.archived);
  const focusSection = (id: string) => requestAnimationFrame(() => window.document.getElementById(sectionAnchorId(id))?.scrollIntoView({ block: 'center' }));

  return (
    <section className="section diagnostic guide-document" aria-labelledby="guide-document-title">
      <BackToGuide to={guideRoutes.landing(space.id)} label={t('guide.back')} />
      <h2 id="guide-document-title">{t('guide.document.title')}</h2>
      <p>{t('guide.document.intro')}</p>
      {isObserver ? <Notice>{t('guide.document.readOnly')}</Notice> : null}
      <div className="diagnostic__bar">
        <CollabStatus status={collab.status} readOnly={readOnly} />
        <PresenceList present={present} sections={sections} title={t('guide.document.presence', { count: present.length })} />
      </div>
      {collab.closedCode ? <ErrorAlert>{t('collab.unavailable')}</ErrorAlert> : null}
      <CollabRefusal code={collab.refusedCode} />
      <GuideDocumentTools spaceId={space.id} role={space.myRole} />
      {!document || (sections.length === 0 && collab.status === 'connecting') ? (
        <Loading />
      ) : (
        <div className="diagnostic__layout">
          <DiagnosticToc sections={visible} title={t('guide.document.toc')} />
          <div className="diagnostic__sections">
            {visible.map((section, index) => (
              <GuideDocumentSection
                key={section.id}
                document={document}
                section={section}
                position={{ first: index === 0, last: index === visible.length - 1 }}
                readOnly={readOnly}
                isAnimateur={isAnimateur}
                extensions={extensions}
                actions={insert.actions}
              />
            ))}
            {archived.length > 0 ? <ArchivedSections doc={document.doc} sections={archived} isAnimateur={isAnimateur} /> : null}
            {isAnimateur ? <AddSectionForm doc={document.doc} onAdded={focusSection} addedMessage={(title) => t('guide.document.added', { title })} /> : null}
          </div>
        </div>
      )}
      {readOnly ? null : insert.dialog}
    </section>
  );
}
