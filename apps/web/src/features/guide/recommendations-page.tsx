import { FunderLevel, Lever, RecommendationStatus, SupportStage, roleAtLeast, type RecommendationView } from '@concerto/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Notice } from '../../ui/alert';
import { SelectField } from '../../ui/field';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { useSpaceContext } from '../spaces/space-context';
import { guideRoutes } from './guide-keys';
import { groupRecommendations, type RecommendationFilters } from './guide-model';
import { BackToGuide, LoadFailure } from './guide-parts';
import { RecommendationForm } from './recommendation-form';
import { useRecommendations } from './recommendations-api';
import './guide.css';

/** The space's recommendations in one column per status, filtered by lever, stage and level; creation below. */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const { space } = useSpaceContext();
  const navigate = useNavigate();
  useDocumentTitle(`${t('guide.recommendations.title')} – ${space.title}`);
  const recommendations = useRecommendations(space.id);
  const [filters, setFilters] = useState<RecommendationFilters>({ lever: '', stage: '', level: '' });
  const canEdit = roleAtLeast(space.myRole, 'contributeur');
  const groups = recommendations.data ? groupRecommendations(recommendations.data, RecommendationStatus.keys, filters) : null;
  const any = { value: '', label: t('guide.filters.any') };

  return (
    <section className="section guide" aria-labelledby="recommendations-title">
      <BackToGuide to={guideRoutes.landing(space.id)} label={t('guide.back')} />
      <h2 id="recommendations-title">{t('guide.recommendations.title')}</h2>
      <p>{t('guide.recommendations.intro')}</p>
      {canEdit ? null : <Notice>{t('guide.readOnly')}</Notice>}
      <fieldset className="guide-filters">
        <legend>{t('guide.filters.legend')}</legend>
        <SelectField
          label={t('guide.filters.lever')}
          options={[any, ...vocabularyOptions(t, Lever)]}
          value={filters.lever}
          onChange={(e) => setFilters({ ...filters, lever: e.target.value as RecommendationFilters['lever'] })}
        />
        <SelectField
          label={t('guide.filters.stage')}
          options={[any, ...vocabularyOptions(t, SupportStage)]}
          value={filters.stage}
          onChange={(e) => setFilters({ ...filters, stage: e.target.value as RecommendationFilters['stage'] })}
        />
        <SelectField
          label={t('guide.filters.level')}
          options={[any, ...vocabularyOptions(t, FunderLevel)]}
          value={filters.level}
          onChange={(e) => setFilters({ ...filters, level: e.target.value as RecommendationFilters['level'] })}
        />
      </fieldset>
      {recommendations.isPending ? <Loading /> : null}
      {recommendations.isError ? <LoadFailure error={recommendations.error} onRetry={() => void recommendations.refetch()} /> : null}
      {recommendations.data?.length === 0 ? <p className="empty">{t('guide.recommendations.empty')}</p> : null}
      {groups ? (
        <div className="guide-board" role="group" aria-label={t('guide.recommendations.board')}>
          {RecommendationStatus.keys.map((status) => (
            <section key={status} className="guide-board__column" aria-labelledby={`column-${status}`}>
              <h3 id={`column-${status}`}>
                {t(`vocab.recommendationStatus.${status}`)}{' '}
                <span className="muted">({t('guide.recommendations.count', { count: groups[status].length })})</span>
              </h3>
              {groups[status].length === 0 ? (
                <p className="empty">{t('guide.recommendations.emptyColumn')}</p>
              ) : (
                <ul className="guide-board__list">
                  {groups[status].map((recommendation) => (
                    <RecommendationCard key={recommendation.id} spaceId={space.id} recommendation={recommendation} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      ) : null}
      {canEdit ? <RecommendationForm spaceId={space.id} onCreated={(created) => void navigate(guideRoutes.recommendation(space.id, created.id))} /> : null}
    </section>
  );
}

function RecommendationCard({ spaceId, recommendation }: { spaceId: string; recommendation: RecommendationView }) {
  const { t } = useTranslation();
  const tags = [
    ...recommendation.levers.map((lever) => t(`vocab.lever.${lever}`)),
    ...recommendation.stages.map((stage) => t(`vocab.supportStage.${stage}`)),
    ...recommendation.levels.map((level) => t(`vocab.funderLevel.${level}`)),
  ];
  return (
    <li className="card guide-card">
      <Link to={guideRoutes.recommendation(spaceId, recommendation.id)}>{recommendation.statement}</Link>
      {tags.length > 0 ? (
        <ul className="guide-tags">
          {tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted">{t('guide.recommendations.origin', { origin: t(`vocab.recommendationOrigin.${recommendation.origin.kind}`) })}</p>
    </li>
  );
}
