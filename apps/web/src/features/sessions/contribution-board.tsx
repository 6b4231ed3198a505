import type { BoardNote } from '@concerto/collab';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/account';
import type { SessionData } from './sessions-api';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CollabStatus } from '../collab/collab-status';
import { BoardDnd, DropGroup, LOOSE_DROP_ID } from './board-dnd';
import { ClusterTitle } from './cluster-title';
import { NoteCard } from './note-card';
import { MakeTestimonyButton } from './make-testimony-button';
import { NoteForm } from './note-form';
import type { Board } from './use-board';
import { CollabRefusal } from '../collab/collab-refusal';

interface ContributionBoardProps {
  board: Board;
  session: SessionData;
  itemId: string;
  /** The projection view: large, without the forms. */
  presentation?: boolean;
}

/** The notes of one agenda item, grouped by cluster, appearing live on every screen. */
export function ContributionBoard({ board, session, itemId, presentation = false }: ContributionBoardProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const ready = board.state.status !== 'connecting' && board.state.document !== null;
  const canWrite = ready && !board.readOnly && session.status !== 'closed' && session.myRole !== 'observateur' && !presentation;
  const animateur = session.myRole === 'animateur' && canWrite;
  // A contribution marked « Témoignage » can become a testimony of the guide, even after the session (the server checks the role).
  const canMakeTestimonies = session.myRole !== 'observateur' && !presentation;
  const notes = board.notes.filter((n) => n.itemId === itemId);
  const clusters = board.clusters.filter((c) => c.itemId === itemId);
  const known = new Set(clusters.map((c) => c.id));
  const loose = notes.filter((n) => !n.clusterId || !known.has(n.clusterId));
  const dragging = canWrite && clusters.length > 0;

  const renderNotes = (list: BoardNote[]) => (
    <ul className="note-list">
      {list.map((note) => (
        <NoteCard
          key={note.id}
          note={note}
          clusters={clusters}
          canMove={canWrite}
          draggable={dragging}
          canDelete={animateur || (canWrite && !!me && note.authorId === me.id)}
          onMove={(clusterId) => board.setNoteCluster(note.id, clusterId)}
          onDelete={() => board.removeNote(note.id)}
          action={
            canMakeTestimonies && note.category === 'testimony' ? (
              <MakeTestimonyButton sessionId={session.id} spaceId={session.spaceId} note={note} />
            ) : undefined
          }
        />
      ))}
    </ul>
  );

  return (
    <div className={presentation ? 'board-view board-view--projection' : 'board-view'}>
      {presentation ? null : <CollabStatus status={board.state.status} readOnly={!canWrite} />}
      {board.state.closedCode ? <ErrorAlert>{t('collab.unavailable')}</ErrorAlert> : null}
      <CollabRefusal code={board.state.refusedCode} />
      {canWrite ? (
        <NoteForm
          disabled={!me}
          onPost={(text, category) =>
            board.addNote({
              itemId,
              text,
              category,
              authorId: session.anonymousNotes ? '' : (me?.id ?? ''),
              authorName: session.anonymousNotes ? '' : (me?.displayName ?? ''),
            })
          }
        />
      ) : null}
      <StatusMessage tone="info">{t('board.count', { count: notes.length })}</StatusMessage>
      <BoardDnd enabled={dragging} onMove={(noteId, clusterId) => board.setNoteCluster(noteId, clusterId)}>
        <div className="board-clusters">
          {clusters.map((cluster) => (
            <DropGroup key={cluster.id} id={cluster.id} enabled={dragging} className="board-cluster" label={cluster.title || t('board.untitled')}>
              <ClusterTitle
                cluster={cluster}
                editable={animateur}
                onRename={(title) => board.renameCluster(cluster.id, title)}
                onRemove={() => board.removeCluster(cluster.id)}
              />
              {renderNotes(notes.filter((n) => n.clusterId === cluster.id))}
            </DropGroup>
          ))}
          {loose.length > 0 || clusters.length === 0 || dragging ? (
            <DropGroup id={LOOSE_DROP_ID} enabled={dragging} className="board-cluster board-cluster--loose" label={t('board.unclustered')}>
              {clusters.length > 0 ? <h4 className="board-cluster__title">{t('board.unclustered')}</h4> : null}
              {renderNotes(loose)}
            </DropGroup>
          ) : null}
        </div>
      </BoardDnd>
      {animateur ? <NewClusterForm onAdd={(title) => board.addCluster(itemId, title)} /> : null}
    </div>
  );
}

function NewClusterForm({ onAdd }: { onAdd: (title: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return;
    onAdd(trimmed.slice(0, 120));
    setTitle('');
  };
  return (
    <form className="cluster-form" noValidate onSubmit={submit}>
      <label className="field__label" htmlFor="new-cluster-title">
        {t('board.newCluster')}
      </label>
      <div className="note-form__row">
        <input id="new-cluster-title" className="input" maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('board.addCluster')}
        </Button>
      </div>
    </form>
  );
}
