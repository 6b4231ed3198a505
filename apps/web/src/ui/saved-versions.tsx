import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert, StatusMessage } from './alert';
import { Button } from './button';
import { TextField } from './field';
import { checkField, errorMessage } from './form-feedback';
import { formatDateTime } from './format';
import { Loading } from './loading';
import { useConfirmedMutation } from './use-confirmed-mutation';

/** What every saved version of a co-edited document shows. */
export interface SavedVersion {
  id: string;
  name: string;
  createdAt: string;
  createdBy: { displayName: string } | null;
}

/** The panel's words, in the document's own terms (« Enregistrer une version », « Figer une version »…). */
export interface SavedVersionsWords {
  formTitle: string;
  name: string;
  nameHint: string;
  save: string;
  none: string;
  restore: string;
  hide: string;
  by: (name: string) => string;
  saved: (name: string) => string;
  confirmRestore: (name: string) => string;
  restored: (name: string) => string;
}

interface SavedVersionsProps<V extends SavedVersion> {
  versions: UseQueryResult<V[]>;
  /** Saves a version under a name. */
  create: UseMutationResult<V, Error, string>;
  /** Restores a version, by id (asked for confirmation first). */
  restore: UseMutationResult<unknown, Error, string>;
  nameSchema: z.ZodType<string>;
  canSave: boolean;
  canRestore: boolean;
  words: SavedVersionsWords;
  /** In the version's line, between its name and its date (its kind…). */
  beforeDate?: (version: V) => ReactNode;
  /** At the end of the version's line (a badge…). */
  afterAuthor?: (version: V) => ReactNode;
  /** Under the version's line (its contributors…). */
  below?: (version: V) => ReactNode;
  /** The version's buttons before « Restaurer » (read, compare, download…). */
  actions: (version: V) => ReactNode;
  /** The version being read, under the list; null when none. */
  shown: ReactNode;
  onHide: () => void;
}

/**
 * Saved versions of a co-edited document (the diagnostic, the guide): save one under a name, list them with their
 * date and author, the document's own actions on each (read, compare, download), restore one after confirming.
 */
export function SavedVersions<V extends SavedVersion>(props: SavedVersionsProps<V>) {
  const { versions, create, restore, words, canSave, canRestore } = props;
  const { t, i18n } = useTranslation();
  const confirmRestore = useConfirmedMutation(restore);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkField(t, props.nameSchema, name);
    if (!checked.ok) return setError(checked.error);
    setError(undefined);
    create.mutate(checked.value, {
      onSuccess: (version) => {
        setName('');
        setMessage(words.saved(version.name));
      },
    });
  };
  const restoreVersion = (version: V) =>
    confirmRestore(version.id, {
      question: words.confirmRestore(version.name),
      onSuccess: () => setMessage(words.restored(version.name)),
    });

  return (
    <div className="diagnostic-versions">
      {canSave ? (
        <form className="diagnostic-versions__form" onSubmit={submit} aria-label={words.formTitle}>
          <TextField label={words.name} hint={words.nameHint} value={name} error={error} onChange={(e) => setName(e.target.value)} />
          <Button type="submit" busy={create.isPending}>
            {words.save}
          </Button>
        </form>
      ) : null}
      {create.error ? <ErrorAlert>{errorMessage(t, create.error)}</ErrorAlert> : null}
      {restore.error ? <ErrorAlert>{errorMessage(t, restore.error)}</ErrorAlert> : null}
      <StatusMessage>{message}</StatusMessage>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorAlert>{errorMessage(t, versions.error)}</ErrorAlert> : null}
      {versions.data?.length === 0 ? <p>{words.none}</p> : null}
      {versions.data && versions.data.length > 0 ? (
        <ul className="diagnostic-versions__list">
          {versions.data.map((version) => (
            <li key={version.id} className="diagnostic-versions__item">
              <p>
                <strong>{version.name}</strong> — {props.beforeDate?.(version)}
                <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, i18n.language)}</time>
                {version.createdBy ? `, ${words.by(version.createdBy.displayName)}` : ''}
                {props.afterAuthor?.(version)}
              </p>
              {props.below?.(version)}
              <div className="diagnostic-actions">
                {props.actions(version)}
                {canRestore ? (
                  <Button variant="danger" busy={restore.isPending && restore.variables === version.id} onClick={() => restoreVersion(version)}>
                    {words.restore}
                    <span className="sr-only"> {t('quoted', { text: version.name })}</span>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {props.shown ? (
        <div className="diagnostic-versions__shown">
          <Button variant="secondary" onClick={props.onHide}>
            {words.hide}
          </Button>
          {props.shown}
        </div>
      ) : null}
    </div>
  );
}
