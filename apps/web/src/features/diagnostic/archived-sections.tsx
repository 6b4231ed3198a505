import type { DiagnosticSection } from '@concerto/collab';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Button } from '../../ui/button';
import { setSectionArchived } from './section-operations';

/** Archived sections, out of the way; animateurs can bring them back (their text was kept). */
export function ArchivedSections({ doc, sections, isAnimateur }: { doc: Y.Doc; sections: DiagnosticSection[]; isAnimateur: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="diagnostic-archived">
      <summary>{t('diagnostic.sections.archived', { count: sections.length })}</summary>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <span>{section.title}</span>
            {isAnimateur ? (
              <Button variant="secondary" onClick={() => setSectionArchived(doc, section.id, false)}>
                {t('diagnostic.sections.unarchive')}
                <span className="sr-only"> {t('quoted', { text: section.title })}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
