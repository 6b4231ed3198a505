import type { GuideVersionSummary, SpaceRole } from '@concerto/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useConfirmedMutation } from '../../ui/use-confirmed-mutation';
import { useGuidePublication, usePublishGuide, useWithdrawGuide } from './guide-document-api';

/** The public link as an absolute address (the server may give a path). */
export const absoluteUrl = (url: string) => new URL(url, window.location.origin).toString();

/**
 * Whether the guide is published, and its public link (copy, open). Animateurs publish — a version is frozen and
 * readable signed out — and withdraw, each after a confirmation. `versions` tells readers who may not read the
 * publication itself whether one is published.
 */
export function GuideDocumentPublication({ spaceId, role, versions }: { spaceId: string; role: SpaceRole; versions: GuideVersionSummary[] | undefined }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const publication = useGuidePublication(spaceId);
  const publish = usePublishGuide(spaceId);
  const withdraw = useWithdrawGuide(spaceId);
  const confirmPublish = useConfirmedMutation(publish);
  const confirmWithdraw = useConfirmedMutation(withdraw);
  const [message, setMessage] = useState<string | undefined>();
  const isAnimateur = role === 'animateur';
  const current = publication.data ?? null;
  // Someone who may not read the publication still learns from the versions whether one is published.
  const forbidden = publication.isError && isApiError(publication.error, 403);
  const publishedVersion = versions?.some((v) => v.published) ?? false;

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('guide.document.publication.copied'));
    } catch {
      setMessage(t('guide.document.publication.copyFailed'));
    }
  };

  return (
    <section className="card guide-publication" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('guide.document.publication.title')}</h3>
      {publication.isPending ? <Loading /> : null}
      {publication.isError && !forbidden ? <ErrorAlert>{errorMessage(t, publication.error)}</ErrorAlert> : null}
      {forbidden ? <p>{publishedVersion ? t('guide.document.versions.published') : t('guide.document.publication.notPublished')}</p> : null}
      {publication.isSuccess && !current ? <p>{t('guide.document.publication.notPublished')}</p> : null}
      {current ? (
        <>
          <p>
            {t('guide.document.publication.published', {
              date: formatDateTime(current.publishedAt, i18n.language),
              by: current.publishedBy ? t('guide.document.publication.by', { name: current.publishedBy.displayName }) : '',
            })}
          </p>
          <p className="guide-publication__link">
            <span id={`${id}-link`}>{t('guide.document.publication.link')}</span>{' '}
            <input className="input" readOnly value={absoluteUrl(current.url)} aria-labelledby={`${id}-link`} onFocus={(e) => e.target.select()} />
          </p>
          <div className="actions">
            <Button variant="secondary" onClick={() => void copy(absoluteUrl(current.url))}>
              {t('guide.document.publication.copy')}
            </Button>
            <a className="button button--secondary" href={absoluteUrl(current.url)} target="_blank" rel="noopener noreferrer">
              {t('guide.document.publication.open')}
              <span className="sr-only"> {t('guide.document.publication.openHint')}</span>
            </a>
          </div>
        </>
      ) : null}
      {isAnimateur && publication.isSuccess ? (
        <div className="actions">
          <Button
            busy={publish.isPending}
            onClick={() =>
              confirmPublish(
                {},
                {
                  question: current ? t('guide.document.publication.confirmRepublish') : t('guide.document.publication.confirmPublish'),
                  onSuccess: () => setMessage(t('guide.document.publication.publishedMessage')),
                },
              )
            }
          >
            {current ? t('guide.document.publication.republish') : t('guide.document.publication.publish')}
          </Button>
          {current ? (
            <Button
              variant="danger"
              busy={withdraw.isPending}
              onClick={() =>
                confirmWithdraw(undefined, {
                  question: t('guide.document.publication.confirmWithdraw'),
                  onSuccess: () => setMessage(t('guide.document.publication.withdrawnMessage')),
                })
              }
            >
              {t('guide.document.publication.withdraw')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {publish.error ? <ErrorAlert>{errorMessage(t, publish.error)}</ErrorAlert> : null}
      {withdraw.error ? <ErrorAlert>{errorMessage(t, withdraw.error)}</ErrorAlert> : null}
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
