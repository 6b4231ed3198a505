import { ANALYSIS_TEXT } from '@concerto/collab';
import { roleAtLeast } from '@concerto/domain';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Notice } from '../../ui/alert';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { useAnalyses, useDeleteAnalysis } from './analyses-api';
import { AnalysisForm } from './analysis-form';
import { scopeLabel } from './analysis-scope';
import { guideRoutes } from './guide-keys';
import { BackToGuide, GuideItemNotFound, LoadFailure, DeleteGuideItem } from './guide-parts';
import './guide.css';

// The editor (Tiptap, Yjs) with live references is loaded only when the page shows the text.
const AnalysisTextEditor = lazy(() => import('./analysis-text-editor').then((m) => ({ default: m.AnalysisTextEditor })));

/** One analysis chapter: its subject and its co-edited text; contributeurs change its title and subject below it. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  const { analysisId = '' } = useParams();
  // The API lists the chapters only; the list is small and already cached by the analyses page.
  const analyses = useAnalyses(space.id);
  const analysis = analyses.data?.find((a) => a.id === analysisId);
  const remove = useDeleteAnalysis(space.id);
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  useDocumentTitle(analysis ? `${analysis.title} – ${space.title}` : t('guide.analyses.title'));

  if (analyses.isPending) return <Loading />;
  if (!analyses.data) return <LoadFailure error={analyses.error} onRetry={() => void analyses.refetch()} />;
  if (!analysis) return <GuideItemNotFound spaceId={space.id} message={t('guide.analyses.notFound')} />;
  return (
    <article className="section guide" aria-labelledby="analysis-title">
      <BackToGuide to={guideRoutes.analyses(space.id)} label={t('guide.analyses.title')} />
      <h2 id="analysis-title">{analysis.title}</h2>
      <p className="muted">{scopeLabel(t, analysis.scope)}</p>
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      <Suspense fallback={<Loading />}>
        <AnalysisTextEditor
          spaceId={space.id}
          documentName={analysis.document}
          field={ANALYSIS_TEXT}
          label={t('guide.analyses.text.label')}
          hint={canEdit ? t('guide.analyses.text.hint') : t('guide.analyses.text.readOnly')}
          readOnly={!canEdit}
        />
      </Suspense>
      {canEdit ? <AnalysisForm key={analysis.id} spaceId={space.id} analysis={analysis} /> : null}
      {canEdit ? (
        <DeleteGuideItem
          id={analysis.id}
          question={t('guide.analyses.confirmDelete', { title: analysis.title })}
          listPath={guideRoutes.analyses(space.id)}
          remove={remove}
        />
      ) : null}
    </article>
  );
}
