import { RecommendationStatus, TestimonyStatus, roleAtLeast } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../ui/alert';
import { DataTable } from '../../ui/data-table';
import { formatNumber } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaceContext } from '../spaces/space-context';
import { useAnalyses } from './analyses-api';
import { guideRoutes } from './guide-keys';
import { countByStatus } from './guide-model';
import { LoadFailure } from './guide-parts';
import { useRecommendations } from './recommendations-api';
import { useTestimonies } from './testimonies-api';
import './guide.css';

/** The guide d'appui's landing: what it is, the guide's document, and its three parts with their counts by status. */
export function GuideTab() {
  const { t, i18n } = useTranslation();
  const { space } = useSpaceContext();
  useDocumentTitle(`${t('guide.title')} – ${space.title}`);
  const testimonies = useTestimonies(space.id);
  const recommendations = useRecommendations(space.id);
  const analyses = useAnalyses(space.id);
  const number = (n: number) => formatNumber(n, i18n.language);

  const testimonyCounts = testimonies.data ? countByStatus(testimonies.data, TestimonyStatus.keys) : null;
  const recommendationCounts = recommendations.data ? countByStatus(recommendations.data, RecommendationStatus.keys) : null;

  return (
    <section className="section guide" aria-labelledby="guide-title">
      <h2 id="guide-title">{t('guide.title')}</h2>
      <p>{t('guide.intro')}</p>
      {roleAtLeast(space.myRole, 'contributeur') ? null : <Notice>{t('guide.readOnly')}</Notice>}
      <div className="guide-parts">
        <article className="card guide-part" aria-labelledby="guide-document">
          <h3 id="guide-document">
            <Link to={guideRoutes.document(space.id)}>{t('guide.document.title')}</Link>
          </h3>
          <p>{t('guide.document.landingIntro')}</p>
        </article>
        <article className="card guide-part" aria-labelledby="guide-testimonies">
          <h3 id="guide-testimonies">
            <Link to={guideRoutes.testimonies(space.id)}>{t('guide.testimonies.title')}</Link>
          </h3>
          <p>{t('guide.testimonies.intro')}</p>
          {testimonies.isPending ? <Loading /> : null}
          {testimonies.isError ? <LoadFailure error={testimonies.error} onRetry={() => void testimonies.refetch()} /> : null}
          {testimonyCounts ? (
            <DataTable
              caption={t('guide.landing.countsCaption', { what: t('guide.testimonies.title') })}
              columns={[
                { key: 'status', header: t('guide.filters.status'), rowHeader: true, cell: (status) => t(`vocab.testimonyStatus.${status}`) },
                { key: 'count', header: t('guide.testimonies.title'), numeric: true, cell: (status) => number(testimonyCounts[status]) },
              ]}
              rows={TestimonyStatus.keys}
              rowKey={(status) => status}
            />
          ) : null}
        </article>
        <article className="card guide-part" aria-labelledby="guide-recommendations">
          <h3 id="guide-recommendations">
            <Link to={guideRoutes.recommendations(space.id)}>{t('guide.recommendations.title')}</Link>
          </h3>
          <p>{t('guide.recommendations.intro')}</p>
          {recommendations.isPending ? <Loading /> : null}
          {recommendations.isError ? <LoadFailure error={recommendations.error} onRetry={() => void recommendations.refetch()} /> : null}
          {recommendationCounts ? (
            <DataTable
              caption={t('guide.landing.countsCaption', { what: t('guide.recommendations.title') })}
              columns={[
                { key: 'status', header: t('guide.filters.status'), rowHeader: true, cell: (status) => t(`vocab.recommendationStatus.${status}`) },
                { key: 'count', header: t('guide.recommendations.title'), numeric: true, cell: (status) => number(recommendationCounts[status]) },
              ]}
              rows={RecommendationStatus.keys}
              rowKey={(status) => status}
            />
          ) : null}
        </article>
        <article className="card guide-part" aria-labelledby="guide-analyses">
          <h3 id="guide-analyses">
            <Link to={guideRoutes.analyses(space.id)}>{t('guide.analyses.title')}</Link>
          </h3>
          <p>{t('guide.analyses.intro')}</p>
          {analyses.isPending ? <Loading /> : null}
          {analyses.isError ? <LoadFailure error={analyses.error} onRetry={() => void analyses.refetch()} /> : null}
          {analyses.data ? <p>{t('guide.landing.analysesCount', { count: analyses.data.length })}</p> : null}
        </article>
      </div>
    </section>
  );
}
