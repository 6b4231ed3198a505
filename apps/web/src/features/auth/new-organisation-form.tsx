import { CollectiviteLevel, CreateOrganisationRequest, OrganisationKind, StructureKind, type OrganisationView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOrganisation } from '../../api/organisations';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';

const FIELDS = ['kind', 'name', 'territory', 'collectiviteLevel', 'structureKind'] as const;

/** Adds a collectivité, an ESS network or a member structure, then links it to the account. */
export function NewOrganisationForm({ onCreated }: { onCreated: (organisation: OrganisationView) => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const [kind, setKind] = useState<OrganisationKind>('member_structure');
  const [name, setName] = useState('');
  const [territory, setTerritory] = useState('');
  const [collectiviteLevel, setCollectiviteLevel] = useState<CollectiviteLevel>('commune');
  const [structureKind, setStructureKind] = useState<StructureKind>('social_economy');
  const [created, setCreated] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    setCreated(null);
    const values = {
      kind,
      name,
      ...(territory.trim() ? { territory } : {}),
      ...(kind === 'collectivite' ? { collectiviteLevel } : {}),
      ...(kind === 'member_structure' ? { structureKind } : {}),
    };
    const checked = validate(t, CreateOrganisationRequest, values);
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (organisation) => {
        setName('');
        setTerritory('');
        setCreated(t('profile.newOrganisation.created', { name: organisation.name }));
        onCreated(organisation);
      },
      onError: showError,
    });
  };

  return (
    <section className="section">
      <h2>{t('profile.newOrganisation.title')}</h2>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <ErrorAlert>{formError}</ErrorAlert>
        <SelectField
          label={t('profile.newOrganisation.kind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as OrganisationKind)}
          options={vocabularyOptions(t, OrganisationKind)}
          error={fieldErrors.kind}
        />
        <TextField
          label={t('profile.newOrganisation.name')}
          name="name"
          autoComplete="organization"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrors.name}
        />
        {kind === 'collectivite' ? (
          <SelectField
            label={t('profile.newOrganisation.collectiviteLevel')}
            name="collectiviteLevel"
            value={collectiviteLevel}
            onChange={(e) => setCollectiviteLevel(e.target.value as CollectiviteLevel)}
            options={vocabularyOptions(t, CollectiviteLevel)}
            error={fieldErrors.collectiviteLevel}
          />
        ) : null}
        {kind === 'member_structure' ? (
          <SelectField
            label={t('profile.newOrganisation.structureKind')}
            name="structureKind"
            value={structureKind}
            onChange={(e) => setStructureKind(e.target.value as StructureKind)}
            options={vocabularyOptions(t, StructureKind)}
            error={fieldErrors.structureKind}
          />
        ) : null}
        <TextField
          label={t('profile.newOrganisation.territory')}
          hint={t('form.optional')}
          name="territory"
          value={territory}
          onChange={(e) => setTerritory(e.target.value)}
          error={fieldErrors.territory}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" busy={create.isPending}>
            {t('profile.newOrganisation.submit')}
          </Button>
        </div>
        <StatusMessage>{created}</StatusMessage>
      </form>
    </section>
  );
}
