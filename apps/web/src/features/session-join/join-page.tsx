import { JoinRequest, type JoinedView } from '@concerto/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { errorMessage, useFormFeedback, validate } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ParticipantSession } from './participant-session';
import { useJoin, useJoinPreview } from './session-join-api';
import './session-join.css';

/**
 * `/rejoindre/:code`, made for a phone: what the code opens, a name (and an organisation) to join with, then the
 * session as a participant. A device that already joined is offered to continue as the same participant.
 */
export function JoinPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const preview = useJoinPreview(code);
  const join = useJoin(code);
  const [joined, setJoined] = useState<JoinedView | null>(null);
  useDocumentTitle(joined ? t('join.welcome', { name: joined.displayName }) : (preview.data?.sessionTitle ?? t('join.title')));

  if (joined) return <ParticipantSession joined={joined} />;
  return (
    <main className="join-page" id="main">
      {preview.isPending ? <Loading /> : null}
      {preview.isError ? (
        <>
          <h1>{isApiError(preview.error, 409) ? t('join.closedTitle') : t('join.invalidTitle')}</h1>
          <ErrorAlert>{errorMessage(t, preview.error)}</ErrorAlert>
        </>
      ) : null}
      {preview.data ? (
        <>
          <h1>{t('labelled', { label: t('join.title'), value: preview.data.sessionTitle })}</h1>
          <p>{t('join.intro')}</p>
          {preview.data.resumeAs ? (
            <Button busy={join.isPending} onClick={() => join.mutate({ displayName: preview.data?.resumeAs ?? '' }, { onSuccess: setJoined })}>
              {t('join.resume', { name: preview.data.resumeAs })}
            </Button>
          ) : (
            <JoinForm busy={join.isPending} error={join.error} onJoin={(body) => join.mutate(body, { onSuccess: setJoined })} />
          )}
          {preview.data.resumeAs ? <ErrorAlert>{join.isError ? errorMessage(t, join.error) : null}</ErrorAlert> : null}
        </>
      ) : null}
    </main>
  );
}

function JoinForm({ busy, error, onJoin }: { busy: boolean; error: unknown; onJoin: (body: JoinRequest) => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const feedback = useFormFeedback({ fields: ['displayName', 'organisation'] });
  const { showError } = feedback;
  useEffect(() => {
    if (error) showError(error);
  }, [error, showError]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    feedback.clear();
    const result = validate(t, JoinRequest, { displayName, ...(organisation.trim() ? { organisation } : {}) });
    if (!result.ok) return feedback.showFieldErrors(result.errors);
    onJoin(result.data);
  };
  return (
    <form noValidate onSubmit={submit} ref={feedback.formRef} aria-label={t('join.title')}>
      <TextField
        label={t('join.displayName')}
        hint={t('join.displayNameHint')}
        name="displayName"
        autoComplete="name"
        required
        maxLength={80}
        value={displayName}
        error={feedback.fieldErrors.displayName}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <TextField
        label={t('join.organisation')}
        name="organisation"
        autoComplete="organization"
        maxLength={120}
        value={organisation}
        error={feedback.fieldErrors.organisation}
        onChange={(e) => setOrganisation(e.target.value)}
      />
      <ErrorAlert>{feedback.formError}</ErrorAlert>
      <Button type="submit" busy={busy}>
        {t('join.submit')}
      </Button>
    </form>
  );
}
