import { PASSWORD_MIN_LENGTH, PasswordResetConfirm } from '@concerto/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { PasswordField } from './auth-fields';
import { errorMessage, useFormFeedback, validate } from '../../ui/form-feedback';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useConfirmPasswordReset, usePasswordResetCheck } from './password-reset-api';

const FIELDS = ['password'] as const;

/** The page of a reset link: says at once if the link is unknown, used or expired; else asks for the new password. */
export function NewPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.newPassword.title'));
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const check = usePasswordResetCheck(token);
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [linkError, setLinkError] = useState<unknown>();
  const { formRef, fieldErrors, formError, clear, showFieldErrors, showError } = useFormFeedback({ fields: FIELDS });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm.isPending) return;
    clear();
    const checked = validate(t, PasswordResetConfirm, { token, password });
    if (!checked.ok) return showFieldErrors(checked.errors);
    confirm.mutate(checked.data, {
      onSuccess: () => void navigate('/connexion?motDePasseChange=1', { replace: true }),
      onError: (error) => {
        setPassword('');
        // A link refused on submit (used or expired meanwhile) replaces the form; other errors stay on it.
        if ((error as { code?: string }).code?.startsWith('reset_link_')) setLinkError(error);
        else showError(error);
      },
    });
  };

  const refusal = linkError ?? check.error;
  return (
    <div className="page page--narrow">
      <h1>{t('auth.newPassword.title')}</h1>
      {refusal ? (
        <>
          <ErrorAlert>{errorMessage(t, refusal)}</ErrorAlert>
          <p className="aside-link">
            <Link to="/mot-de-passe-oublie">{t('auth.newPassword.askAgain')}</Link>
          </p>
        </>
      ) : check.isPending ? (
        <p role="status">{t('auth.newPassword.checking')}</p>
      ) : (
        <>
          <p>{t('auth.newPassword.intro')}</p>
          <form className="card form" ref={formRef} noValidate onSubmit={onSubmit}>
            <ErrorAlert>{formError}</ErrorAlert>
            <PasswordField
              label={t('auth.newPassword.password')}
              hint={t('auth.newPassword.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              value={password}
              onChange={setPassword}
              error={fieldErrors.password}
            />
            <div className="form__actions">
              <Button type="submit" busy={confirm.isPending}>
                {t('auth.newPassword.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
