import type { TFunction } from 'i18next';

/**
 * What kind of organisation this is, in words: a collectivité by its level (« État », « Europe », « Région »…),
 * so the State and the EU are not called local authorities; any other by its kind.
 */
export function organisationKindLabel(t: TFunction, org: { kind: string; collectiviteLevel?: string | null }): string {
  return org.kind === 'collectivite' && org.collectiviteLevel ? t(`vocab.collectiviteLevel.${org.collectiviteLevel}`) : t(`vocab.organisationKind.${org.kind}`);
}
