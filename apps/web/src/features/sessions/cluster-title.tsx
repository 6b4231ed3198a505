import type { BoardCluster } from '@concerto/collab';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { IconButton } from './icon-button';

/** A cluster's heading; the animateur renames or removes it in place (its notes go back to "ungrouped"). */
export function ClusterTitle({
  cluster,
  editable,
  onRename,
  onRemove,
}: {
  cluster: BoardCluster;
  editable: boolean;
  onRename: (title: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const title = cluster.title || t('board.untitled');
  const [draft, setDraft] = useState(cluster.title);
  useEffect(() => setDraft(cluster.title), [cluster.title]);
  if (!editable) return <h4 className="board-cluster__title">{title}</h4>;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.trim()) onRename(draft.trim().slice(0, 120));
  };
  return (
    <>
      <h4 className="board-cluster__title">{title}</h4>
      <form className="cluster-form cluster-form--inline" noValidate onSubmit={submit}>
        <label className="sr-only" htmlFor={`cluster-${cluster.id}`}>
          {t('board.clusterTitle', { title })}
        </label>
        <input id={`cluster-${cluster.id}`} className="input input--compact" maxLength={120} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('board.rename')}
        </Button>
        <IconButton variant="danger" symbol="×" label={t('board.deleteCluster', { title })} onClick={onRemove} />
      </form>
    </>
  );
}
