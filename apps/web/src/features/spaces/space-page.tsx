import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useSpaceEvents } from '../../api/events';
import { useSpace } from './spaces-api';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { RoleBadge } from '../../ui/role-badge';
import { TabNav, type TabLink } from '../../ui/tab-nav';
import { useDocumentTitle } from '../../ui/use-document-title';
import type { SpaceContext } from './space-context';

/** A concertation space: its header (title, pole, my role) and its sections as sub-routes. */
export function SpacePage() {
  const { t } = useTranslation();
  const { spaceId = '' } = useParams();
  const space = useSpace(spaceId);
  useSpaceEvents(spaceId);
  const notFound = isApiError(space.error, 404) || isApiError(space.error, 403);
  // Once loaded, each section sets the title itself.
  useDocumentTitle(space.data ? undefined : notFound ? t('space.notFoundTitle') : t('app.loading'));

  if (space.isPending) return <Loading />;
  if (space.isError) {
    if (notFound) {
      return (
        <div className="page page--narrow">
          <h1>{t('space.notFoundTitle')}</h1>
          <p>{t('space.notFoundText')}</p>
          <p>
            <Link to="/">{t('space.backToSpaces')}</Link>
          </p>
        </div>
      );
    }
    return (
      <ErrorAlert>
        <p>{errorMessage(t, space.error)}</p>
        <Button variant="secondary" onClick={() => void space.refetch()}>
          {t('errors.retry')}
        </Button>
      </ErrorAlert>
    );
  }

  const current = space.data;
  const base = `/espaces/${current.id}`;
  const links: TabLink[] = [
    { to: base, label: t('space.tabs.pole'), end: true },
    { to: `${base}/diagnostic`, label: t('diagnostic.title') },
    { to: `${base}/projets`, label: t('space.tabs.projects') },
    { to: `${base}/seances`, label: t('space.tabs.sessions') },
    { to: `${base}/guide`, label: t('guide.title') },
    { to: `${base}/membres`, label: t('space.tabs.members') },
    ...(current.myRole === 'animateur' ? [{ to: `${base}/invitations`, label: t('space.tabs.invitations') }] : []),
  ];
  const context: SpaceContext = { space: current };

  return (
    <div className="page">
      <div className="space-header">
        <p className="space-header__back">
          <Link to="/">{t('space.backToSpaces')}</Link>
        </p>
        <h1>{current.title}</h1>
        <dl className="space-header__meta">
          <div>
            <dt>{t('space.pole')}</dt>
            <dd>{current.pole.name}</dd>
          </div>
          {current.pole.territory ? (
            <div>
              <dt>{t('space.territory')}</dt>
              <dd>{current.pole.territory}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('space.myRole')}</dt>
            <dd>
              <RoleBadge role={current.myRole} />
            </dd>
          </div>
        </dl>
        {current.description ? <p className="space-header__description">{current.description}</p> : null}
      </div>
      <TabNav label={t('space.sections')} links={links} />
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
    </div>
  );
}
