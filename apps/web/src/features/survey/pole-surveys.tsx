import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PoleProfileTab } from '../spaces/pole-profile-tab';
import { useSpaceContext } from '../spaces/space-context';
import { useSpaceSurveys } from './survey-api';

/** The yearly surveys asking the space's pole, under its profile (which an answer updates): a link to each form. */
export function SpaceSurveys({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const surveys = useSpaceSurveys(spaceId);
  if (!surveys.data || surveys.data.length === 0) return null;
  return (
    <section className="section" aria-labelledby="space-surveys-title">
      <h2 id="space-surveys-title">{t('survey.space.title')}</h2>
      <ul>
        {surveys.data.map((survey) => (
          <li key={survey.campaignId}>
            <Link to={`/espaces/${spaceId}/enquete/${survey.campaignId}`}>
              {t('survey.space.open', { title: survey.title, status: t(`survey.status.${survey.status}`) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The space's first tab: the pole's profile, then the surveys asking the pole. */
export function PoleProfileWithSurveys() {
  const { space } = useSpaceContext();
  return (
    <>
      <PoleProfileTab />
      <SpaceSurveys spaceId={space.id} />
    </>
  );
}
