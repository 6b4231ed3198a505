import type { DiagnosticSection } from '@concerto/collab';
import { useTranslation } from 'react-i18next';
import type { Present } from './use-presence';

/**
 * The people who have the document open (the diagnostic, or the guide's with its own `title`), with the colour of
 * their cursor and the section they are in.
 */
export function PresenceList({ present, sections, title }: { present: Present[]; sections: DiagnosticSection[]; title?: string }) {
  const { t } = useTranslation();
  const titleOf = (id: string | null) => sections.find((s) => s.id === id)?.title;
  return (
    <div className="diagnostic-presence">
      <h3 className="diagnostic-presence__title" id="diagnostic-presence-title">
        {title ?? t('diagnostic.presence.title', { count: present.length })}
      </h3>
      {present.length === 0 ? (
        <p className="diagnostic-presence__empty">{t('diagnostic.presence.nobody')}</p>
      ) : (
        <ul className="diagnostic-presence__list" aria-labelledby="diagnostic-presence-title">
          {present.map((person) => {
            const where = titleOf(person.sectionId);
            return (
              <li key={person.user.id} className="diagnostic-presence__person">
                <span className="diagnostic-presence__dot" style={{ backgroundColor: person.user.color }} aria-hidden="true" />
                <span>
                  {person.me ? t('diagnostic.presence.me', { name: person.user.name }) : person.user.name}
                  {where ? <span className="diagnostic-presence__where">{t('diagnostic.presence.in', { section: where })}</span> : null}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
