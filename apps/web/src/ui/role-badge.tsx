import type { SpaceRole } from '@concerto/domain';
import { useTranslation } from 'react-i18next';

export function RoleBadge({ role }: { role: SpaceRole }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${role}`}>{t(`vocab.spaceRole.${role}`)}</span>;
}
