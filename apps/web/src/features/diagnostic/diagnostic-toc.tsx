import type { DiagnosticSection } from '@concerto/collab';
import type { SectionStateView } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { sectionAnchorId } from './section-frame';

const KIND_ORDER = ['grid', 'support_stage', 'lever', 'custom'] as const;

/**
 * The table of contents: every section grouped by kind, with its status and open comments; or, with a `title` (the
 * guide d'appui's document), every section in the document's order.
 */
export function DiagnosticToc({ sections, states, title }: { sections: DiagnosticSection[]; states?: Map<string, SectionStateView>; title?: string }) {
  const { t } = useTranslation();
  const go = (id: string) => (event: React.MouseEvent) => {
    const target = document.getElementById(sectionAnchorId(id));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    history.replaceState(null, '', `#${sectionAnchorId(id)}`);
  };
  if (title !== undefined) {
    return (
      <nav className="diagnostic-toc" aria-label={title}>
        <h3 className="diagnostic-toc__title">{title}</h3>
        <ol className="diagnostic-toc__list">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${sectionAnchorId(section.id)}`} onClick={go(section.id)}>
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    );
  }
  return (
    <nav className="diagnostic-toc" aria-label={t('diagnostic.toc.title')}>
      <h3 className="diagnostic-toc__title">{t('diagnostic.toc.title')}</h3>
      {KIND_ORDER.map((kind) => {
        const group = sections.filter((s) => s.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="diagnostic-toc__group">
            <p className="diagnostic-toc__kind">{t(`diagnostic.kinds.${kind}`)}</p>
            <ul className="diagnostic-toc__list">
              {group.map((section) => {
                const state = states?.get(section.id);
                return (
                  <li key={section.id}>
                    <a href={`#${sectionAnchorId(section.id)}`} onClick={go(section.id)}>
                      {section.title}
                    </a>
                    {state ? (
                      <span className="diagnostic-toc__meta">
                        {' '}
                        — {t(`vocab.sectionStatus.${state.status}`)}
                        {state.openComments > 0 ? `, ${t('diagnostic.toc.comments', { count: state.openComments })}` : ''}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
