import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useMe } from '../api/account';
import { useSignOut } from '../features/auth/auth-api';
import { NotificationBell } from '../features/notifications/notification-bell';
import { forgetOfflineData } from './offline-shell';
import { Button } from '../ui/button';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut({ onSignedOut: forgetOfflineData });
  const navigate = useNavigate();

  const onSignOut = () => {
    if (signOut.isPending) return;
    signOut.mutate(undefined, { onSettled: () => void navigate('/connexion', { replace: true }) });
  };

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <div className="brand">
          <Link className="brand__name" to="/" aria-label={t('header.homeLink')}>
            {t('app.name')}
          </Link>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <div className="site-header__tools">
          {me ? (
            <>
              <NotificationBell />
              <p className="site-header__user">
                <span className="sr-only">{t('header.signedInAs')} </span>
                {me.displayName}
              </p>
              <Button variant="secondary" onClick={onSignOut} busy={signOut.isPending}>
                {t('header.signOut')}
              </Button>
            </>
          ) : null}
          <LanguageSwitch />
        </div>
      </div>
      {me ? (
        <nav className="main-nav" aria-label={t('header.mainNav')}>
          <ul className="container main-nav__list">
            <li>
              <NavLink className="main-nav__link" to="/" end>
                {t('header.mySpaces')}
              </NavLink>
            </li>
            <li>
              <NavLink className="main-nav__link" to="/observatoire">
                {t('header.observatory')}
              </NavLink>
            </li>
            <li>
              <NavLink className="main-nav__link" to="/profil">
                {t('header.myProfile')}
              </NavLink>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
