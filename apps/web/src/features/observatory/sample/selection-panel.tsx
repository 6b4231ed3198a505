import { SampleSelectionRequest } from '@concerto/domain';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { SelectField, TextField } from '../../../ui/field';
import { checkField, useFormFeedback } from '../../../ui/form-feedback';
import { useActionFeedback, useConfirmedMutation } from '../../../ui/use-confirmed-mutation';
import { useDeleteSelection, useSaveSelection, useSelections } from './sample-api';

const FIELDS = ['name'] as const;

interface SelectionPanelProps {
  /** The saved selection being edited, or null for a new one. */
  selectionId: string | null;
  name: string;
  poleIds: string[];
  onName: (name: string) => void;
  onLoad: (id: string | null) => void;
  onSaved: (id: string) => void;
}

/** Saved selections (private to me): load one, save the current one under a name, delete it, use it in the observatory. */
export function SelectionPanel({ selectionId, name, poleIds, onName, onLoad, onSaved }: SelectionPanelProps) {
  const { t } = useTranslation();
  const selections = useSelections();
  const save = useSaveSelection();
  const feedback = useActionFeedback();
  const remove = useConfirmedMutation(useDeleteSelection(), feedback);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });
  const options = [
    { value: '', label: t('sample.selections.new') },
    ...(selections.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${t('sample.selections.poleCount', { count: s.poleCount })})` })),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    feedback.clear();
    const checked = checkField(t, SampleSelectionRequest.shape.name, name);
    if (!checked.ok) return showFieldErrors({ name: checked.error });
    save.mutate(
      { id: selectionId, request: { name: checked.value, poleIds } },
      {
        onSuccess: (view) => {
          onSaved(view.id);
          feedback.succeed(t('sample.selections.saved', { name: view.name }));
        },
        onError: showError,
      },
    );
  };

  return (
    <form className="card form sample-selections" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby="sample-selections-title">
      <h2 id="sample-selections-title">{t('sample.selections.title')}</h2>
      <p>{t('sample.selections.intro')}</p>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      {feedback.error ? <ErrorAlert>{feedback.error}</ErrorAlert> : null}
      <div className="form__row">
        <SelectField
          label={t('sample.selections.load')}
          name="selection"
          options={options}
          value={selectionId ?? ''}
          onChange={(e) => {
            clear();
            feedback.clear();
            onLoad(e.target.value || null);
          }}
        />
        <TextField label={t('sample.selections.name')} name="name" value={name} onChange={(e) => onName(e.target.value)} error={fieldErrors.name} />
      </div>
      <div className="form__actions">
        <Button type="submit" busy={save.isPending}>
          {selectionId ? t('sample.selections.update') : t('sample.selections.save')}
        </Button>
        {selectionId ? (
          <Button
            variant="danger"
            onClick={() =>
              remove(selectionId, {
                question: t('sample.selections.confirmDelete', { name }),
                success: t('sample.selections.deleted'),
                onSuccess: () => onLoad(null),
              })
            }
          >
            {t('sample.selections.delete')}
          </Button>
        ) : null}
      </div>
      <StatusMessage>{feedback.status}</StatusMessage>
      {selectionId ? (
        <p>
          <Link to={`/observatoire?selection=${selectionId}`}>{t('sample.selections.useInObservatory')}</Link>
        </p>
      ) : null}
    </form>
  );
}
