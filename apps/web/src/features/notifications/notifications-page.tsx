import type { NotificationView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { groupByDay } from './notification-days';
import { notificationSentence } from './notification-sentence';
import { useMarkRead, useNotificationFeed } from './notifications-api';
import './notifications.css';

/** The account's notifications by day (in its time zone), each a link to the exact place; mark read, mark all read. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const feed = useNotificationFeed();
  const markRead = useMarkRead();
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = feed.data?.pages[0]?.unread ?? 0;
  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const timeFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' });

  return (
    <div className="page page--narrow notifications-page">
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      <p className="notifications-page__tools">
        <Button variant="secondary" disabled={unread === 0} busy={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          {t('notifications.markAllRead')}
        </Button>
        <Link to="/profil/notifications">{t('notifications.preferencesLink')}</Link>
      </p>
      {markRead.isError ? <ErrorAlert>{errorMessage(t, markRead.error)}</ErrorAlert> : null}
      {feed.isPending ? <Loading /> : null}
      {feed.isError ? <ErrorAlert>{errorMessage(t, feed.error)}</ErrorAlert> : null}
      {feed.isSuccess && items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
      {groupByDay(items).map((day) => (
        <section key={day.key} aria-labelledby={`jour-${day.key}`} className="notifications-day">
          <h2 id={`jour-${day.key}`}>
            {day.label === 'today' ? t('notifications.today') : day.label === 'yesterday' ? t('notifications.yesterday') : dateFormat.format(day.label)}
          </h2>
          <ul className="notifications-list">
            {day.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                time={timeFormat.format(new Date(notification.createdAt))}
                onRead={() => markRead.mutate({ ids: [notification.id] })}
              />
            ))}
          </ul>
        </section>
      ))}
      {feed.hasNextPage ? (
        <Button variant="secondary" busy={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
          {t('notifications.more')}
        </Button>
      ) : null}
    </div>
  );
}

function NotificationItem({ notification, time, onRead }: { notification: NotificationView; time: string; onRead: () => void }) {
  const { t, i18n } = useTranslation();
  const unread = notification.readAt === null;
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <Link className="notification__link" to={notification.link} onClick={unread ? onRead : undefined}>
        {unread ? <span className="notification__dot">{t('labelBefore', { label: t('notifications.unread') })}</span> : null}
        {notificationSentence(i18n.language, notification)}
      </Link>
      <p className="notification__meta">
        <time dateTime={notification.createdAt}>{time}</time>
        {notification.spaceName ? <> · {t('notifications.inSpace', { space: notification.spaceName })}</> : null}
        {notification.params.excerpt ? <> · {t('quoted', { text: notification.params.excerpt })}</> : null}
      </p>
      {unread ? (
        <Button variant="secondary" className="notification__read" onClick={onRead}>
          {t('notifications.markRead')}
        </Button>
      ) : null}
    </li>
  );
}
