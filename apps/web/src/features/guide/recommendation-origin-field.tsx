import { RecommendationOrigin, type DiagnosticOutlineEntry, type RecommendationOriginChoices, type RecommendationOriginInput } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField, type Option } from '../../ui/field';
import { vocabularyOptions } from '../../ui/vocabulary-options';

/** The origin being chosen: its kind and, for each kind, the item picked (kept when the kind changes back). */
export interface OriginDraft {
  kind: RecommendationOrigin;
  decisionId: string;
  voteId: string;
  sectionId: string;
}

export const DIRECT_ORIGIN: OriginDraft = { kind: 'direct', decisionId: '', voteId: '', sectionId: '' };

/** The request's origin (an empty pick stays empty: the contract names it as missing). */
export function originInput(draft: OriginDraft): RecommendationOriginInput {
  switch (draft.kind) {
    case 'direct':
      return { kind: 'direct' };
    case 'session_decision':
      return { kind: 'session_decision', decisionId: draft.decisionId };
    case 'vote_result':
      return { kind: 'vote_result', voteId: draft.voteId };
    case 'diagnostic_section':
      return { kind: 'diagnostic_section', sectionId: draft.sectionId };
  }
}

interface RecommendationOriginFieldProps {
  value: OriginDraft;
  onChange: (value: OriginDraft) => void;
  choices: RecommendationOriginChoices | undefined;
  sections: readonly DiagnosticOutlineEntry[] | undefined;
  error?: string;
}

/** Where a new recommendation comes from: written directly, a session's decision, a closed vote, a diagnostic section. */
export function RecommendationOriginField({ value, onChange, choices, sections, error }: RecommendationOriginFieldProps) {
  const { t } = useTranslation();
  const item = (label: string, session: string) => t('guide.recommendations.origins.item', { label, session });
  const pick = (label: string, empty: string, key: 'decisionId' | 'voteId' | 'sectionId', options: Option[]) =>
    options.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <SelectField
        label={label}
        options={[{ value: '', label: t('guide.recommendations.origins.choose') }, ...options]}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        error={error}
      />
    );
  return (
    <>
      <RadioGroup
        legend={t('guide.recommendations.origins.legend')}
        name="origin"
        options={vocabularyOptions(t, RecommendationOrigin)}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        error={value.kind === 'direct' ? error : undefined}
      />
      {value.kind === 'session_decision'
        ? pick(
            t('guide.recommendations.origins.decision'),
            t('guide.recommendations.origins.noDecision'),
            'decisionId',
            (choices?.decisions ?? []).map((d) => ({ value: d.id, label: item(d.label, d.sessionTitle) })),
          )
        : null}
      {value.kind === 'vote_result'
        ? pick(
            t('guide.recommendations.origins.vote'),
            t('guide.recommendations.origins.noVote'),
            'voteId',
            (choices?.votes ?? []).map((v) => ({ value: v.id, label: item(v.label, v.sessionTitle) })),
          )
        : null}
      {value.kind === 'diagnostic_section'
        ? pick(
            t('guide.recommendations.origins.section'),
            t('guide.recommendations.fields.noSections'),
            'sectionId',
            (sections ?? []).map((s) => ({ value: s.id, label: s.title })),
          )
        : null}
    </>
  );
}
