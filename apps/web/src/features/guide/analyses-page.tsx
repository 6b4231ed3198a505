import { roleAtLeast, type AnalysisView } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, Notice, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { useAnalyses, useUpdateAnalysis } from './analyses-api';
import { AnalysisForm } from './analysis-form';
import { scopeLabel } from './analysis-scope';
import { guideRoutes } from './guide-keys';
import { movedPositions } from './guide-model';
import { BackToGuide, LoadFailure } from './guide-parts';
import './guide.css';

/** The analysis chapters in the guide's order (moved up and down by contributeurs), and the creation form. */
export function AnalysesPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  const navigate = useNavigate();
  useDocumentTitle(`${t('guide.analyses.title')} – ${space.title}`);
  const analyses = useAnalyses(space.id);
  const move = useUpdateAnalysis(space.id);
  const [moved, setMoved] = useState<string | null>(null);
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const ordered = [...(analyses.data ?? [])].sort((a, b) => a.position - b.position);

  const moveBy = (index: number, direction: -1 | 1) => {
    setMoved(null);
    const changes = movedPositions(ordered, index, direction);
    const title = ordered[index].title;
    void Promise.all(changes.map(({ id, position }) => move.mutateAsync({ analysisId: id, body: { position } })))
      .then(() => setMoved(t('guide.analyses.moved', { title })))
      .catch(() => undefined);
  };

  return (
    <section className="section guide" aria-labelledby="analyses-title">
      <BackToGuide to={guideRoutes.landing(space.id)} label={t('guide.back')} />
      <h2 id="analyses-title">{t('guide.analyses.title')}</h2>
      <p>{t('guide.analyses.intro')}</p>
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      {analyses.isPending ? <Loading /> : null}
      {analyses.isError ? <LoadFailure error={analyses.error} onRetry={() => void analyses.refetch()} /> : null}
      {analyses.data?.length === 0 ? <p className="empty">{t('guide.analyses.empty')}</p> : null}
      {ordered.length > 0 ? (
        <DataTable<AnalysisView>
          caption={t('guide.analyses.caption')}
          columns={[
            { key: 'position', header: t('guide.analyses.columns.position'), numeric: true, cell: (_, index) => index + 1 },
            {
              key: 'title',
              header: t('guide.analyses.columns.title'),
              rowHeader: true,
              cell: (row) => <Link to={guideRoutes.analysis(space.id, row.id)}>{row.title}</Link>,
            },
            { key: 'scope', header: t('guide.analyses.columns.scope'), cell: (row) => scopeLabel(t, row.scope) },
            canEdit && {
              key: 'actions',
              header: t('guide.analyses.columns.actions'),
              cell: (row, index) => (
                <div className="actions">
                  <Button variant="secondary" disabled={index === 0 || move.isPending} onClick={() => moveBy(index, -1)}>
                    <span aria-hidden="true">↑ </span>
                    <span className="sr-only">{t('guide.analyses.moveUp', { title: row.title })}</span>
                  </Button>
                  <Button variant="secondary" disabled={index === ordered.length - 1 || move.isPending} onClick={() => moveBy(index, 1)}>
                    <span aria-hidden="true">↓ </span>
                    <span className="sr-only">{t('guide.analyses.moveDown', { title: row.title })}</span>
                  </Button>
                </div>
              ),
            },
          ]}
          rows={ordered}
          rowKey={(row) => row.id}
        />
      ) : null}
      {move.isError ? <ErrorAlert>{errorMessage(t, move.error)}</ErrorAlert> : null}
      <StatusMessage>{moved}</StatusMessage>
      {canEdit ? <AnalysisForm spaceId={space.id} onCreated={(analysis) => void navigate(guideRoutes.analysis(space.id, analysis.id))} /> : null}
    </section>
  );
}
