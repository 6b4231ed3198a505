import { NoteCategory } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabularyOptions } from '../../ui/vocabulary-options';
import { Button } from '../../ui/button';
import { FieldError, SelectField } from '../../ui/field';

const MAX = 280;

/** Posts a short note (at most 280 characters) with its category on the board. */
export function NoteForm({ onPost, disabled }: { onPost: (text: string, category: NoteCategory) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<NoteCategory>('idea');
  const [error, setError] = useState<string | null>(null);
  const left = MAX - text.length;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(t('validation.required'));
    if (trimmed.length > MAX) return setError(t('validation.tooLong', { max: MAX }));
    onPost(trimmed, category);
    setText('');
    setError(null);
  };

  return (
    <form className="note-form" noValidate onSubmit={onSubmit} aria-label={t('board.form')}>
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={`${id}-text`}>
          {t('board.text')}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('board.textHint')} <span aria-live="polite">{left <= 40 ? t('board.remaining', { count: left }) : null}</span>
        </p>
        {error ? <FieldError id={`${id}-error`} message={error} /> : null}
        <textarea
          id={`${id}-text`}
          className="input input--multiline"
          rows={2}
          maxLength={MAX}
          value={text}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="note-form__row">
        <SelectField
          label={t('board.category')}
          options={vocabularyOptions(t, NoteCategory)}
          value={category}
          onChange={(e) => setCategory(e.target.value as NoteCategory)}
        />
        <Button type="submit" disabled={disabled}>
          {t('board.post')}
        </Button>
      </div>
    </form>
  );
}
