import { PASSWORD_MIN_LENGTH, SignUpRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/account';
import { useSignUp } from './auth-api';
import { currentLocale } from '../../i18n/locale';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { EmailField, PasswordField } from './auth-fields';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { useDocumentTitle } from '../../ui/use-document-title';
import { authSearch, isInvitationPath, safeNext } from './safe-next';

const FIELDS = ['displayName', 'email', 'password'] as const;

export function SignUpPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signUp.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const fromInvitation = isInvitationPath(next);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signUp = useSignUp();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  // Already signed in when arriving here (a successful submit navigates by itself).
  if (me && signUp.isIdle) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signUp.isPending) return;
    clear();
    const checked = validate(t, SignUpRequest, { displayName, email, password, locale: currentLocale() });
    if (!checked.ok) return showFieldErrors(checked.errors);
    signUp.mutate(checked.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: showError,
    });
  };

  return (
    <div className="page page--narrow">
      <h1>{t('auth.signUp.title')}</h1>
      {fromInvitation ? <Notice>{t('auth.signUp.forInvitation')}</Notice> : <p>{t('auth.signUp.intro')}</p>}
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <p className="form__note">{t('form.requiredNote')}</p>
        <ErrorAlert>{formError}</ErrorAlert>
        <TextField
          label={t('auth.signUp.displayName')}
          hint={t('auth.signUp.displayNameHint')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fieldErrors.displayName}
        />
        <EmailField label={t('auth.signUp.email')} hint={t('auth.signUp.emailHint')} value={email} onChange={setEmail} error={fieldErrors.email} />
        <PasswordField
          label={t('auth.signUp.password')}
          hint={t('auth.signUp.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        <p className="form__note">{t('auth.signUp.organisationLater')}</p>
        <div className="form__actions">
          <Button type="submit" busy={signUp.isPending}>
            {t('auth.signUp.submit')}
          </Button>
        </div>
      </form>
      <p className="aside-link">
        {t('auth.signUp.haveAccount')} <Link to={`/connexion${authSearch(next, email.trim() || params.get('email'))}`}>{t('auth.signUp.signIn')}</Link>
      </p>
    </div>
  );
}
