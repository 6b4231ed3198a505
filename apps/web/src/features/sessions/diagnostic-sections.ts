import { GridEntry, Lever, SupportStage } from '@concerto/domain';
import type { TFunction } from 'i18next';
import type { Option } from '../../ui/field';

/**
 * The sections every diagnostic starts with (the template of `libs/collab`'s diagnostic document, whose list is
 * not exported): ids `<kind>-<key>` for the grid entries, the support stages and the 8 levers.
 */
export function diagnosticSectionOptions(t: TFunction): Option[] {
  return [
    ...GridEntry.keys.map((key) => ({ value: `grid-${key}`, label: t(`vocab.gridEntry.${key}`) })),
    ...SupportStage.keys.map((key) => ({ value: `support_stage-${key}`, label: t(`vocab.supportStage.${key}`) })),
    ...Lever.keys.map((key, i) => ({ value: `lever-${key}`, label: `${i + 1}. ${t(`vocab.lever.${key}`)}` })),
  ];
}
