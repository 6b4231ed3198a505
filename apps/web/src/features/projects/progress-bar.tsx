import { useTranslation } from 'react-i18next';
import { formatShare } from '../../ui/format';

/** Progress rolled up from milestones, as a bar with its value in words. */
export function ProgressBar({ progress, done, total }: { progress: number | null; done: number; total: number }) {
  const { t, i18n } = useTranslation();
  if (progress === null || total === 0) return <p className="progress progress--none">{t('projects.progress.none')}</p>;
  const text = t('projects.progress.value', { percent: formatShare(progress, i18n.language), done, count: total });
  return (
    <div className="progress">
      <p className="progress__label">{text}</p>
      <div className="progress__track" aria-hidden="true">
        <div className="progress__bar" style={{ width: `${Math.round(progress * 100)}%` }} />
      </div>
    </div>
  );
}
