import type { EntityManager } from 'typeorm';
import type { AgendaItemView, ItemTimer, ParticipantView, SessionSummary, SessionView } from '@concerto/domain';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface SessionRow {
  id: string;
  space_id: string;
  title: string;
  scheduled_at: Date;
  place: string;
  link: string;
  mode: SessionSummary['mode'];
  status: SessionSummary['status'];
  started_at: Date | null;
  closed_at: Date | null;
  anonymous_notes: boolean;
  version: number;
  has_minutes: boolean;
}

const SESSION_SELECT = `SELECT cs.*, EXISTS (SELECT 1 FROM session_minutes WHERE session_id = cs.id) AS has_minutes FROM concertation_session cs`;

const toSummary = (r: SessionRow): SessionSummary => ({
  id: r.id,
  spaceId: r.space_id,
  title: r.title,
  scheduledAt: r.scheduled_at.toISOString(),
  place: r.place,
  link: r.link,
  mode: r.mode,
  status: r.status,
  startedAt: iso(r.started_at),
  closedAt: iso(r.closed_at),
  hasMinutes: r.has_minutes,
});

/** Past and upcoming sessions of a space: live first, then upcoming by date, then past, newest first. */
export async function listSessions(db: EntityManager, spaceId: string): Promise<SessionSummary[]> {
  const rows: SessionRow[] = await db.query(
    `${SESSION_SELECT} WHERE cs.space_id = $1
      ORDER BY (cs.status = 'live') DESC, (cs.status = 'closed'), CASE WHEN cs.status = 'closed' THEN -extract(epoch FROM cs.scheduled_at) ELSE extract(epoch FROM cs.scheduled_at) END`,
    [spaceId],
  );
  return rows.map(toSummary);
}

interface ItemRow {
  id: string;
  position: number;
  title: string;
  duration_minutes: number;
  lever: AgendaItemView['lever'];
  diagnostic_section_id: string | null;
  status: AgendaItemView['status'];
  extra_ms: string;
  elapsed_ms: string;
  running_since: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
}

export async function listAgenda(db: EntityManager, sessionId: string): Promise<AgendaItemView[]> {
  const rows: ItemRow[] = await db.query(`SELECT * FROM agenda_item WHERE session_id = $1 ORDER BY position`, [sessionId]);
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    durationMinutes: r.duration_minutes,
    lever: r.lever,
    diagnosticSectionId: r.diagnostic_section_id,
    status: r.status,
    plannedMs: r.duration_minutes * 60_000,
    extraMs: Number(r.extra_ms),
    elapsedMs: Number(r.elapsed_ms),
    runningSince: r.running_since ? r.running_since.getTime() : null,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
  }));
}

export const toTimer = (item: AgendaItemView): ItemTimer => ({
  status: item.status,
  plannedMs: item.plannedMs,
  extraMs: item.extraMs,
  elapsedMs: item.elapsedMs,
  runningSince: item.runningSince,
});

/** Members of the space (invited or not) and guests of the session, with their attendance. */
export async function listParticipants(db: EntityManager, sessionId: string): Promise<ParticipantView[]> {
  const rows: { account_id: string; display_name: string; kind: 'member' | 'guest'; role: ParticipantView['role']; invited: boolean; attended_at: Date | null }[] =
    await db.query(
      `SELECT a.id AS account_id, a.display_name, coalesce(p.kind, 'member') AS kind, coalesce(m.role, 'contributeur') AS role,
              coalesce(p.invited, false) AS invited, p.attended_at
         FROM concertation_session cs
         JOIN account a ON a.id IN (SELECT account_id FROM space_membership WHERE space_id = cs.space_id
                                    UNION SELECT account_id FROM session_participant WHERE session_id = cs.id)
         LEFT JOIN space_membership m ON m.space_id = cs.space_id AND m.account_id = a.id
         LEFT JOIN session_participant p ON p.session_id = cs.id AND p.account_id = a.id
        WHERE cs.id = $1
        ORDER BY a.display_name`,
      [sessionId],
    );
  return rows.map((r) => ({
    accountId: r.account_id,
    displayName: r.display_name,
    kind: r.kind,
    role: r.kind === 'guest' ? 'contributeur' : r.role,
    invited: r.invited,
    attendedAt: iso(r.attended_at),
  }));
}

export async function findSession(db: EntityManager, sessionId: string): Promise<(SessionSummary & { anonymousNotes: boolean; version: number }) | undefined> {
  const rows: SessionRow[] = await db.query(`${SESSION_SELECT} WHERE cs.id = $1`, [sessionId]);
  return rows[0] ? { ...toSummary(rows[0]), anonymousNotes: rows[0].anonymous_notes, version: rows[0].version } : undefined;
}

export async function sessionView(db: EntityManager, sessionId: string, myRole: SessionView['myRole'], now: number): Promise<SessionView | undefined> {
  const session = await findSession(db, sessionId);
  if (!session) return undefined;
  const agenda = await listAgenda(db, sessionId);
  const participants = await listParticipants(db, sessionId);
  return { ...session, agenda, participants, myRole, serverNow: now };
}
