import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from './unread-count';
import './notification-bell.css';

/**
 * The header's bell: a link to the notifications page whose text says how many are unread. The count is kept live
 * by the events provider (api/events.tsx sets it from each notice on `/events`).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data: unread = 0 } = useUnreadCount();
  return (
    <NavLink className="notification-bell" to="/notifications" data-unread={unread}>
      <svg className="notification-bell__icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
      <span className="sr-only">{t('notificationBell.unread', { count: unread })}</span>
    </NavLink>
  );
}
