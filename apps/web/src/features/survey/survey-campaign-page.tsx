import type { SurveyCampaignPole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSpacesEvents } from '../../api/events';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { errorMessage } from '../../ui/form-feedback';
import { formatDate, formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useActionFeedback, useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useRemindSurvey, useSurveyCampaign } from './survey-api';
import { useSurveyNotices } from './survey-notices';
import { SurveyRate } from './survey-rate';
import './survey.css';

/** A campaign: its response rate live, the year before's, each pole's answer, and « Relancer ». */
export function SurveyCampaignPage() {
  const { t, i18n } = useTranslation();
  const { campaignId = '' } = useParams();
  const campaign = useSurveyCampaign(campaignId);
  useDocumentTitle(campaign.data?.title ?? t('survey.campaigns.title'));
  // The poles' rooms: their answers (survey, pole, funding, relation notices) refresh the page.
  useSpacesEvents((campaign.data?.poleList ?? []).flatMap((pole) => (pole.spaceId ? [pole.spaceId] : [])));
  useSurveyNotices();
  const remind = useRemindSurvey(campaignId);
  const feedback = useActionFeedback();
  const confirmRemind = useConfirmedMutation(remind, feedback);

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorAlert>{errorMessage(t, campaign.error)}</ErrorAlert>;
  const view = campaign.data;
  const pending = view.poleList.filter((pole) => pole.status !== 'submitted').length;
  const status = (pole: SurveyCampaignPole) => t(`survey.status.${pole.status}`);
  return (
    <div className="page survey">
      <p>
        <Link to="/observatoire/enquetes">{t('survey.campaign.back')}</Link>
      </p>
      <h1>{view.title}</h1>
      <p className="survey-campaign__rate" aria-live="polite">
        <SurveyRate campaign={view} />
        {view.drafts > 0 ? <span className="muted"> — {t('survey.drafts', { count: view.drafts })}</span> : null}
      </p>
      <progress className="survey-campaign__progress" max={Math.max(view.poles, 1)} value={view.respondents} aria-label={t('survey.campaigns.rate')} />
      {view.dueOn ? <p>{t('survey.dueOn', { date: formatDate(view.dueOn, i18n.language) })}</p> : null}
      <div className="form__actions">
        {pending > 0 ? (
          <Button
            variant="secondary"
            busy={remind.isPending}
            onClick={() =>
              confirmRemind(undefined, { question: t('survey.campaign.remindQuestion'), success: (r) => t('survey.campaign.reminded', { count: r.poles }) })
            }
          >
            {t('survey.campaign.remind')}
          </Button>
        ) : (
          <p>{t('survey.campaign.allAnswered')}</p>
        )}
      </div>
      <StatusMessage>{feedback.status}</StatusMessage>
      <ErrorAlert>{feedback.error}</ErrorAlert>
      <DataTable
        caption={t('survey.campaign.polesCaption')}
        rows={view.poleList}
        rowKey={(pole) => pole.poleId}
        columns={[
          { key: 'pole', header: t('survey.campaign.pole'), rowHeader: true, cell: (pole) => pole.name },
          { key: 'territory', header: t('survey.campaign.territory'), cell: (pole) => pole.territory },
          { key: 'status', header: t('survey.campaign.status'), cell: (pole) => <span data-status={pole.status}>{status(pole)}</span> },
          {
            key: 'submittedAt',
            header: t('survey.campaign.submittedAt'),
            cell: (pole) => (pole.submittedAt ? formatDateTime(pole.submittedAt, i18n.language) : '—'),
          },
          {
            key: 'reminded',
            header: t('survey.campaign.lastReminded'),
            cell: (pole) => (pole.lastRemindedAt ? formatDateTime(pole.lastRemindedAt, i18n.language) : '—'),
          },
          {
            key: 'form',
            header: t('survey.campaign.form'),
            cell: (pole) =>
              pole.spaceId ? (
                <Link to={`/espaces/${pole.spaceId}/enquete/${view.id}`} aria-label={t('survey.campaign.openForm', { pole: pole.name })}>
                  {t('survey.campaign.form')}
                </Link>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
