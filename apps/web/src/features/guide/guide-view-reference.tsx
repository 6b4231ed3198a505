import type { FundingTableView, GuidePole, GuideRecommendation, GuideTestimony, PanoramaView, ResolvedReference } from '@concerto/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table';
import { formatDate, formatKiloEuros, formatNumber } from '../../ui/format';
import { FundingFigures, useFundingPeriod } from '../observatory/funding-table';
import { GuideBlocks, Heading } from './guide-view-blocks';
import '../observatory/observatory.css';
import './guide-document.css';

/**
 * A resolved reference as the guide shows it: the values it pointed at when the view was built. `level` is the heading
 * level of its items (a testimony's title, a pole's name). Used by the editor's node view and by frozen versions.
 */
export function GuideReferenceView({ reference, level }: { reference: ResolvedReference; level: number }) {
  const { t } = useTranslation();
  switch (reference.kind) {
    case 'poles':
      return reference.poles.length === 0 ? <Empty>{t('guide.view.noPoles')}</Empty> : <PolesView poles={reference.poles} level={level} />;
    case 'funding_table':
      return <FundingView table={reference.table} />;
    case 'panorama':
      return <PanoramaFiguresView panorama={reference.panorama} />;
    case 'testimonies':
    case 'testimony':
      return reference.testimonies.length === 0 ? (
        <Empty>{t('guide.view.noTestimonies')}</Empty>
      ) : (
        reference.testimonies.map((testimony) => <TestimonyView key={testimony.id} testimony={testimony} level={level} />)
      );
    case 'recommendations':
    case 'recommendation':
      return reference.recommendations.length === 0 ? (
        <Empty>{t('guide.view.noRecommendations')}</Empty>
      ) : (
        reference.recommendations.map((recommendation) => <RecommendationView key={recommendation.id} recommendation={recommendation} level={level} />)
      );
    case 'analyses':
    case 'analysis':
      return reference.analyses.length === 0 ? (
        <Empty>{t('guide.view.noAnalyses')}</Empty>
      ) : (
        reference.analyses.map((analysis) => (
          <article key={analysis.id} className="guide-view__item">
            <Heading level={level}>{analysis.title}</Heading>
            <GuideBlocks blocks={analysis.blocks} level={level + 1} reference={nested} />
          </article>
        ))
      );
    case 'missing':
      return <Empty>{t('guide.view.missing')}</Empty>;
  }
}

const nested = (reference: ResolvedReference, level: number) => <GuideReferenceView reference={reference} level={level} />;

function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

