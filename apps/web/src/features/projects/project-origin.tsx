import type { ProjectDetail } from '@concerto/domain';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** Where a project made from a session decision comes from: links to that decision and to its session. */
export function ProjectOrigin({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const origin = project.origin;
  if (!origin) return null;
  return (
    <p className="project-origin">
      <Trans
        t={t}
        i18nKey="projects.origin.text"
        values={{ decision: short(origin.decisionText), session: origin.sessionTitle }}
        components={{
          decision: <Link to={`/seances/${origin.sessionId}#decision-${origin.decisionId}`} />,
          session: <Link to={`/seances/${origin.sessionId}`} />,
        }}
      />
    </p>
  );
}
