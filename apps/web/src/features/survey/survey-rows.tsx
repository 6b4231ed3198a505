import { RelationEvolution, type OrganisationView, compareFrench } from '@concerto/domain';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import type { FieldErrors } from '../../ui/form-feedback';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import type { SurveyDraft } from './survey-form-model';

interface Props {
  year: number;
  draft: SurveyDraft;
  setDraft: Dispatch<SetStateAction<SurveyDraft>>;
  errors: FieldErrors;
  organisations: readonly OrganisationView[];
}

const byName = (a: OrganisationView, b: OrganisationView) => compareFrench(a.name, b.name);

/** The cellule's funders for the year: one row per funder (its level is the organisation's). */
export function SurveyFundingRows({ year, draft, setDraft, errors, organisations }: Props) {
  const { t } = useTranslation();
  const levelOf = (org: OrganisationView) =>
    org.collectiviteLevel ? t(`vocab.collectiviteLevel.${org.collectiviteLevel}`) : t(`vocab.organisationKind.${org.kind}`);
  const funders = [...organisations].sort((a, b) => Number(b.kind === 'collectivite') - Number(a.kind === 'collectivite') || byName(a, b));
  const update = (index: number, change: Partial<SurveyDraft['funding'][number]>) =>
    setDraft((d) => ({ ...d, funding: d.funding.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  return (
    <fieldset className="survey-form__group">
      <legend>{t('survey.form.funding.legend', { year })}</legend>
      <p className="field__hint">{t('survey.form.funding.hint')}</p>
      {draft.funding.length === 0 ? <p className="muted">{t('survey.form.funding.none')}</p> : null}
      {draft.funding.map((row, index) => {
        const n = index + 1;
        return (
          <div className="form__row survey-form__line" key={index}>
            <SelectField
              label={t('survey.form.funding.funder', { n })}
              options={[
                { value: '', label: t('survey.form.funding.choose') },
                ...funders.map((org) => ({ value: org.id, label: `${org.name} (${levelOf(org)})` })),
              ]}
              value={row.funderId}
              onChange={(e) => update(index, { funderId: e.target.value })}
              error={errors[`funding.${index}.funderId`]}
            />
            <TextField
              label={t('survey.form.funding.amount', { n })}
              inputMode="decimal"
              autoComplete="off"
              className="input input--short"
              value={row.amount}
              onChange={(e) => update(index, { amount: e.target.value })}
              error={errors[`funding.${index}.amountCents`]}
            />
            <SelectField
              label={t('survey.form.funding.status', { n })}
              options={[
                { value: 'secured', label: t('survey.form.funding.secured') },
                { value: 'paid', label: t('survey.form.funding.paid') },
              ]}
              value={row.status}
              onChange={(e) => update(index, { status: e.target.value === 'paid' ? 'paid' : 'secured' })}
            />
            <Button variant="secondary" onClick={() => setDraft((d) => ({ ...d, funding: d.funding.filter((_, i) => i !== index) }))}>
              {t('survey.form.funding.remove', { n })}
            </Button>
          </div>
        );
      })}
      <Button variant="secondary" onClick={() => setDraft((d) => ({ ...d, funding: [...d.funding, { funderId: '', amount: '', status: 'secured' }] }))}>
        {t('survey.form.funding.add')}
      </Button>
    </fieldset>
  );
}

/** The year's relations with each collectivité; a weakening names its cause. */
export function SurveyRelationRows({ year, draft, setDraft, errors, organisations }: Props) {
  const { t } = useTranslation();
  const collectivites = organisations.filter((org) => org.kind === 'collectivite').sort(byName);
  const update = (index: number, change: Partial<SurveyDraft['relations'][number]>) =>
    setDraft((d) => ({ ...d, relations: d.relations.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  return (
    <fieldset className="survey-form__group">
      <legend>{t('survey.form.relations.legend', { year })}</legend>
      <p className="field__hint">{t('survey.form.relations.hint')}</p>
      {draft.relations.length === 0 ? <p className="muted">{t('survey.form.relations.none')}</p> : null}
      {draft.relations.map((row, index) => {
        const n = index + 1;
        return (
          <div className="form__row survey-form__line" key={index}>
            <SelectField
              label={t('survey.form.relations.collectivite', { n })}
              options={[{ value: '', label: t('survey.form.relations.choose') }, ...collectivites.map((org) => ({ value: org.id, label: org.name }))]}
              value={row.organisationId}
              onChange={(e) => update(index, { organisationId: e.target.value })}
              error={errors[`relations.${index}.organisationId`]}
            />
            <SelectField
              label={t('survey.form.relations.evolution', { n })}
              options={vocabularyOptions(t, RelationEvolution)}
              value={row.evolution}
              onChange={(e) => update(index, { evolution: RelationEvolution.schema.parse(e.target.value) })}
            />
            <TextField
              label={t('survey.form.relations.cause', { n })}
              autoComplete="off"
              value={row.cause}
              onChange={(e) => update(index, { cause: e.target.value })}
              error={errors[`relations.${index}.cause`]}
            />
            <Button variant="secondary" onClick={() => setDraft((d) => ({ ...d, relations: d.relations.filter((_, i) => i !== index) }))}>
              {t('survey.form.relations.remove', { n })}
            </Button>
          </div>
        );
      })}
      <Button
        variant="secondary"
        onClick={() => setDraft((d) => ({ ...d, relations: [...d.relations, { organisationId: '', evolution: 'stable', cause: '' }] }))}
      >
        {t('survey.form.relations.add')}
      </Button>
    </fieldset>
  );
}
