import type { DiagnosticSection } from '@concerto/collab';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { moveSection, renameSection, setSectionArchived } from './section-operations';

const MAX_TITLE = 200;

/** Animateurs' controls on a section: rename, move up or down, archive or bring back. */
export function SectionControls({ doc, section, first, last }: { doc: Y.Doc; section: DiagnosticSection; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(section.title);
  const [error, setError] = useState<string | undefined>();
  const name = section.title;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = title.trim();
    if (value.length < 2) return setError(t('validation.tooShort', { min: 2 }));
    if (value.length > MAX_TITLE) return setError(t('validation.tooLong', { max: MAX_TITLE }));
    renameSection(doc, section.id, value);
    setRenaming(false);
  };

  if (renaming) {
    return (
      <form className="diagnostic-section__rename" onSubmit={submit} aria-label={t('diagnostic.sections.renameForm', { title: name })}>
        {/* Focus follows the click on "Renommer" (not a page-load autofocus). */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <TextField label={t('diagnostic.sections.newTitle')} value={title} error={error} onChange={(e) => setTitle(e.target.value)} autoFocus />
        <div className="diagnostic-actions">
          <Button type="submit">{t('diagnostic.sections.saveTitle')}</Button>
          <Button variant="secondary" onClick={() => setRenaming(false)}>
            {t('diagnostic.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="diagnostic-section__controls" role="group" aria-label={t('diagnostic.sections.controls', { title: name })}>
      {section.archived ? null : (
        <>
          <Button
            variant="secondary"
            onClick={() => {
              setTitle(section.title);
              setError(undefined);
              setRenaming(true);
            }}
          >
            {t('diagnostic.sections.rename')}
            <span className="sr-only"> {t('quoted', { text: name })}</span>
          </Button>
          <Button variant="secondary" aria-disabled={first || undefined} onClick={() => !first && moveSection(doc, section.id, -1)}>
            {t('diagnostic.sections.moveUp')}
            <span className="sr-only"> {t('quoted', { text: name })}</span>
          </Button>
          <Button variant="secondary" aria-disabled={last || undefined} onClick={() => !last && moveSection(doc, section.id, 1)}>
            {t('diagnostic.sections.moveDown')}
            <span className="sr-only"> {t('quoted', { text: name })}</span>
          </Button>
        </>
      )}
      <Button variant="secondary" onClick={() => setSectionArchived(doc, section.id, !section.archived)}>
        {section.archived ? t('diagnostic.sections.unarchive') : t('diagnostic.sections.archive')}
        <span className="sr-only"> {t('quoted', { text: name })}</span>
      </Button>
    </div>
  );
}
