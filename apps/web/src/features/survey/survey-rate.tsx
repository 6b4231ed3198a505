import type { SurveyCampaignSummary } from '@concerto/domain';
import { useTranslation } from 'react-i18next';

/** « 52 répondants sur 75 (42 en 2013) »: the response rate, and the year before's when there was a campaign. */
export function SurveyRate({ campaign }: { campaign: SurveyCampaignSummary }) {
  const { t } = useTranslation();
  return (
    <span className="survey-rate">
      {t('survey.rate', { count: campaign.respondents, poles: campaign.poles })}
      {campaign.previous ? ` (${t('survey.previousRate', { count: campaign.previous.respondents, year: campaign.previous.year })})` : null}
    </span>
  );
}
