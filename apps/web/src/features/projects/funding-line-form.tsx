import { CreateFundingLineRequest, FUNDING_INSTRUMENT_SUGGESTIONS, FunderLevel, FundingKind, FundingStatus, type OrganisationView } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateFundingLine } from './funding-api';
import { useOrganisations } from '../../api/organisations';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { formatEuros, parseEuroAmount } from '../../ui/format';

const FIELDS = ['funderId', 'funderLevel', 'year', 'amountCents', 'kind', 'instrument', 'status'] as const;

/** The level a funding line must carry for this organisation: its collectivité level, else `other`. */
export const levelOf = (organisation: OrganisationView | undefined): FunderLevel => organisation?.collectiviteLevel ?? 'other';

/** Adds a funding line: amounts typed in euros the French way ("12 500,50"), sent as integer cents. */
export function FundingLineForm({ spaceId, projectId }: { spaceId: string; projectId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const create = useCreateFundingLine(spaceId, projectId);
  const organisations = useOrganisations();
  const [funderId, setFunderId] = useState('');
  const [funderLevel, setFunderLevel] = useState<FunderLevel>('other');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [amount, setAmount] = useState('');
  const [kind, setKind] = useState<FundingKind>('operating');
  const [instrument, setInstrument] = useState('');
  const [status, setStatus] = useState<FundingStatus>('requested');
  const [done, setDone] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });
  const funders = [...(organisations.data ?? [])].sort(
    (a, b) => Number(b.kind === 'collectivite') - Number(a.kind === 'collectivite') || a.name.localeCompare(b.name),
  );

  const chooseFunder = (next: string) => {
    setFunderId(next);
    setFunderLevel(levelOf(organisations.data?.find((org) => org.id === next)));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    clear();
    setDone(null);
    const cents = parseEuroAmount(amount);
    if (amount.trim() !== '' && cents === null) return showFieldErrors({ amountCents: t('funding.amountInvalid') });
    const checked = validate(t, CreateFundingLineRequest, {
      funderId: funderId || undefined,
      funderLevel,
      year: year.trim() === '' ? undefined : Number(year),
      amountCents: cents ?? undefined,
      kind,
      instrument,
      status,
    });
    if (!checked.ok) return showFieldErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (line) => {
        setAmount('');
        setInstrument('');
        setDone(t('funding.added', { funder: line.funder.name, amount: formatEuros(line.amountCents, i18n.language) }));
      },
      onError: showError,
    });
  };

  return (
    <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('funding.add')}</h3>
      <ErrorAlert>{formError}</ErrorAlert>
      <div className="form__row">
        <SelectField
          label={t('funding.funder')}
          name="funderId"
          options={[
            { value: '', label: t('funding.chooseFunder') },
            ...funders.map((org) => ({
              value: org.id,
              label: `${org.name} (${org.collectiviteLevel ? t(`vocab.collectiviteLevel.${org.collectiviteLevel}`) : t(`vocab.organisationKind.${org.kind}`)})`,
            })),
          ]}
          value={funderId}
          onChange={(e) => chooseFunder(e.target.value)}
          error={fieldErrors.funderId}
        />
        <SelectField
          label={t('funding.level')}
          hint={t('funding.levelHint')}
          name="funderLevel"
          options={vocabularyOptions(t, FunderLevel)}
          value={funderLevel}
          onChange={(e) => setFunderLevel(e.target.value as FunderLevel)}
          error={fieldErrors.funderLevel}
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('funding.year')}
          name="year"
          type="number"
          inputMode="numeric"
          step={1}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={fieldErrors.year}
          className="input input--short"
        />
        <TextField
          label={t('funding.amount')}
          hint={t('funding.amountHint')}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fieldErrors.amountCents}
          className="input input--short"
        />
        <SelectField
          label={t('funding.kind')}
          name="kind"
          options={vocabularyOptions(t, FundingKind)}
          value={kind}
          onChange={(e) => setKind(e.target.value as FundingKind)}
          error={fieldErrors.kind}
        />
        <SelectField
          label={t('funding.status')}
          name="status"
          options={vocabularyOptions(t, FundingStatus)}
          value={status}
          onChange={(e) => setStatus(e.target.value as FundingStatus)}
          error={fieldErrors.status}
        />
      </div>
      <TextField
        label={t('funding.instrument')}
        hint={t('funding.instrumentHint')}
        name="instrument"
        list={`${id}-instruments`}
        value={instrument}
        onChange={(e) => setInstrument(e.target.value)}
        error={fieldErrors.instrument}
      />
      <datalist id={`${id}-instruments`}>
        {FUNDING_INSTRUMENT_SUGGESTIONS.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('funding.submit')}
        </Button>
      </div>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
