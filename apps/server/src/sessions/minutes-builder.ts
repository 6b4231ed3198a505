import type { DataSource, EntityManager } from 'typeorm';
import { readBoard, sessionBoardDocument } from '@concerto/collab';
import { type MinutesView, elapsedMs } from '@concerto/domain';
import { readStoredDocument } from '../collab/document-store.js';
import { listAgenda, listParticipants, toTimer } from './session-queries.js';
import { type VoteRow, readResults } from './vote-results.js';

/** Gathers the minutes of a session: attendance, agenda with actual times, board contributions, votes, decisions. */
export async function buildMinutes(dataSource: DataSource, tx: EntityManager, sessionId: string, closedAt: number): Promise<MinutesView> {
  const [session]: { title: string; scheduled_at: Date; place: string; mode: MinutesView['mode']; started_at: Date | null; anonymous_notes: boolean }[] =
    await tx.query(`SELECT title, scheduled_at, place, mode, started_at, anonymous_notes FROM concertation_session WHERE id = $1`, [sessionId]);
  const agenda = await listAgenda(tx, sessionId);
  const participants = await listParticipants(tx, sessionId);
  const votes: VoteRow[] = await tx.query(`SELECT * FROM vote WHERE session_id = $1 ORDER BY opened_at`, [sessionId]);
  const results = await Promise.all(votes.map(async (v) => ({ row: v, view: { title: v.title, kind: v.kind, results: await readResults(tx, v) } })));
  const decisions: { text: string; item: string | null; project_id: string | null }[] = await tx.query(
    `SELECT d.text, i.title AS item, d.project_id FROM session_decision d LEFT JOIN agenda_item i ON i.id = d.agenda_item_id
      WHERE d.session_id = $1 ORDER BY d.created_at`,
    [sessionId],
  );
  const board = readBoard(await readStoredDocument(dataSource, sessionBoardDocument(sessionId)));

  const clustersOf = (itemId: string) => {
    const notes = board.notes.filter((n) => n.itemId === itemId && n.text.trim());
    const author = (n: (typeof notes)[number]) => (session.anonymous_notes || !n.authorName ? null : n.authorName);
    const toNote = (n: (typeof notes)[number]) => ({ text: n.text, author: author(n), category: n.category });
    const clusters = board.clusters
      .filter((c) => c.itemId === itemId)
      .map((c) => ({ title: c.title, notes: notes.filter((n) => n.clusterId === c.id).map(toNote) }))
      .filter((c) => c.notes.length > 0 || c.title);
    const clustered = new Set(board.clusters.filter((c) => c.itemId === itemId).map((c) => c.id));
    const loose = notes.filter((n) => !n.clusterId || !clustered.has(n.clusterId)).map(toNote);
    return loose.length > 0 ? [...clusters, { title: '', notes: loose }] : clusters;
  };

  return {
    sessionId,
    title: session.title,
    scheduledAt: session.scheduled_at.toISOString(),
    place: session.place,
    mode: session.mode,
    startedAt: session.started_at ? session.started_at.toISOString() : null,
    closedAt: new Date(closedAt).toISOString(),
    attendance: participants
      .filter((p) => p.invited || p.attendedAt || p.kind === 'guest')
      .map((p) => ({ displayName: p.displayName, kind: p.kind, attended: p.attendedAt !== null })),
    agenda: agenda.map((item) => ({
      title: item.title,
      plannedMinutes: item.durationMinutes,
      actualMinutes: Math.round(elapsedMs(toTimer(item), closedAt) / 60_000),
      startedAt: item.startedAt,
      endedAt: item.endedAt,
      lever: item.lever,
      clusters: clustersOf(item.id),
      votes: results.filter((r) => r.row.agenda_item_id === item.id).map((r) => r.view),
    })),
    votes: results.filter((r) => !r.row.agenda_item_id).map((r) => r.view),
    decisions: decisions.map((d) => ({ text: d.text, item: d.item, projectId: d.project_id })),
  };
}
