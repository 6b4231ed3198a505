import {
  ActivityNature,
  CollectiviteLevel,
  CollectiviteService,
  Implantation,
  LegalForm,
  Perimeter,
  PoleStage,
  Sector,
  StructureKind,
  type PoleView,
  type Vocabulary,
  departementName,
  regionName,
} from '@concerto/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/alert';
import { formatEuros, formatNumber } from '../../ui/format';

/** The pole profile for those who may not change it: the same five entries, as read-only definition lists, and why. */
export function PoleProfileView({ pole, reason }: { pole: PoleView; reason: 'observer' | 'sideSpace' }) {
  const { t, i18n } = useTranslation();
  const number = (value: number | null, suffix = '') => (value === null ? none : `${formatNumber(value, i18n.language)}${suffix}`);
  const euros = (cents: number | null) => (cents === null ? none : formatEuros(cents, i18n.language));
  const none = t('pole.notSpecified');
  const one = <K extends string>(vocabulary: Vocabulary<K>, key: K | null) => (key ? t(`vocab.${vocabulary.name}.${key}`) : none);
  const many = <K extends string>(vocabulary: Vocabulary<K>, keys: readonly K[]) =>
    keys.length ? keys.map((key) => t(`vocab.${vocabulary.name}.${key}`)).join(', ') : none;

  return (
    <div className="pole-view">
      <Notice>{reason === 'observer' ? t('pole.readOnly') : t('pole.reservedToPole')}</Notice>
      <Entry title={t('pole.identity')}>
        <Item term={t('pole.name')}>{pole.name}</Item>
        <Item term={t('pole.description')}>{pole.description || none}</Item>
      </Entry>
      <Entry title={t('pole.collectivites')}>
        <Item term={t('pole.collectiviteLevels')}>{many(CollectiviteLevel, pole.collectiviteLevels)}</Item>
        <Item term={t('pole.collectiviteServices')}>{many(CollectiviteService, pole.collectiviteServices)}</Item>
      </Entry>
      <Entry title={t('pole.structure')}>
        <Item term={t('pole.legalForm')}>{one(LegalForm, pole.legalForm)}</Item>
        <Item term={t('pole.stage')}>{one(PoleStage, pole.stage)}</Item>
      </Entry>
      <Entry title={t('pole.territoryEntry')}>
        <Item term={t('pole.perimeter')}>{one(Perimeter, pole.perimeter)}</Item>
        <Item term={t('pole.implantation')}>{one(Implantation, pole.implantation)}</Item>
        <Item term={t('pole.territory')}>{pole.territory || none}</Item>
        <Item term={t('pole.regionCode')}>{pole.regionCode ? regionName(pole.regionCode) : none}</Item>
        <Item term={t('pole.departementCode')}>{pole.departementCode ? departementName(pole.departementCode) : none}</Item>
      </Entry>
      <Entry title={t('pole.cooperation')}>
        <Item term={t('pole.memberStructureCount')}>{pole.memberStructureCount ?? none}</Item>
        <Item term={t('pole.structureKinds')}>{many(StructureKind, pole.structureKinds)}</Item>
      </Entry>
      <Entry title={t('pole.economy')}>
        <Item term={t('pole.sectors')}>{many(Sector, pole.sectors)}</Item>
        <Item term={t('pole.activityNatures')}>{many(ActivityNature, pole.activityNatures)}</Item>
      </Entry>
      <Entry title={t('pole.keyFigures.title')}>
        <Item term={t('pole.keyFigures.foundedYear')}>{pole.foundedYear ?? none}</Item>
        <Item term={t('pole.keyFigures.cellBudgetCents')}>{euros(pole.cellBudgetCents)}</Item>
        <Item term={t('pole.keyFigures.cellSelfFinancedPercent')}>{number(pole.cellSelfFinancedPercent, '\u00a0%')}</Item>
        <Item term={t('pole.keyFigures.cellFte')}>{number(pole.cellFte)}</Item>
        <Item term={t('pole.keyFigures.employeeCount')}>{number(pole.employeeCount)}</Item>
        <Item term={t('pole.keyFigures.consolidatedBudgetCents')}>{euros(pole.consolidatedBudgetCents)}</Item>
      </Entry>
    </div>
  );
}

function Entry({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="entry">
      <h3 className="entry__legend">{title}</h3>
      <dl className="entry__list">{children}</dl>
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
