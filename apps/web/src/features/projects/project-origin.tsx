import type { ProjectDetail } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * Where a project made from a session decision comes from: links to that decision and to its session. Written
 * without react-i18next's `Trans`, which would bring an HTML parser into every page's shared libraries.
 */
export function ProjectOrigin({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const origin = project.origin;
  if (!origin) return null;
  return (
    <p className="project-origin">
      {t('projects.origin.fromDecision')}{' '}
      <Link to={`/seances/${origin.sessionId}#decision-${origin.decisionId}`}>{t('projects.origin.quoted', { text: short(origin.decisionText) })}</Link>{' '}
      {t('projects.origin.ofSession')} <Link to={`/seances/${origin.sessionId}`}>{t('projects.origin.quoted', { text: origin.sessionTitle })}</Link>.
    </p>
  );
}
