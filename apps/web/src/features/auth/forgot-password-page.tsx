import { PasswordResetRequest } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { EmailField } from './auth-fields';
import { useFormFeedback, validate } from '../../ui/form-feedback';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useRequestPasswordReset } from './password-reset-api';

const FIELDS = ['email'] as const;

/** « Mot de passe oublié » : asks for the account's address; the answer never tells whether an account has it. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgotPassword.title'));
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const request = useRequestPasswordReset();
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (request.isPending) return;
    clear();
    setSentTo(undefined);
    const checked = validate(t, PasswordResetRequest, { email });
    if (!checked.ok) return showFieldErrors(checked.errors);
    request.mutate(checked.data, { onSuccess: () => setSentTo(checked.data.email), onError: showError });
  };

  return (
    <div className="page page--narrow">
      <h1>{t('auth.forgotPassword.title')}</h1>
      <p>{t('auth.forgotPassword.intro')}</p>
      <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
        <ErrorAlert>{formError}</ErrorAlert>
        <StatusMessage>{sentTo ? t('auth.forgotPassword.sent', { email: sentTo }) : undefined}</StatusMessage>
        <EmailField label={t('auth.forgotPassword.email')} value={email} onChange={setEmail} error={fieldErrors.email} />
        <div className="form__actions">
          <Button type="submit" busy={request.isPending}>
            {t('auth.forgotPassword.submit')}
          </Button>
        </div>
      </form>
      <p className="aside-link">
        <Link to="/connexion">{t('auth.forgotPassword.backToSignIn')}</Link>
      </p>
    </div>
  );
}
