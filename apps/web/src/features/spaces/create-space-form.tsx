import { CreateSpaceRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateSpace, usePoles } from './spaces-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { useFormFeedback, validate, type FieldErrors } from '../../ui/form-feedback';

const NEW_POLE = 'new';
const FIELDS = ['title', 'description', 'pole', 'poleName', 'poleTerritory'] as const;
const SpaceFields = CreateSpaceRequest.pick({ title: true, description: true });
const [ExistingPole, NewPole] = CreateSpaceRequest.shape.pole.options;

/** API issue paths ("pole.name") to the fields of this form. */
function fieldFor(path: string): string {
  if (path === 'pole.name') return 'poleName';
  if (path === 'pole.territory') return 'poleTerritory';
  if (path.startsWith('pole')) return 'pole';
  return path;
}

export function CreateSpaceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const poles = usePoles();
  const createSpace = useCreateSpace();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [poleChoice, setPoleChoice] = useState<string>(NEW_POLE);
  const [poleName, setPoleName] = useState('');
  const [poleTerritory, setPoleTerritory] = useState('');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS, fieldFor });

  const manageablePoles = (poles.data ?? []).filter((pole) => pole.canCreateSpace);
  const poleOptions = [
    ...manageablePoles.map((pole) => ({ value: pole.id, label: pole.name, description: pole.territory ? `(${pole.territory})` : undefined })),
    { value: NEW_POLE, label: t('spaces.create.newPole') },
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (createSpace.isPending) return;
    clear();
    const base = validate(t, SpaceFields, { title, ...(description.trim() ? { description } : {}) });
    const pole =
      poleChoice === NEW_POLE
        ? validate(t, NewPole, { name: poleName, ...(poleTerritory.trim() ? { territory: poleTerritory } : {}) }, (p) => fieldFor(`pole.${p}`))
        : validate(t, ExistingPole, { id: poleChoice }, () => 'pole');
    if (!base.ok || !pole.ok) {
      const errors: FieldErrors = { ...(base.ok ? {} : base.errors), ...(pole.ok ? {} : pole.errors) };
      return showFieldErrors(errors);
    }
    createSpace.mutate({ ...base.data, pole: pole.data }, { onSuccess: (space) => void navigate(`/espaces/${space.id}`), onError: showError });
  };

  return (
    <section className="section">
      <h2>{t('spaces.create.title')}</h2>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <p className="form__note">{t('form.requiredNote')}</p>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          label={t('spaces.create.spaceTitle')}
          hint={t('spaces.create.spaceTitleHint')}
          name="title"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
        />
        <TextAreaField
          label={t('spaces.create.description')}
          hint={t('spaces.create.descriptionHint')}
          name="description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldErrors.description}
        />
        <RadioGroup
          legend={t('spaces.create.poleLegend')}
          hint={t('spaces.create.poleHint')}
          name="pole"
          options={poleOptions}
          value={poleChoice}
          onChange={setPoleChoice}
          error={fieldErrors.pole}
        />
        {poleChoice === NEW_POLE ? (
          <div className="form__group">
            <TextField
              label={t('spaces.create.poleName')}
              name="poleName"
              required
              value={poleName}
              onChange={(e) => setPoleName(e.target.value)}
              error={fieldErrors.poleName}
            />
            <TextField
              label={t('spaces.create.poleTerritory')}
              hint={t('spaces.create.poleTerritoryHint')}
              name="poleTerritory"
              value={poleTerritory}
              onChange={(e) => setPoleTerritory(e.target.value)}
              error={fieldErrors.poleTerritory}
            />
          </div>
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={createSpace.isPending}>
            {t('spaces.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
