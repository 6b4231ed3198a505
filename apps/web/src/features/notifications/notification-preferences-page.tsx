import {
  DEFAULT_NOTIFICATION_CHANNELS,
  DigestFrequency,
  NotificationChannel,
  NotificationKind,
  type NotificationPreference,
  type NotificationPreferences,
} from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSpaces } from '../spaces/spaces-api';
import { notificationKindLabel } from './notification-sentence';
import { useNotificationPreferences, useUpdateNotificationPreferences } from './notifications-api';
import './notifications.css';

const KINDS = NotificationKind.options;
const CHANNELS = NotificationChannel.options;
const INHERIT = 'inherit';
type Choice = NotificationChannel | typeof INHERIT;

/** Per kind: in the app / by e-mail / in the digest / off, for all spaces and per space; the digest's frequency. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.preferences.title'));
  const preferences = useNotificationPreferences();
  return (
    <div className="page page--narrow">
      <h1>{t('notifications.preferences.title')}</h1>
      <p>{t('notifications.preferences.intro')}</p>
      <p>
        <Link to="/notifications">{t('notifications.preferences.back')}</Link>
      </p>
      {preferences.isError ? <ErrorAlert>{errorMessage(t, preferences.error)}</ErrorAlert> : null}
      {preferences.data ? <PreferencesForm current={preferences.data} /> : preferences.isPending ? <Loading /> : null}
    </div>
  );
}

const choicesOf = (preferences: readonly NotificationPreference[], spaceId: string | null) =>
  new Map(preferences.filter((p) => p.spaceId === spaceId).map((p) => [p.kind, p.channel]));

function PreferencesForm({ current }: { current: NotificationPreferences }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationPreferences();
  const spaces = useSpaces();
  const [digest, setDigest] = useState<DigestFrequency>(current.digest);
  const [global, setGlobal] = useState(() => {
    const chosen = choicesOf(current.preferences, null);
    return new Map(KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_NOTIFICATION_CHANNELS[kind]]));
  });
  const [spaceId, setSpaceId] = useState('');
  const [overrides, setOverrides] = useState(new Map<NotificationKind, Choice>());
  const [saved, setSaved] = useState(false);

  const chooseSpace = (id: string) => {
    setSpaceId(id);
    const chosen = choicesOf(current.preferences, id || null);
    setOverrides(new Map(KINDS.map((kind) => [kind, chosen.get(kind) ?? INHERIT])));
    setSaved(false);
  };

  const channelOptions = CHANNELS.map((channel) => ({ value: channel, label: t(`notifications.preferences.channel.${channel}`) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    // A choice equal to the default is no preference: a better default later reaches this account too.
    const preferences: NotificationPreference[] = [];
    const reset: { kind: NotificationKind; spaceId: string | null }[] = [];
    for (const kind of KINDS) {
      const channel = global.get(kind) ?? DEFAULT_NOTIFICATION_CHANNELS[kind];
      if (channel === DEFAULT_NOTIFICATION_CHANNELS[kind]) reset.push({ kind, spaceId: null });
      else preferences.push({ kind, spaceId: null, channel });
    }
    if (spaceId) {
      for (const kind of KINDS) {
        const choice = overrides.get(kind) ?? INHERIT;
        if (choice === INHERIT) reset.push({ kind, spaceId });
        else preferences.push({ kind, spaceId, channel: choice });
      }
    }
    update.mutate({ digest, preferences, reset }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <SelectField
        label={t('notifications.preferences.digest')}
        name="digest"
        value={digest}
        onChange={(e) => setDigest(e.target.value as DigestFrequency)}
        options={DigestFrequency.options.map((f) => ({ value: f, label: t(`notifications.preferences.digestFrequency.${f}`) }))}
      />
      <h2>{t('notifications.preferences.everywhere')}</h2>
      <KindTable
        caption={t('notifications.preferences.everywhere')}
        choices={global}
        options={channelOptions}
        onChange={(kind, choice) => setGlobal(new Map(global).set(kind, choice as NotificationChannel))}
      />
      <h2>{t('notifications.preferences.space')}</h2>
      <p>{t('notifications.preferences.spaceHint')}</p>
      <SelectField
        label={t('notifications.preferences.spaceChoice')}
        name="space"
        value={spaceId}
        onChange={(e) => chooseSpace(e.target.value)}
        options={[{ value: '', label: t('notifications.preferences.noSpace') }, ...(spaces.data ?? []).map((s) => ({ value: s.id, label: s.title }))]}
      />
      {spaceId ? (
        <KindTable
          caption={spaces.data?.find((s) => s.id === spaceId)?.title ?? ''}
          choices={overrides}
          options={[{ value: INHERIT, label: t('notifications.preferences.inherit') }, ...channelOptions]}
          onChange={(kind, choice) => setOverrides(new Map(overrides).set(kind, choice))}
        />
      ) : null}
      {update.isError ? <ErrorAlert>{errorMessage(t, update.error)}</ErrorAlert> : null}
      {saved ? <StatusMessage>{t('notifications.preferences.saved')}</StatusMessage> : null}
      <Button type="submit" busy={update.isPending}>
        {t('notifications.preferences.save')}
      </Button>
    </form>
  );
}

function KindTable({
  caption,
  choices,
  options,
  onChange,
}: {
  caption: string;
  choices: ReadonlyMap<NotificationKind, Choice>;
  options: { value: string; label: string }[];
  onChange: (kind: NotificationKind, choice: Choice) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="preferences-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('notifications.preferences.kind')}</th>
          <th scope="col">
            <span className="sr-only">{caption}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row">{notificationKindLabel(i18n.language, kind)}</th>
            <td>
              <select
                className="input input--select"
                aria-label={t('notifications.preferences.channelFor', { kind: notificationKindLabel(i18n.language, kind) })}
                value={choices.get(kind) ?? INHERIT}
                onChange={(e) => onChange(kind, e.target.value as Choice)}
              >
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
