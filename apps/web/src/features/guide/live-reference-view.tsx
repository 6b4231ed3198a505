import type { ResolvedReference } from '@concerto/domain';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useGuideReference } from './guide-document-api';
import { GuideReferenceView } from './guide-view-reference';
import { referenceOfNode } from './live-reference-attrs';
import { referenceLabel } from './live-reference-label';

/** The name of the one item a reference shows (a testimony's title…), for its label. */
function itemName(resolved: ResolvedReference | undefined): string | undefined {
  if (!resolved) return undefined;
  if (resolved.kind === 'testimony') return resolved.testimonies[0]?.title;
  if (resolved.kind === 'recommendation') return resolved.recommendations[0]?.statement;
  if (resolved.kind === 'analysis') return resolved.analyses[0]?.title;
  return undefined;
}

/**
 * The node view of a live reference in the editor: what it shows, labelled « Référence vivante — lue le … » with
 * the values read now (refreshed by the space's change notices), and a remove button for writers.
 */
export function LiveReferenceView({ node, editor, extension, deleteNode }: ReactNodeViewProps) {
  const { t, i18n } = useTranslation();
  // The extension's options (LiveReferenceOptions): the space whose data the reference reads.
  const { spaceId } = extension.options as { spaceId: string };
  const reference = referenceOfNode(node.attrs);
  const resolved = useGuideReference(spaceId, reference);
  const label = reference ? referenceLabel(t, reference, itemName(resolved.data)) : t('guide.reference.invalid');
  const editable = editor.isEditable;

  return (
    <NodeViewWrapper className="live-reference" data-live-reference="" role="group" aria-label={t('guide.reference.region', { label })} contentEditable={false}>
      <div className="live-reference__header">
        <p className="live-reference__label">{label}</p>
        <p className="live-reference__read">
          {resolved.data
            ? t('guide.reference.live', { date: formatDateTime(resolved.data.readAt, i18n.language) })
            : reference && resolved.isPending
              ? t('guide.reference.reading')
              : null}
        </p>
        {editable ? (
          <button type="button" className="button button--secondary live-reference__remove" onClick={() => deleteNode()}>
            {t('guide.reference.remove')}
            <span className="sr-only"> {t('quoted', { text: label })}</span>
          </button>
        ) : null}
      </div>
      {!reference ? <p className="field__error">{t('guide.reference.invalid')}</p> : null}
      {resolved.isError ? <p className="field__error">{t('guide.reference.failed')}</p> : null}
      {resolved.data ? (
        <div className="live-reference__values">
          <GuideReferenceView reference={resolved.data} level={4} />
        </div>
      ) : null}
    </NodeViewWrapper>
  );
}
