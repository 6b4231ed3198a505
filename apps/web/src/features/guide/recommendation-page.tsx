import { roleAtLeast, type RecommendationStatus, type RecommendationView } from '@concerto/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { Notice } from '../../ui/alert';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { sectionAnchorId } from '../diagnostic/section-frame';
import { useSpaceContext } from '../spaces/space-context';
import { guideRoutes } from './guide-keys';
import { nextRecommendationStatuses } from './guide-model';
import { BackToGuide, GuideItemNotFound, LoadFailure, RecommendationStatusBadge, DeleteGuideItem } from './guide-parts';
import { RecommendationForm } from './recommendation-form';
import { useChangeRecommendationStatus, useDeleteRecommendation, useRecommendation } from './recommendations-api';
import { StatusActions } from './status-actions';
import './guide.css';

/** One recommendation: what it says and rests on, where it comes from, its votes, its status and (for contributeurs) its form. */
export function RecommendationPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  const { recommendationId = '' } = useParams();
  const recommendation = useRecommendation(space.id, recommendationId);
  useDocumentTitle(recommendation.data ? `${recommendation.data.statement} – ${space.title}` : t('guide.recommendations.title'));
  if (recommendation.isPending) return <Loading />;
  if (isApiError(recommendation.error, 404)) return <GuideItemNotFound spaceId={space.id} message={t('guide.recommendations.notFound')} />;
  if (!recommendation.data) return <LoadFailure error={recommendation.error} onRetry={() => void recommendation.refetch()} />;
  return <RecommendationDetail key={recommendation.data.id} recommendation={recommendation.data} />;
}

function RecommendationDetail({ recommendation }: { recommendation: RecommendationView }) {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const remove = useDeleteRecommendation(space.id);
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : t('guide.none'));

  return (
    <article className="section guide" aria-labelledby="recommendation-title">
      <BackToGuide to={guideRoutes.recommendations(space.id)} label={t('guide.recommendations.title')} />
      <h2 id="recommendation-title" className="guide-title">
        {recommendation.statement} <RecommendationStatusBadge status={recommendation.status} />
      </h2>
      <p className="muted">
        {t('guide.recommendations.origin', { origin: t(`vocab.recommendationOrigin.${recommendation.origin.kind}`) })}
        {recommendation.origin.label ? ` — ${recommendation.origin.label}` : ''}
        {recommendation.origin.sessionId ? (
          <>
            {' '}
            <Link to={`/seances/${recommendation.origin.sessionId}`}>{t('guide.recommendations.votes.session')}</Link>
          </>
        ) : null}
      </p>
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      {recommendation.rationale ? <p className="guide-rationale">{recommendation.rationale}</p> : null}
      <dl className="guide-facts">
        <div>
          <dt>{t('guide.recommendations.fields.levers')}</dt>
          <dd>{list(recommendation.levers.map((lever) => t(`vocab.lever.${lever}`)))}</dd>
        </div>
        <div>
          <dt>{t('guide.recommendations.fields.stages')}</dt>
          <dd>{list(recommendation.stages.map((stage) => t(`vocab.supportStage.${stage}`)))}</dd>
        </div>
        <div>
          <dt>{t('guide.recommendations.fields.levels')}</dt>
          <dd>{list(recommendation.levels.map((level) => t(`vocab.funderLevel.${level}`)))}</dd>
        </div>
        <div>
          <dt>{t('guide.recommendations.fields.testimonies')}</dt>
          <dd>
            <LinkedItems
              items={recommendation.testimonies.map((testimony) => ({
                key: testimony.id,
                content: <Link to={guideRoutes.testimony(space.id, testimony.id)}>{testimony.title}</Link>,
              }))}
            />
          </dd>
        </div>
        <div>
          <dt>{t('guide.recommendations.supportSections')}</dt>
          <dd>
            <LinkedItems
              items={recommendation.sections.map((section) => ({
                key: section.id,
                content:
                  section.title === null ? (
                    t('guide.recommendations.fields.sectionRemoved', { id: section.id })
                  ) : (
                    <Link to={`/espaces/${space.id}/diagnostic#${sectionAnchorId(section.id)}`}>{section.title}</Link>
                  ),
              }))}
            />
          </dd>
        </div>
      </dl>
      <RecommendationStatusSection recommendation={recommendation} />
      <section className="section" aria-labelledby="recommendation-votes">
        <h2 id="recommendation-votes">{t('guide.recommendations.votes.title')}</h2>
        {recommendation.votes.length === 0 ? (
          <p className="empty">{t('guide.recommendations.votes.none')}</p>
        ) : (
          <ul>
            {recommendation.votes.map((vote) => (
              <li key={vote.voteId}>
                <Link to={`/seances/${vote.sessionId}`}>{vote.title}</Link> —{' '}
                {vote.closed ? (vote.result ?? t('guide.none')) : t('guide.recommendations.votes.open')}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canEdit ? <RecommendationForm spaceId={space.id} recommendation={recommendation} /> : null}
      {canEdit ? (
        <DeleteGuideItem
          id={recommendation.id}
          question={t('guide.recommendations.confirmDelete', { title: recommendation.statement })}
          listPath={guideRoutes.recommendations(space.id)}
          remove={remove}
        />
      ) : null}
    </article>
  );
}

function RecommendationStatusSection({ recommendation }: { recommendation: RecommendationView }) {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  const change = useChangeRecommendationStatus(space.id, recommendation.id);
  const history =
    recommendation.decidedBy && recommendation.decidedAt
      ? t('guide.status.decided', { name: recommendation.decidedBy.displayName, date: formatDate(recommendation.decidedAt, i18n.language) })
      : null;
  return (
    <StatusActions
      labelOf={(status: RecommendationStatus) => t(`vocab.recommendationStatus.${status}`)}
      current={recommendation.status}
      version={recommendation.version}
      next={nextRecommendationStatuses(recommendation.status, space.myRole)}
      history={history}
      canEdit={roleAtLeast(space.myRole, 'contributeur')}
      change={change}
    />
  );
}

/** What a recommendation rests on, as tags (« Aucun » when nothing). */
function LinkedItems({ items }: { items: { key: string; content: ReactNode }[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('guide.none')}</>;
  return (
    <ul className="guide-tags">
      {items.map((item) => (
        <li key={item.key}>{item.content}</li>
      ))}
    </ul>
  );
}
