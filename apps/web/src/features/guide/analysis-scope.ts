import type { AnalysisScope } from '@concerto/domain';
import type { TFunction } from 'i18next';

/** What a chapter is about, as read: « Étape : Accompagnement », « Levier : … » or « Sujet libre ». */
export function scopeLabel(t: TFunction, scope: AnalysisScope): string {
  switch (scope.kind) {
    case 'stage':
      return `${t('guide.analyses.fields.stage')} : ${t(`vocab.supportStage.${scope.stage}`)}`;
    case 'lever':
      return `${t('guide.analyses.fields.lever')} : ${t(`vocab.lever.${scope.lever}`)}`;
    case 'free':
      return t('vocab.analysisScopeKind.free');
  }
}