function PolesView({ poles, level }: { poles: GuidePole[]; level: number }) {
  const { t } = useTranslation();
  return poles.map((pole, index) => (
    <section key={`${pole.name}-${index}`} className="guide-view__item" aria-label={t('guide.view.poleFacts', { name: pole.name })}>
      <Heading level={level}>
        {pole.name} — {pole.territory}
      </Heading>
      <dl className="guide-view__facts">
        {pole.facts.map((fact, factIndex) => (
          <div key={factIndex}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  ));
}

function FundingView({ table }: { table: FundingTableView }) {
  const { t } = useTranslation();
  const period = useFundingPeriod(table);
  return (
    <div className="guide-view__funding">
      <FundingFigures table={table} caption={t('guide.view.fundingCaption', { period })} />
    </div>
  );
}

function PanoramaFiguresView({ panorama }: { panorama: PanoramaView }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const kilo = (cents: number) => formatKiloEuros(cents, i18n.language);
  const { totals } = panorama;
  const figures: [string, string][] = [
    [t('observatory.panorama.poles'), number(totals.poles)],
    [t('observatory.panorama.jobs'), number(totals.jobs)],
    [t('observatory.panorama.enterprises'), number(totals.enterprises)],
    [t('observatory.panorama.consolidatedBudget'), kilo(totals.consolidatedBudgetCents)],
    [t('observatory.panorama.mobilised'), kilo(totals.mobilisedCents)],
  ];
  return (
    <figure className="guide-view__panorama">
      <figcaption>{t('guide.view.panoramaCaption')}</figcaption>
      <dl className="key-figures">
        {figures.map(([term, value]) => (
          <div key={term} className="key-figures__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

function TestimonyView({ testimony, level }: { testimony: GuideTestimony; level: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <article className="guide-view__item guide-view__testimony">
      <Heading level={level}>{testimony.title}</Heading>
      <p className="muted">
        {testimony.pole.name} — {testimony.pole.territory}
        {testimony.status === 'validated' ? null : <> · {t('guide.view.status', { status: t(`vocab.testimonyStatus.${testimony.status}`) })}</>}
      </p>
      {testimony.collectivites.length > 0 ? (
        <>
          <p className="guide-view__term">{t('guide.view.collectivites')}</p>
          <ul>
            {testimony.collectivites.map((collectivite, index) => (
              <li key={index}>
                {collectivite.name}
                {collectivite.level ? ` (${t(`vocab.collectiviteLevel.${collectivite.level}`)})` : ''}
                {collectivite.stages.length > 0 ? ` : ${collectivite.stages.map((stage) => t(`vocab.supportStage.${stage}`)).join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <TermList term={t('guide.view.levers')} items={testimony.levers.map((lever) => t(`vocab.lever.${lever}`))} />
      <GuideBlocks blocks={testimony.story} level={level + 1} reference={nested} />
      {testimony.figures.length > 0 ? (
        <DataTable
          caption={t('guide.view.figuresOf', { title: testimony.title })}
          rows={testimony.figures}
          rowKey={(_, index) => String(index)}
          columns={[
            { key: 'label', header: t('guide.figures.columns.label'), rowHeader: true, cell: (figure) => figure.label },
            {
              key: 'value',
              header: t('guide.figures.columns.value'),
              numeric: true,
              cell: (figure) =>
                `${formatNumber(figure.value, language)}${figure.unit ? `\u00a0${figure.unit}` : ''}${
                  figure.readAt ? ` (${t('guide.view.figureReadAt', { date: formatDate(figure.readAt, language) })})` : ''
                }`,
            },
          ]}
        />
      ) : null}
      {testimony.quotes.map((quote, index) => (
        <figure key={index} className="guide-view__quote">
          <blockquote>
            <p>{quote.text}</p>
          </blockquote>
          <figcaption>{quote.role ? t('guide.view.quoteBy', { author: quote.author, role: quote.role }) : quote.author}</figcaption>
        </figure>
      ))}
    </article>
  );
}

function RecommendationView({ recommendation, level }: { recommendation: GuideRecommendation; level: number }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="guide-view__item guide-view__recommendation">
      <Heading level={level}>{recommendation.statement}</Heading>
      {recommendation.space ? <TermList term={t('guide.view.pole')} items={[recommendation.space]} /> : null}
      {recommendation.status === 'retained' ? null : (
        <p className="muted">{t('guide.view.status', { status: t(`vocab.recommendationStatus.${recommendation.status}`) })}</p>
      )}
      {recommendation.rationale ? <p>{recommendation.rationale}</p> : null}
      <TermList term={t('guide.view.levers')} items={recommendation.levers.map((lever) => t(`vocab.lever.${lever}`))} />
      <TermList term={t('guide.view.stages')} items={recommendation.stages.map((stage) => t(`vocab.supportStage.${stage}`))} />
      <TermList term={t('guide.view.levels')} items={recommendation.levels.map((l) => t(`vocab.collectiviteLevel.${l}`, { defaultValue: l }))} />
      <TermList term={t('guide.view.support')} items={recommendation.testimonies} />
      {recommendation.decided ? (
        <p className="muted">{t('guide.view.decided', { name: recommendation.decided.by, date: formatDate(recommendation.decided.at, i18n.language) })}</p>
      ) : null}
    </article>
  );
}

/** « Leviers : a, b » when there is something to list. */
function TermList({ term, items }: { term: string; items: string[] }) {
  const { i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <p>
      <span className="guide-view__term">{withColon(term, i18n.language)}</span> {items.join(i18n.language.startsWith('fr') ? ' ; ' : '; ')}
    </p>
  );
}

/** « Leviers : » in French (a non-breaking space before the colon), "Levers:" in English. */
export const withColon = (term: string, language: string) => (language.startsWith('fr') ? `${term}\u00a0:` : `${term}:`);
