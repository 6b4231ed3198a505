import type { MedianFigure, PanoramaView } from '@concerto/domain';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKiloEuros, formatNumber } from '../../ui/format';

/** Totals of the poles and the median profiles of a cellule d'animation and of a pole. */
export function PanoramaFigures({ panorama }: { panorama: PanoramaView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const number = (value: number) => formatNumber(value, language);
  const kilo = (cents: number) => formatKiloEuros(cents, language);
  const median = (figure: MedianFigure, format: (value: number) => string) => (
    <>
      {figure.median === null ? t('observatory.panorama.noData') : format(figure.median)}{' '}
      <span className="muted">{t('observatory.panorama.n', { count: figure.count })}</span>
    </>
  );
  const { totals, cellProfile, poleProfile } = panorama;

  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('observatory.panorama.title')}</h2>
      <dl className="key-figures">
        <Figure term={t('observatory.panorama.poles')}>{number(totals.poles)}</Figure>
        <Figure term={t('observatory.panorama.jobs')}>{number(totals.jobs)}</Figure>
        <Figure term={t('observatory.panorama.enterprises')}>{number(totals.enterprises)}</Figure>
        <Figure term={t('observatory.panorama.consolidatedBudget')}>{kilo(totals.consolidatedBudgetCents)}</Figure>
        <Figure term={t('observatory.panorama.mobilised')}>{kilo(totals.mobilisedCents)}</Figure>
      </dl>
      <div className="observatory-pair">
        <div className="card">
          <h3>{t('observatory.panorama.cellProfile')}</h3>
          <dl className="entry__list">
            <Item term={t('observatory.panorama.age')}>
              {median(cellProfile.ageYears, (v) => t('observatory.panorama.years', { count: v, value: number(v) }))}
            </Item>
            <Item term={t('observatory.panorama.budget')}>{median(cellProfile.budgetCents, kilo)}</Item>
            <Item term={t('observatory.panorama.selfFinanced')}>{median(cellProfile.selfFinancedPercent, (v) => `${number(v)}\u00a0%`)}</Item>
            <Item term={t('observatory.panorama.fte')}>{median(cellProfile.fte, number)}</Item>
          </dl>
        </div>
        <div className="card">
          <h3>{t('observatory.panorama.poleProfile')}</h3>
          <dl className="entry__list">
            <Item term={t('observatory.panorama.memberStructures')}>{median(poleProfile.memberStructures, number)}</Item>
            <Item term={t('observatory.panorama.employees')}>{median(poleProfile.employees, number)}</Item>
            <Item term={t('observatory.panorama.consolidatedBudget')}>{median(poleProfile.consolidatedBudgetCents, kilo)}</Item>
          </dl>
        </div>
      </div>
    </section>
  );
}

function Figure({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="key-figures__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="entry__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
