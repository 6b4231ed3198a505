import type { RecommendationStatus, TestimonyStatus } from '@concerto/domain';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { Loading } from '../../ui/loading';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { guideRoutes } from './guide-keys';

// The editor (Tiptap, Yjs) is loaded only when a page shows co-edited text.
const CollabEditor = lazy(() => import('../collab/collab-editor').then((m) => ({ default: m.CollabEditor })));

/** Co-edited rich text of the guide (a testimony's story, an analysis' text): presence, save status, offline copy. */
export function CoEditedText(props: { documentName: string; field: string; label: string; hint: string; readOnly: boolean }) {
  return (
    <Suspense fallback={<Loading />}>
      <CollabEditor documentName={props.documentName} field={props.field} label={props.label} hint={props.hint} readOnly={props.readOnly} />
    </Suspense>
  );
}

export function TestimonyStatusBadge({ status }: { status: TestimonyStatus }) {
  const { t } = useTranslation();
  return <span className={`status guide-status--${status}`}>{t(`vocab.testimonyStatus.${status}`)}</span>;
}

export function RecommendationStatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation();
  return <span className={`status guide-status--${status}`}>{t(`vocab.recommendationStatus.${status}`)}</span>;
}

/** A query's failure with a retry button. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorAlert>
      <p>{errorMessage(t, error)}</p>
      <Button variant="secondary" onClick={onRetry}>
        {t('errors.retry')}
      </Button>
    </ErrorAlert>
  );
}

/** A page of the guide whose item is gone: says so and links back. */
export function GuideItemNotFound({ spaceId, message }: { spaceId: string; message: string }) {
  const { t } = useTranslation();
  return (
    <section className="section">
      <p>{message}</p>
      <p>
        <Link to={guideRoutes.landing(spaceId)}>{t('guide.back')}</Link>
      </p>
    </section>
  );
}

export function BackToGuide({ to, label }: { to: string; label: string }) {
  return (
    <p className="guide-back">
      <Link to={to}>{label}</Link>
    </p>
  );
}

/**
 * The delete action of a testimony, recommendation or analysis page: asks first, then goes back to its list; shows the
 * refusal under the button.
 */
export function DeleteGuideItem(props: { id: string; question: string; listPath: string; remove: UseMutationResult<unknown, Error, string> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirmDelete = useConfirmedMutation(props.remove);
  return (
    <div className="actions guide-danger">
      <Button
        variant="danger"
        busy={props.remove.isPending}
        onClick={() => confirmDelete(props.id, { question: props.question, onSuccess: () => void navigate(props.listPath) })}
      >
        {t('guide.delete')}
      </Button>
      {props.remove.isError ? <ErrorAlert>{errorMessage(t, props.remove.error)}</ErrorAlert> : null}
    </div>
  );
}
