import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSpaces } from './spaces-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { RoleBadge } from '../../ui/role-badge';

export function SpaceList() {
  const { t } = useTranslation();
  const spaces = useSpaces();

  if (spaces.isPending) return <Loading />;
  if (spaces.isError) {
    return (
      <ErrorAlert>
        <p>{errorMessage(t, spaces.error)}</p>
        <Button variant="secondary" onClick={() => void spaces.refetch()}>
          {t('errors.retry')}
        </Button>
      </ErrorAlert>
    );
  }
  if (spaces.data.length === 0) return <p className="empty">{t('spaces.empty')}</p>;

  return (
    <ul className="space-list">
      {spaces.data.map((space) => (
        <li className="space-card" key={space.id}>
          <h2 className="space-card__title">
            <Link to={`/espaces/${space.id}`}>{space.title}</Link>
          </h2>
          <p className="space-card__pole">
            <span className="space-card__label">{t('spaces.pole')}</span> {space.pole.name}
            {space.pole.territory ? ` · ${space.pole.territory}` : null}
          </p>
          <p className="space-card__meta">
            <span>
              <span className="space-card__label">{t('spaces.myRole')}</span> <RoleBadge role={space.myRole} />
            </span>
            <span>{t('spaces.members', { count: space.memberCount })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
