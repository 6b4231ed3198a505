import { ErrorCode } from '@concerto/domain';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError, NETWORK_ERROR } from '../api/client';

export type FieldErrors = Record<string, string>;

/** The message for any error: the translated API code, else the server's message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if ((ErrorCode.keys as readonly string[]).includes(error.code)) return t(`vocab.errorCode.${error.code}`);
    return error.message || t('errors.generic');
  }
  return t('errors.generic');
}

/** Translates a zod issue from a shared schema into a message for the person filling the form. */
function issueMessage(t: TFunction, issue: z.core.$ZodIssue, rawValue: unknown): string {
  if (rawValue === undefined || rawValue === null || (typeof rawValue === 'string' && rawValue.trim() === '')) {
    return t('validation.required');
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('validation.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'number') return t('validation.min', { min: Number(issue.minimum) });
      return t('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return t('validation.max', { max: Number(issue.maximum) });
      return t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number' ? t('validation.integer') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Checks form values with the shared schema before sending them (the server checks again).
 * Error keys are the issue paths joined with ".", renamed through `fieldFor` when given.
 */
export function validate<S extends z.ZodType>(
  t: TFunction,
  schema: S,
  values: unknown,
  fieldFor: (path: string) => string = (path) => path,
): Validation<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldFor(issue.path.map(String).join('.'));
    errors[field] ??= issueMessage(t, issue, valueAt(values, issue.path));
  }
  return { ok: false, errors };
}

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Checks one field with its shared schema (e.g. `CreateVersionRequest.shape.name`): the cleaned value the server
 * will store, or the message to show next to the field. Single-field forms use it instead of re-coding the rules.
 */
export function checkField<S extends z.ZodType>(t: TFunction, schema: S, value: unknown): FieldCheck<z.infer<S>> {
  const checked = validate(t, schema, value);
  return checked.ok ? { ok: true, value: checked.data } : { ok: false, error: Object.values(checked.errors)[0] ?? t('validation.invalid') };
}

/**
 * Field errors and the form-level alert of one form, from client-side checks or from the API
 * (400 `issues` go next to their field). Focus moves to the first invalid field.
 */
export function useFormFeedback<F extends HTMLElement = HTMLFormElement>(options: {
  fields: readonly string[];
  fieldFor?: (path: string) => string;
}): {
  formRef: RefObject<F | null>;
  fieldErrors: FieldErrors;
  formError: string | null;
  clear: () => void;
  showFieldErrors: (errors: FieldErrors) => void;
  showError: (error: unknown) => void;
} {
  const { t } = useTranslation();
  const formRef = useRef<F>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const { fields, fieldFor } = options;

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .choices--error input')?.focus();
  }, [focusRequest]);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const showFieldErrors = useCallback(
    (errors: FieldErrors) => {
      setFieldErrors(errors);
      setFormError(t('validation.summary'));
      setFocusRequest((n) => n + 1);
    },
    [t],
  );

  const showError = useCallback(
    (error: unknown) => {
      const errors: FieldErrors = {};
      const unplaced: string[] = [];
      if (isApiError(error)) {
        for (const issue of error.issues) {
          const field = fieldFor ? fieldFor(issue.path) : issue.path;
          if (fields.includes(field)) errors[field] ??= issue.message;
          else unplaced.push(issue.message);
        }
      }
      const summary = [errorMessage(t, error), ...unplaced].join(' ');
      setFieldErrors(errors);
      setFormError(summary);
      if (Object.keys(errors).length > 0) setFocusRequest((n) => n + 1);
    },
    [t, fields, fieldFor],
  );

  return { formRef, fieldErrors, formError, clear, showFieldErrors, showError };
}
