import { roleAtLeast, type TestimonyStatus, type TestimonyView } from '@concerto/domain';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { Notice } from '../../ui/alert';
import { DataTable } from '../../ui/data-table';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { guideRoutes } from './guide-keys';
import { formatFigureValue, nextTestimonyStatuses } from './guide-model';
import { BackToGuide, GuideItemNotFound, LoadFailure, TestimonyStatusBadge, DeleteGuideItem } from './guide-parts';
import { StatusActions } from './status-actions';
import { useChangeTestimonyStatus, useDeleteTestimony, useTestimony } from './testimonies-api';
import { TestimonyForm } from './testimony-form';
import './guide.css';

// The story's editor and its comments (Tiptap, Yjs) are loaded with the page's story only.
const TestimonyStory = lazy(() => import('./testimony-story').then((m) => ({ default: m.TestimonyStory })));

/** One testimony: its status workflow, its fields (versioned), its key figures as read and its co-edited story. */
export function TestimonyPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  const { testimonyId = '' } = useParams();
  const testimony = useTestimony(space.id, testimonyId);
  useDocumentTitle(testimony.data ? `${testimony.data.title} – ${space.title}` : t('guide.testimonies.title'));
  if (testimony.isPending) return <Loading />;
  if (isApiError(testimony.error, 404)) return <GuideItemNotFound spaceId={space.id} message={t('guide.testimonies.notFound')} />;
  if (!testimony.data) return <LoadFailure error={testimony.error} onRetry={() => void testimony.refetch()} />;
  return <TestimonyDetail key={testimony.data.id} testimony={testimony.data} />;
}

function TestimonyDetail({ testimony }: { testimony: TestimonyView }) {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const remove = useDeleteTestimony(space.id);
  const date = (iso: string) => formatDate(iso, i18n.language);

  return (
    <article className="section guide" aria-labelledby="testimony-title">
      <BackToGuide to={guideRoutes.testimonies(space.id)} label={t('guide.testimonies.title')} />
      <h2 id="testimony-title" className="guide-title">
        {testimony.title} <TestimonyStatusBadge status={testimony.status} />
      </h2>
      <p className="muted">
        {[testimony.pole.name, testimony.territory || testimony.pole.territory].filter(Boolean).join(' – ')}
        {' · '}
        {t('guide.testimonies.createdBy', { name: testimony.createdBy.displayName, date: date(testimony.createdAt) })}
      </p>
      {testimony.source ? (
        <p className="guide-source">
          {t('guide.testimonies.source', { title: testimony.source.sessionTitle })}{' '}
          <Link to={`/seances/${testimony.source.sessionId}`}>{t('guide.testimonies.sourceLink')}</Link>
        </p>
      ) : null}
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      <TestimonyStatusSection testimony={testimony} />
      {testimony.figures.length > 0 ? (
        <DataTable
          caption={t('guide.figures.caption')}
          columns={[
            { key: 'label', header: t('guide.figures.columns.label'), rowHeader: true, cell: (figure) => figure.label },
            {
              key: 'value',
              header: t('guide.figures.columns.value'),
              numeric: true,
              cell: (figure) =>
                figure.kind === 'live'
                  ? t('guide.figures.read', { value: formatFigureValue(figure, i18n.language), date: date(figure.readAt) })
                  : formatFigureValue(figure, i18n.language),
            },
          ]}
          rows={testimony.figures}
          rowKey={(_, index) => String(index)}
        />
      ) : null}
      <section className="section" aria-labelledby="testimony-story-title">
        <h2 id="testimony-story-title">{t('guide.testimonies.story.title')}</h2>
        <Suspense fallback={<Loading />}>
          <TestimonyStory spaceId={space.id} testimony={testimony} canEdit={canEdit} canModerate={space.myRole === 'animateur'} />
        </Suspense>
      </section>
      <TestimonyForm spaceId={space.id} testimony={testimony} poleTerritory={space.pole.territory} readOnly={!canEdit} />
      {canEdit ? (
        <DeleteGuideItem
          id={testimony.id}
          question={t('guide.testimonies.confirmDelete', { title: testimony.title })}
          listPath={guideRoutes.testimonies(space.id)}
          remove={remove}
        />
      ) : null}
    </article>
  );
}

function TestimonyStatusSection({ testimony }: { testimony: TestimonyView }) {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  const change = useChangeTestimonyStatus(space.id, testimony.id);
  const history =
    testimony.statusChangedBy && testimony.statusChangedAt
      ? t('guide.status.lastChange', { name: testimony.statusChangedBy.displayName, date: formatDate(testimony.statusChangedAt, i18n.language) })
      : null;
  return (
    <StatusActions
      labelOf={(status: TestimonyStatus) => t(`vocab.testimonyStatus.${status}`)}
      current={testimony.status}
      version={testimony.version}
      next={nextTestimonyStatuses(testimony.status, space.myRole)}
      history={history}
      canEdit={roleAtLeast(space.myRole, 'contributeur')}
      change={change}
    />
  );
}
