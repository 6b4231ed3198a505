import type { AccountView, InvitationPreview } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/account';
import { isApiError } from '../../api/client';
import { useAcceptInvitation, useInvitationPreview } from './invitations-api';
import { ErrorAlert, Notice } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { authSearch } from '../auth/safe-next';
import './invitations.css';

/** The page an invitation link opens: who invites to what, then sign up, sign in or join. */
export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitationPage.title'));
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const me = useMe();

  let body;
  if (preview.isPending || me.isPending) body = <Loading />;
  else if (preview.isError) {
    const message = isApiError(preview.error, 404)
      ? t('invitationPage.notFound')
      : isApiError(preview.error, 410)
        ? t('vocab.errorCode.invitation_invalid')
        : errorMessage(t, preview.error);
    body = <ErrorAlert>{message}</ErrorAlert>;
  } else body = <InvitationDetails token={token} preview={preview.data} account={me.data ?? null} />;

  return (
    <div className="page page--narrow">
      <h1>{t('invitationPage.heading')}</h1>
      {body}
    </div>
  );
}

function InvitationDetails({ token, preview, account }: { token: string; preview: InvitationPreview; account: AccountView | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);

  if (preview.status === 'accepted') {
    return (
      <>
        <Notice>{t('invitationPage.accepted')}</Notice>
        {account ? (
          <p>
            <Link to="/">{t('invitationPage.goToSpaces')}</Link>
          </p>
        ) : null}
      </>
    );
  }
  if (preview.status !== 'pending') return <ErrorAlert>{t('vocab.errorCode.invitation_invalid')}</ErrorAlert>;

  const description = (
    <div className="card invitation">
      <p className="invitation__lead">
        {t('invitationPage.text', {
          invitedBy: preview.invitedBy,
          space: preview.spaceTitle,
          pole: preview.poleName,
          role: t(`vocab.spaceRole.${preview.role}`),
        })}
      </p>
      <p className="muted">{t('invitationPage.addressedTo', { email: preview.email })}</p>
    </div>
  );

  if (!account) {
    const search = authSearch(location.pathname, preview.email);
    return (
      <>
        {description}
        <p>{t('invitationPage.anonymous')}</p>
        <p className="actions">
          <Link className="button button--primary" to={`/inscription${search}`}>
            {t('invitationPage.createAccount')}
          </Link>
          <Link className="button button--secondary" to={`/connexion${search}`}>
            {t('invitationPage.signIn')}
          </Link>
        </p>
      </>
    );
  }

  if (account.email.toLowerCase() !== preview.email.toLowerCase()) {
    return (
      <>
        {description}
        <div className="alert alert--warning">
          <p>{t('invitationPage.mismatch', { current: account.email, invited: preview.email })}</p>
        </div>
      </>
    );
  }

  const join = () => {
    if (accept.isPending) return;
    accept.mutate(undefined, { onSuccess: ({ spaceId }) => void navigate(`/espaces/${spaceId}`) });
  };

  return (
    <>
      {description}
      <ErrorAlert>{accept.isError ? errorMessage(t, accept.error) : null}</ErrorAlert>
      <p className="actions">
        <Button onClick={join} busy={accept.isPending}>
          {t('invitationPage.join')}
        </Button>
      </p>
    </>
  );
}
