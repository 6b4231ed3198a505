import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './form-feedback';

/** The outcome of a list's actions (delete, revoke…): one status line and one error alert. */
export interface ActionFeedback {
  status: string | null;
  error: string | null;
  clear: () => void;
  succeed: (message: string) => void;
  fail: (message: string) => void;
}

export function useActionFeedback(): ActionFeedback {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const clear = useCallback(() => {
    setStatus(null);
    setError(null);
  }, []);
  const succeed = useCallback((message: string) => setStatus(message), []);
  const fail = useCallback((message: string) => setError(message), []);
  return useMemo(() => ({ status, error, clear, succeed, fail }), [status, error, clear, succeed, fail]);
}

/** What `mutate` of a TanStack mutation takes, so that any mutation can be confirmed. */
interface Mutation<TData, TVariables> {
  mutate: (variables: TVariables, options: { onSuccess: (data: TData) => void; onError: (error: unknown) => void }) => void;
}

export interface ConfirmedMutationOptions<TData> {
  /** The question the person must accept first ("Supprimer … ?"). */
  question: string;
  /** The status line once done. */
  success?: string | ((data: TData) => string);
  /** The error line, when a failure needs more than the translated error code. */
  failure?: (error: unknown) => string;
  onSuccess?: (data: TData) => void;
}

/**
 * Confirm → mutate → feedback, for destructive actions: asks first (nothing happens on "Annuler"), clears the
 * previous outcome, runs the mutation and reports success or failure through `feedback` when given (without it,
 * the caller shows `mutation.error`). Returns whether the action was confirmed.
 */
export function useConfirmedMutation<TData, TVariables>(
  mutation: Mutation<TData, TVariables>,
  feedback?: ActionFeedback,
): (variables: TVariables, options: ConfirmedMutationOptions<TData>) => boolean {
  const { t } = useTranslation();
  const { mutate } = mutation;
  return useCallback(
    (variables, { question, success, failure, onSuccess }) => {
      if (!window.confirm(question)) return false;
      feedback?.clear();
      mutate(variables, {
        onSuccess: (data) => {
          if (success !== undefined) feedback?.succeed(typeof success === 'string' ? success : success(data));
          onSuccess?.(data);
        },
        onError: (error) => feedback?.fail(failure ? failure(error) : errorMessage(t, error)),
      });
      return true;
    },
    [mutate, feedback, t],
  );
}
