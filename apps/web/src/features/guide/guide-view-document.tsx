import type { GuideView, ResolvedReference } from '@concerto/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { GuideBlocks, Heading } from './guide-view-blocks';
import { GuideReferenceView } from './guide-view-reference';

const reference = (resolved: ResolvedReference, level: number) => <GuideReferenceView reference={resolved} level={level} />;

/**
 * A resolved guide, read-only: its title, when its values were frozen (or read), and its sections with every reference
 * as the values it held. `level` is the heading level of the guide's title.
 */
export function GuideViewDocument({ view, level }: { view: GuideView; level: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const title = view.versionName ? t('guide.document.versions.contentOf', { name: view.versionName }) : view.title;
  return (
    <article className="guide-view" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {title}
      </Heading>
      <p className="guide-view__date">
        {view.frozenAt
          ? t('guide.view.frozenAt', { date: formatDateTime(view.frozenAt, i18n.language) })
          : t('guide.view.readAt', { date: formatDateTime(view.builtAt, i18n.language) })}
      </p>
      {view.sections.map((section) => (
        // Not a named region: the editor's section of the same title is one already.
        <section key={section.id} className="guide-view__section">
          <Heading level={level + 1}>{section.title}</Heading>
          {section.blocks.length === 0 ? (
            <p className="muted">{t('guide.view.emptySection')}</p>
          ) : (
            <GuideBlocks blocks={section.blocks} level={level + 2} reference={reference} />
          )}
        </section>
      ))}
    </article>
  );
}
