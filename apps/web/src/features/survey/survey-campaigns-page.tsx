import { OpenSurveyCampaignRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSpacesEvents } from '../../api/events';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { TextField } from '../../ui/field';
import { errorMessage, useFormFeedback, validate } from '../../ui/form-feedback';
import { formatDate } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaces } from '../spaces/spaces-api';
import { useOpenSurveyCampaign, useSurveyCampaigns } from './survey-api';
import { useSurveyNotices } from './survey-notices';
import { SurveyRate } from './survey-rate';
import './survey.css';

/** The observatory's yearly surveys: the campaigns I opened, year over year, and opening a new one. */
export function SurveyCampaignsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('survey.campaigns.title'));
  const spaces = useSpaces();
  useSpacesEvents((spaces.data ?? []).map((space) => space.id));
  useSurveyNotices();
  const campaigns = useSurveyCampaigns();
  return (
    <div className="page survey">
      <p>
        <Link to="/observatoire">{t('survey.campaigns.back')}</Link>
      </p>
      <h1>{t('survey.campaigns.title')}</h1>
      <p>{t('survey.campaigns.intro')}</p>
      {campaigns.isPending ? <Loading /> : null}
      {campaigns.isError ? <ErrorAlert>{errorMessage(t, campaigns.error)}</ErrorAlert> : null}
      {campaigns.data?.length === 0 ? <p className="muted">{t('survey.campaigns.empty')}</p> : null}
      {campaigns.data && campaigns.data.length > 0 ? (
        <DataTable
          caption={t('survey.campaigns.caption')}
          rows={campaigns.data}
          rowKey={(c) => c.id}
          columns={[
            { key: 'year', header: t('survey.campaigns.year'), rowHeader: true, cell: (c) => c.year },
            {
              key: 'name',
              header: t('survey.campaigns.name'),
              cell: (c) => (
                <>
                  <Link to={`/observatoire/enquetes/${c.id}`}>{c.title}</Link>
                  {c.dueOn ? <span className="muted"> — {t('survey.dueOn', { date: formatDate(c.dueOn, i18n.language) })}</span> : null}
                </>
              ),
            },
            { key: 'rate', header: t('survey.campaigns.rate'), cell: (c) => <SurveyRate campaign={c} /> },
          ]}
        />
      ) : null}
      <OpenCampaignForm />
    </div>
  );
}

function OpenCampaignForm() {
  const { t } = useTranslation();
  const open = useOpenSurveyCampaign();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: ['year', 'title', 'dueOn'] });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (open.isPending) return;
    clear();
    setDone(null);
    if (!/^\d{4}$/.test(year.trim())) return showFieldErrors({ year: t('survey.open.yearError') });
    const checked = validate(t, OpenSurveyCampaignRequest, {
      year: Number(year),
      title: title.trim() || t('survey.open.defaultName', { year: year.trim() }),
      dueOn: dueOn || null,
    });
    if (!checked.ok) return showFieldErrors(checked.errors);
    open.mutate(checked.data, {
      onSuccess: (campaign) => {
        setTitle('');
        setDone(t('survey.open.opened', { count: campaign.poles }));
      },
      onError: showError,
    });
  };
  return (
    <form className="card form" ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby="survey-open-title">
      <h2 id="survey-open-title">{t('survey.open.title')}</h2>
      <p className="field__hint">{t('survey.open.hint')}</p>
      <ErrorAlert>{formError}</ErrorAlert>
      <div className="form__row">
        <TextField
          label={t('survey.open.year')}
          name="year"
          inputMode="numeric"
          className="input input--short"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={fieldErrors.year}
        />
        <TextField
          label={t('survey.open.name')}
          name="title"
          placeholder={t('survey.open.defaultName', { year })}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldErrors.title}
        />
        <TextField
          label={t('survey.open.dueOn')}
          hint={t('survey.open.dueOnHint')}
          name="dueOn"
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          error={fieldErrors.dueOn}
        />
      </div>
      <Button type="submit" busy={open.isPending}>
        {t('survey.open.submit')}
      </Button>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
