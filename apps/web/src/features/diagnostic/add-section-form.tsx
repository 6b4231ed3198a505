import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { addSection } from './section-operations';

/** Animateurs add a section of their own at the end of the document (`addedMessage` words it for the guide's). */
export function AddSectionForm({ doc, onAdded, addedMessage }: { doc: Y.Doc; onAdded: (id: string) => void; addedMessage?: (title: string) => string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    if (value.length < 2) return setError(t('validation.tooShort', { min: 2 }));
    if (value.length > 200) return setError(t('validation.tooLong', { max: 200 }));
    setError(undefined);
    const id = addSection(doc, value);
    setTitle('');
    setMessage(addedMessage ? addedMessage(value) : t('diagnostic.sections.added', { title: value }));
    onAdded(id);
  };
  return (
    <form className="diagnostic-add card" onSubmit={submit} aria-label={t('diagnostic.sections.addTitle')}>
      <h3>{t('diagnostic.sections.addTitle')}</h3>
      <TextField label={t('diagnostic.sections.title')} value={title} error={error} onChange={(e) => setTitle(e.target.value)} />
      <Button type="submit">{t('diagnostic.sections.add')}</Button>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}
