import { SectionStatus, type SectionStateView, type UpdateSectionStateRequest } from '@concerto/domain';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useUpdateSectionState } from './diagnostic-api';
import { StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField, TextAreaField } from '../../ui/field';
import { errorMessage } from '../../ui/form-feedback';

const EMPTY: SectionStateView = {
  sectionId: '',
  score: null,
  justification: '',
  status: 'to_complete',
  version: 0,
  updatedAt: null,
  updatedBy: null,
  openComments: 0,
};

interface Draft {
  score: string;
  justification: string;
  status: SectionStatus;
}

const draftOf = (state: SectionStateView): Draft => ({
  score: state.score === null ? '' : String(state.score),
  justification: state.justification,
  status: state.status,
});

/** Self-assessment of a section (score 0–4, justification) and its status; read-only for observateurs. */
export function SectionAssessment({
  spaceId,
  sectionId,
  title,
  state,
  canEdit,
}: {
  spaceId: string;
  sectionId: string;
  title: string;
  state: SectionStateView | undefined;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const current = useMemo(() => state ?? { ...EMPTY, sectionId }, [state, sectionId]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [base, setBase] = useState(current.version);
  const [message, setMessage] = useState<string | undefined>();
  const update = useUpdateSectionState(spaceId);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(current));

  // Someone else saved: follow them unless we are in the middle of a change.
  useEffect(() => {
    if (current.version === base) return;
    if (!dirty) {
      setDraft(draftOf(current));
      setBase(current.version);
    }
  }, [current, base, dirty]);

  const statusLabel = t(`vocab.sectionStatus.${current.status}`);
  if (!canEdit) {
    return (
      <dl className="diagnostic-assessment diagnostic-assessment--read">
        <div>
          <dt>{t('diagnostic.assessment.score')}</dt>
          <dd>{current.score === null ? t('diagnostic.assessment.noScore') : t('diagnostic.assessment.scoreValue', { score: current.score })}</dd>
        </div>
        <div>
          <dt>{t('diagnostic.assessment.status')}</dt>
          <dd>{statusLabel}</dd>
        </div>
        {current.justification ? (
          <div>
            <dt>{t('diagnostic.assessment.justification')}</dt>
            <dd>{current.justification}</dd>
          </div>
        ) : null}
      </dl>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    const body: UpdateSectionStateRequest = {
      version: base,
      score: draft.score === '' ? null : Number(draft.score),
      justification: draft.justification,
      status: draft.status,
    };
    setMessage(undefined);
    update.mutate(
      { sectionId, body },
      {
        onSuccess: (saved) => {
          setBase(saved.version);
          setDraft(draftOf(saved));
          setMessage(t('diagnostic.assessment.saved'));
        },
      },
    );
  };
  const conflict = isApiError(update.error, 409);
  const scoreOptions = [
    { value: '', label: t('diagnostic.assessment.noScore') },
    ...[0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: t('diagnostic.assessment.scoreValue', { score: n }) })),
  ];
  const statusOptions = SectionStatus.keys.map((key) => ({ value: key, label: t(`vocab.sectionStatus.${key}`) }));

  return (
    <form className="diagnostic-assessment" onSubmit={submit} aria-label={t('diagnostic.assessment.form', { title })}>
      <div className="diagnostic-assessment__fields">
        <SelectField
          label={t('diagnostic.assessment.score')}
          hint={t('diagnostic.assessment.scoreHint')}
          options={scoreOptions}
          value={draft.score}
          onChange={(e) => setDraft({ ...draft, score: e.target.value })}
        />
        <SelectField
          label={t('diagnostic.assessment.status')}
          options={statusOptions}
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value as SectionStatus })}
        />
      </div>
      <TextAreaField
        label={t('diagnostic.assessment.justification')}
        hint={t('form.optional')}
        rows={2}
        maxLength={1000}
        value={draft.justification}
        onChange={(e) => setDraft({ ...draft, justification: e.target.value })}
      />
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <p>{t('diagnostic.assessment.conflict')}</p>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(draftOf(current));
              setBase(current.version);
              update.reset();
            }}
          >
            {t('diagnostic.assessment.takeTheirs')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setBase(current.version);
              update.reset();
            }}
          >
            {t('diagnostic.assessment.keepMine')}
          </Button>
        </div>
      ) : update.error ? (
        <div className="alert alert--error" role="alert">
          {errorMessage(t, update.error)}
        </div>
      ) : null}
      <div className="diagnostic-actions">
        <Button type="submit" busy={update.isPending} aria-disabled={!dirty || undefined}>
          {t('diagnostic.assessment.save')}
        </Button>
        {current.updatedBy && current.updatedAt ? (
          <p className="diagnostic-muted">{t('diagnostic.assessment.updatedBy', { name: current.updatedBy.displayName })}</p>
        ) : null}
      </div>
      <StatusMessage>{dirty ? undefined : message}</StatusMessage>
    </form>
  );
}
