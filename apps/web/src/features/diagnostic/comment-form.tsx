import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../spaces/members-api';
import { Button } from '../../ui/button';
import { Field, TextAreaField } from '../../ui/field';
import { checkField } from '../../ui/form-feedback';
import { CommentBody } from './comment-body';

/** A comment's text and the members it mentions (picked from the space's members). */
export function CommentForm({
  spaceId,
  label,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  spaceId: string;
  label: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (value: { body: string; mentions: string[] }, reset: () => void) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const members = useMembers(spaceId);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [pick, setPick] = useState('');
  const [error, setError] = useState<string | undefined>();
  const nameOf = (id: string) => members.data?.find((m) => m.accountId === id)?.displayName ?? id;

  const mention = () => {
    if (!pick || mentions.includes(pick)) return;
    setMentions([...mentions, pick]);
    setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@${nameOf(pick)} `);
    setPick('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkField(t, CommentBody, body);
    if (!checked.ok) return setError(checked.error);
    const text = checked.value;
    setError(undefined);
    onSubmit({ body: text, mentions }, () => {
      setBody('');
      setMentions([]);
    });
  };

  return (
    <form className="comment-form" onSubmit={submit}>
      <TextAreaField label={label} rows={3} value={body} error={error} onChange={(e) => setBody(e.target.value)} />
      {members.data && members.data.length > 0 ? (
        <Field label={t('diagnostic.comments.mention')}>
          {(control) => (
            <div className="comment-form__mention">
              <select className="input input--select" {...control} value={pick} onChange={(e) => setPick(e.target.value)}>
                <option value="">{t('diagnostic.comments.chooseMember')}</option>
                {members.data.map((m) => (
                  <option key={m.accountId} value={m.accountId}>
                    {m.displayName}
                  </option>
                ))}
              </select>
              <Button variant="secondary" onClick={mention}>
                {t('diagnostic.comments.addMention')}
              </Button>
            </div>
          )}
        </Field>
      ) : null}
      {mentions.length > 0 ? (
        <ul className="comment-form__mentions" aria-label={t('diagnostic.comments.mentioned')}>
          {mentions.map((id) => (
            <li key={id}>
              {nameOf(id)}{' '}
              <button type="button" className="link-button" onClick={() => setMentions(mentions.filter((m) => m !== id))}>
                {t('diagnostic.comments.removeMention', { name: nameOf(id) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="diagnostic-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('diagnostic.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
