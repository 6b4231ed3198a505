import type { BoardCluster, BoardNote } from '@concerto/collab';
import { NoteCategory } from '@concerto/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraggableNote } from './board-dnd';
import { IconButton } from './icon-button';

const categoryOf = (note: BoardNote) => ((NoteCategory.keys as readonly string[]).includes(note.category) ? note.category : 'idea');
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

interface NoteCardProps {
  note: BoardNote;
  clusters: readonly BoardCluster[];
  /** May regroup the note (select of the item's clusters). */
  canMove: boolean;
  canDelete: boolean;
  onMove: (clusterId: string | null) => void;
  onDelete: () => void;
  /** An action on the note itself (e.g. making a testimony of it). */
  action?: ReactNode;
  /** May be dragged onto another group (inside the board's drag-and-drop context). */
  draggable?: boolean;
}

/** One note: its category (colour and text), its text and author; dragged onto another group, or regrouped with its select (the keyboard way). */
export function NoteCard({ note, clusters, canMove, canDelete, onMove, onDelete, action, draggable = false }: NoteCardProps) {
  const { t } = useTranslation();
  const category = categoryOf(note);
  const drag = useDraggableNote(note.id, note.clusterId ?? null, draggable && canMove);
  return (
    <li
      ref={drag.ref}
      {...drag.listeners}
      style={drag.style}
      className={`note note--${category}${drag.ref ? ' note--draggable' : ''}${drag.dragging ? ' note--dragging' : ''}`}
      data-note-id={note.id}
    >
      <p className="note__category">{t(`vocab.noteCategory.${category}`)}</p>
      <p className="note__text">{note.text}</p>
      <p className="note__author">{note.authorName || t('board.anonymous')}</p>
      {action}
      {canMove && clusters.length > 0 ? (
        <label className="note__move">
          <span className="sr-only">{t('board.clusterOf', { text: short(note.text) })}</span>
          <select className="input input--compact" value={note.clusterId ?? ''} onChange={(e) => onMove(e.target.value || null)}>
            <option value="">{t('board.noCluster')}</option>
            {clusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.title || t('board.untitled')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {canDelete ? <IconButton className="note__delete" symbol="×" label={t('board.deleteNote', { text: short(note.text) })} onClick={onDelete} /> : null}
    </li>
  );
}
