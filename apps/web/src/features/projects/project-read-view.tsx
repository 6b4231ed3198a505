import type { ProjectDetail } from '@concerto/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';

/** The project's description for observers. */
export function ProjectReadView({ project }: { project: ProjectDetail }) {
  const { t, i18n } = useTranslation();
  const none = t('pole.notSpecified');
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  return (
    <dl className="entry__list project-read">
      <Item term={t('projects.fields.summary')}>{project.summary || none}</Item>
      <Item term={t('projects.fields.stage')}>{t(`vocab.projectStage.${project.stage}`)}</Item>
      <Item term={t('projects.fields.status')}>{t(`vocab.projectStatus.${project.status}`)}</Item>
      <Item term={t('projects.fields.startDate')}>{project.startDate ? formatDate(project.startDate, i18n.language) : none}</Item>
      <Item term={t('projects.fields.endDate')}>{project.endDate ? formatDate(project.endDate, i18n.language) : none}</Item>
      <Item term={t('projects.fields.levers')}>{list(project.levers.map((l) => t(`vocab.lever.${l}`)))}</Item>
      <Item term={t('projects.fields.policyFrames')}>{list(project.policyFrames.map((f) => t(`vocab.policyFrame.${f}`)))}</Item>
      <Item term={t('projects.fields.partners')}>{list(project.partners.map((p) => `${p.name} (${t(`vocab.partnerRole.${p.role}`)})`))}</Item>
    </dl>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="entry__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
