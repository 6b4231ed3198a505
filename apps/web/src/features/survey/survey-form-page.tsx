import { FunderLevel, SurveyAnswers, type SurveyFormView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrganisations } from '../../api/organisations';
import { ErrorAlert, Notice, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { formatDate, formatDateTime, formatEuros } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSaveSurvey, useSurveyForm } from './survey-api';
import { SurveyFactsFields } from './survey-facts-fields';
import { type SurveyDraft, answersFromDraft, draftFromAnswers } from './survey-form-model';
import { SurveyFundingRows, SurveyRelationRows } from './survey-rows';
import './survey.css';

/** The pole's answer to a campaign, in its space: prefilled, saved as a draft, submitted (again). */
export function SurveyFormPage() {
  const { t } = useTranslation();
  const { spaceId = '', campaignId = '' } = useParams();
  const form = useSurveyForm(spaceId, campaignId);
  // Kept here: a save remounts the form with the saved answer, the message stays.
  const [done, setDone] = useState<string | null>(null);
  useDocumentTitle(form.data?.campaign.title ?? t('survey.space.title'));
  if (form.isPending) return <Loading />;
  if (form.isError) return <ErrorAlert>{t('errors.generic')}</ErrorAlert>;
  // Keyed by the answer's last save: a submission elsewhere (a notice) shows the new answer.
  return <SurveyForm key={`${form.data.status}:${form.data.updatedAt ?? ''}`} spaceId={spaceId} view={form.data} done={done} setDone={setDone} />;
}

interface SurveyFormProps {
  spaceId: string;
  view: SurveyFormView;
  done: string | null;
  setDone: (message: string | null) => void;
}

function SurveyForm({ spaceId, view, done, setDone }: SurveyFormProps) {
  const { t, i18n } = useTranslation();
  const year = view.campaign.year;
  const [draft, setDraft] = useState<SurveyDraft>(() => draftFromAnswers(view.answers, i18n.language));
  const save = useSaveSurvey(spaceId, view.campaign.id);
  const organisations = useOrganisations();
  const fields = [
    ...Object.keys(draft.facts).map((key) => `facts.${key}`),
    ...draft.funding.flatMap((_, i) => [`funding.${i}.funderId`, `funding.${i}.amountCents`]),
    ...draft.relations.flatMap((_, i) => [`relations.${i}.organisationId`, `relations.${i}.cause`]),
  ];
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields });
  const readOnly = !view.canAnswer;

  const send = (submit: boolean) => {
    if (save.isPending) return;
    clear();
    setDone(null);
    const typed = answersFromDraft(draft);
    if (!typed.ok) {
      const messages = { number: t('survey.form.numberError'), amount: t('survey.form.amountError') };
      return showFieldErrors(Object.fromEntries(Object.entries(typed.errors).map(([path, kind]) => [path, messages[kind]])));
    }
    const checked = validate(t, SurveyAnswers, typed.value);
    if (!checked.ok) return showFieldErrors(checked.errors);
    save.mutate(
      { answers: checked.data, submit },
      { onSuccess: () => setDone(t(submit ? 'survey.form.submitted' : 'survey.form.draftSaved')), onError: showError },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(true);
  };

  return (
    <section className="section survey-form">
      <p>
        <Link to={`/espaces/${spaceId}`}>{t('pole.title')}</Link>
      </p>
      <h2>{view.campaign.title}</h2>
      <p>{t('survey.form.intro', { pole: view.pole.name, year })}</p>
      {view.campaign.dueOn ? <p>{t('survey.dueOn', { date: formatDate(view.campaign.dueOn, i18n.language) })}</p> : null}
      <p className="survey-form__status" data-status={view.status}>
        {t('survey.form.statusLine', { status: t(`survey.status.${view.status}`) })}{' '}
        {view.submittedAt ? t('survey.form.submittedOn', { date: formatDateTime(view.submittedAt, i18n.language) }) : null}
      </p>
      <p className="muted">{t(`survey.form.prefilled.${view.prefilledFrom}`)}</p>
      {readOnly ? <Notice>{t('survey.form.readOnly')}</Notice> : null}
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-label={view.campaign.title}>
        <ErrorAlert>{formError}</ErrorAlert>
        <fieldset disabled={readOnly} className="survey-form__fieldset">
          <SurveyFactsFields draft={draft} setDraft={setDraft} errors={fieldErrors} />
          <SurveyFundingRows year={year} draft={draft} setDraft={setDraft} errors={fieldErrors} organisations={organisations.data ?? []} />
          <ProjectFunding view={view} />
          <SurveyRelationRows year={year} draft={draft} setDraft={setDraft} errors={fieldErrors} organisations={organisations.data ?? []} />
        </fieldset>
        {readOnly ? null : (
          <div className="form__actions">
            <Button variant="secondary" busy={save.isPending} disabled={view.status === 'submitted'} onClick={() => send(false)}>
              {t('survey.form.saveDraft')}
            </Button>
            <Button type="submit" busy={save.isPending}>
              {t(view.status === 'submitted' ? 'survey.form.submitAgain' : 'survey.form.submit')}
            </Button>
          </div>
        )}
        <StatusMessage>{done}</StatusMessage>
      </form>
    </section>
  );
}

/** What the pole's projects already hold for the year, per funder level (read-only context for the funding answer). */
function ProjectFunding({ view }: { view: SurveyFormView }) {
  const { t, i18n } = useTranslation();
  const year = view.campaign.year;
  if (view.projectFunding.length === 0) return <p className="muted">{t('survey.form.projects.none', { year })}</p>;
  return (
    <DataTable
      caption={t('survey.form.projects.caption', { year })}
      rows={view.projectFunding}
      rowKey={(row) => row.level}
      columns={[
        { key: 'level', header: t('survey.form.projects.level'), rowHeader: true, cell: (row) => t(`vocab.${FunderLevel.name}.${row.level}`) },
        { key: 'amount', header: t('survey.form.projects.amount'), numeric: true, cell: (row) => formatEuros(row.amountCents, i18n.language) },
        { key: 'projects', header: t('survey.form.projects.projects'), numeric: true, cell: (row) => row.projects },
      ]}
    />
  );
}
