import { SignInRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/account';
import { useSignIn } from './auth-api';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Button } from '../../ui/button';
import { EmailField, PasswordField } from './auth-fields';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { useDocumentTitle } from '../../ui/use-document-title';
import { authSearch, isInvitationPath, safeNext } from './safe-next';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  // Already signed in when arriving here (a successful submit navigates by itself).
  if (me && signIn.isIdle) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    clear();
    const checked = validate(t, SignInRequest, { email, password });
    if (!checked.ok) return showFieldErrors(checked.errors);
    signIn.mutate(checked.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => {
        setPassword('');
        showError(error);
      },
    });
  };

  return (
    <div className="page page--narrow">
      <h1>{t('auth.signIn.title')}</h1>
      {params.get('motDePasseChange') ? <Notice>{t('auth.signIn.passwordChanged')}</Notice> : null}
      {isInvitationPath(next) ? <Notice>{t('auth.signIn.forInvitation')}</Notice> : <p>{t('auth.signIn.intro')}</p>}
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <ErrorAlert>{formError}</ErrorAlert>
        <EmailField label={t('auth.signIn.email')} value={email} onChange={setEmail} error={fieldErrors.email} />
        <PasswordField label={t('auth.signIn.password')} current value={password} onChange={setPassword} error={fieldErrors.password} />
        <div className="form__actions">
          <Button type="submit" busy={signIn.isPending}>
            {t('auth.signIn.submit')}
          </Button>
        </div>
      </form>
      <p className="aside-link">
        <Link to={`/mot-de-passe-oublie${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ''}`}>{t('auth.signIn.forgotPassword')}</Link>
      </p>
      <p className="aside-link">
        {t('auth.signIn.noAccount')} <Link to={`/inscription${authSearch(next, email.trim() || params.get('email'))}`}>{t('auth.signIn.createAccount')}</Link>
      </p>
    </div>
  );
}
