import { LOCALES, UpdateMeRequest, type AccountView, type Locale, type OrganisationView } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/account';
import { useUpdateMe } from './auth-api';
import { useOrganisations } from '../../api/organisations';
import { storeLocale } from '../../i18n/locale';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { RadioGroup } from '../../ui/choice-group';
import { SelectField, TextField, type Option } from '../../ui/field';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { NewOrganisationForm } from './new-organisation-form';
import { organisationKindLabel } from '../../ui/organisation-kind';

const FIELDS = ['displayName', 'organisationId', 'locale'] as const;

export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const { data: me } = useMe();
  return (
    <div className="page page--narrow">
      <h1>{t('profile.title')}</h1>
      {me ? <ProfileForm key={me.id} account={me} /> : <Loading />}
      <p>
        <Link to="/profil/notifications">{t('notificationBell.preferencesLink')}</Link>
      </p>
    </div>
  );
}

function ProfileForm({ account }: { account: AccountView }) {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisations();
  const updateMe = useUpdateMe();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [organisationId, setOrganisationId] = useState(account.organisation?.id ?? '');
  const [locale, setLocale] = useState<Locale>(account.locale);
  const [saved, setSaved] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  const organisationOptions: Option[] = [
    { value: '', label: t('profile.noOrganisation') },
    ...withCurrent(organisations.data ?? [], account.organisation).map((o) => ({
      value: o.id,
      label: `${o.name} (${organisationKindLabel(t, o)})`,
    })),
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (updateMe.isPending) return;
    clear();
    setSaved(null);
    const changes: Record<string, unknown> = {};
    if (displayName !== account.displayName) changes.displayName = displayName;
    if (organisationId !== (account.organisation?.id ?? '')) changes.organisationId = organisationId || null;
    if (locale !== account.locale) changes.locale = locale;
    if (Object.keys(changes).length === 0) return setSaved(t('profile.noChanges'));
    const checked = validate(t, UpdateMeRequest, changes);
    if (!checked.ok) return showFieldErrors(checked.errors);
    updateMe.mutate(checked.data, {
      onSuccess: (updated) => {
        setDisplayName(updated.displayName);
        if (updated.locale !== i18n.resolvedLanguage) {
          storeLocale(updated.locale);
          void i18n.changeLanguage(updated.locale);
        }
        setSaved(t('profile.saved', { lng: updated.locale }));
      },
      onError: showError,
    });
  };

  return (
    <>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <ErrorAlert>{formError}</ErrorAlert>
        <p className="form__readonly">
          <span className="form__readonly-label">{t('profile.email')}</span> {account.email}
        </p>
        <TextField
          label={t('profile.displayName')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fieldErrors.displayName}
        />
        <SelectField
          label={t('profile.organisation')}
          name="organisationId"
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          options={organisationOptions}
          error={fieldErrors.organisationId}
          aria-busy={organisations.isPending || undefined}
        />
        <RadioGroup<Locale>
          legend={t('profile.language')}
          name="locale"
          value={locale}
          onChange={setLocale}
          options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          error={fieldErrors.locale}
        />
        <div className="form__actions">
          <Button type="submit" busy={updateMe.isPending}>
            {t('profile.save')}
          </Button>
        </div>
        <StatusMessage>{saved}</StatusMessage>
      </form>
      <NewOrganisationForm
        onCreated={(organisation) => {
          setOrganisationId(organisation.id);
          updateMe.mutate({ organisationId: organisation.id });
        }}
      />
    </>
  );
}

/** The account's organisation stays selectable even if the list does not contain it (yet). */
function withCurrent(list: OrganisationView[], current: AccountView['organisation']): Pick<OrganisationView, 'id' | 'name' | 'kind'>[] {
  if (!current || list.some((o) => o.id === current.id)) return list;
  return [{ ...current, kind: current.kind as OrganisationView['kind'] }, ...list];
}
