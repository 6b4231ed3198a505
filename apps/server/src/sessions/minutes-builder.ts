import type { BoardCluster, BoardNote } from '@concerto/collab';
import { type AgendaItemView, type MinutesView, type ParticipantView, type VoteResults, elapsedMs } from '@concerto/domain';
import { toTimer } from './item-timer.js';
import type { MinutesDecision } from './minutes.repository.js';
import type { SessionDetails } from './sessions.repository.js';
import type { Vote } from './votes.repository.js';

/** Everything the minutes are made of, read when the session closes. */
export interface MinutesSources {
  session: SessionDetails;
  agenda: AgendaItemView[];
  participants: ParticipantView[];
  votes: { vote: Vote; results: VoteResults }[];
  decisions: MinutesDecision[];
  board: { notes: BoardNote[]; clusters: BoardCluster[] };
}

/** Gathers the minutes of a session: attendance, agenda with actual times, board contributions, votes, decisions. */
export function buildMinutes(sources: MinutesSources, closedAt: number): MinutesView {
  const { session, agenda, participants, decisions, board } = sources;
  // Who wrote a note, as the session knows them: a member, a guest, or a participant without an account.
  const kindOf = new Map(participants.map((p) => [p.accountId, p.kind]));
  const results = sources.votes.map(({ vote, results }) => ({ vote, view: { title: vote.title, kind: vote.kind, results } }));

  const clustersOf = (itemId: string) => {
    const notes = board.notes.filter((n) => n.itemId === itemId && n.text.trim());
    const author = (n: (typeof notes)[number]) => (session.anonymousNotes || !n.authorName ? null : n.authorName);
    const toNote = (n: (typeof notes)[number]) => {
      const name = author(n);
      const kind = name ? kindOf.get(n.authorId) : undefined;
      return { text: n.text, author: name, ...(kind ? { authorKind: kind } : {}), category: n.category };
    };
    const clusters = board.clusters
      .filter((c) => c.itemId === itemId)
      .map((c) => ({ title: c.title, notes: notes.filter((n) => n.clusterId === c.id).map(toNote) }))
      .filter((c) => c.notes.length > 0 || c.title);
    const clustered = new Set(board.clusters.filter((c) => c.itemId === itemId).map((c) => c.id));
    const loose = notes.filter((n) => !n.clusterId || !clustered.has(n.clusterId)).map(toNote);
    return loose.length > 0 ? [...clusters, { title: '', notes: loose }] : clusters;
  };

  return {
    sessionId: session.id,
    title: session.title,
    scheduledAt: session.scheduledAt,
    place: session.place,
    mode: session.mode,
    startedAt: session.startedAt,
    closedAt: new Date(closedAt).toISOString(),
    attendance: participants
      .filter((p) => p.invited || p.attendedAt || p.kind !== 'member')
      .map((p) => ({ displayName: p.displayName, kind: p.kind, attended: p.attendedAt !== null })),
    agenda: agenda.map((item) => ({
      title: item.title,
      plannedMinutes: item.durationMinutes,
      actualMinutes: Math.round(elapsedMs(toTimer(item), closedAt) / 60_000),
      startedAt: item.startedAt,
      endedAt: item.endedAt,
      lever: item.lever,
      clusters: clustersOf(item.id),
      votes: results.filter((r) => r.vote.agendaItemId === item.id).map((r) => r.view),
    })),
    votes: results.filter((r) => !r.vote.agendaItemId).map((r) => r.view),
    decisions,
  };
}
