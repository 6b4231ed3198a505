import type { GuideReferenceAttributes } from '@concerto/domain';
import type { TFunction } from 'i18next';
import { labelParts } from './live-reference-attrs';

/**
 * What a reference shows, in words: « Témoignages validés, levier « … » », « Tableau des financements, de 2021 à 2024 »,
 * or for one item its name when known (« Un témoignage « La Fabrique » »).
 */
export function referenceLabel(t: TFunction, reference: GuideReferenceAttributes, itemName?: string): string {
  const parts = labelParts(reference);
  const kind = t(`guide.reference.kinds.${parts.kind}`);
  if (itemName) return t('guide.reference.withItem', { kind, name: itemName });
  if (parts.filter) {
    const name = t(`vocab.${parts.filter.by === 'stage' ? 'supportStage' : 'lever'}.${parts.filter.key}`);
    const filter = parts.filter.by === 'stage' ? t('guide.reference.stageFilter', { name }) : t('guide.reference.leverFilter', { name });
    return t('guide.reference.withFilter', { kind, filter });
  }
  if (parts.years) {
    const { from, to } = parts.years;
    const years =
      from !== null && to !== null
        ? t('guide.reference.yearsBetween', { from: String(from), to: String(to) })
        : from !== null
          ? t('guide.reference.yearsFrom', { from: String(from) })
          : t('guide.reference.yearsTo', { to: String(to) });
    return t('guide.reference.withYears', { kind, years });
  }
  return kind;
}
