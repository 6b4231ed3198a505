import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { BOARD_CLUSTERS, BOARD_NOTES, DocumentKind, SCHEMAS, migrateDocument, readBoard, sessionBoardDocument } from '@concerto/collab';
import { AgendaItemInput, CreateDecisionRequest, CreateSessionRequest, CreateVoteRequest } from '@concerto/domain';
import { AgendaItemsRepository } from '../sessions/agenda-items.repository.js';
import { buildMinutes } from '../sessions/minutes-builder.js';
import { MinutesRepository } from '../sessions/minutes.repository.js';
import { SessionParticipantsRepository } from '../sessions/session-participants.repository.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { VoteResultsRepository } from '../sessions/vote-results.repository.js';
import { VotesRepository } from '../sessions/votes.repository.js';
import { frenchTimeDaysAgo } from './demo-clock.js';
import { DEMO_SESSIONS, type DemoSession, type DemoVote } from './demo-sessions-content.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The session's contribution board: each note in its agenda item, grouped in the named clusters. */
function boardOf(session: DemoSession, itemIds: string[], account: (email: string) => string, names: Map<string, string>, start: number): Y.Doc {
  const doc = new Y.Doc();
  migrateDocument(doc, SCHEMAS[DocumentKind.sessionBoard]);
  doc.transact(() => {
    const notes = doc.getMap<Y.Map<unknown>>(BOARD_NOTES);
    const clusters = doc.getMap<Y.Map<unknown>>(BOARD_CLUSTERS);
    let at = start;
    for (const [i, item] of session.agenda.entries()) {
      const clusterIds = new Map<string, string>();
      for (const note of item.notes) {
        let clusterId: string | null = null;
        if (note.cluster) {
          clusterId = clusterIds.get(note.cluster) ?? randomUUID();
          if (!clusterIds.has(note.cluster)) {
            clusterIds.set(note.cluster, clusterId);
            clusters.set(clusterId, new Y.Map<unknown>(Object.entries({ itemId: itemIds[i], title: note.cluster, x: 0, y: 0 })));
          }
        }
        at += 2 * MINUTE_MS;
        const fields = {
          itemId: itemIds[i],
          text: note.text,
          authorId: account(note.author),
          authorName: names.get(note.author) ?? '',
          category: note.category,
          x: 0,
          y: 0,
          clusterId,
          createdAt: at,
        };
        notes.set(randomUUID(), new Y.Map<unknown>(Object.entries(fields)));
      }
    }
  });
  return doc;
}

/** Every ballot of a vote, through the votes' repository (the per-person rules are the database's constraints). */
async function castBallots(
  tx: EntityManager,
  votes: VotesRepository,
  vote: Awaited<ReturnType<VotesRepository['insert']>>,
  demo: DemoVote,
  account: (email: string) => string,
): Promise<void> {
  for (const [email, ballot] of Object.entries(demo.ballots)) {
    const accountId = account(email);
    await votes.lockBallot(vote, accountId, tx);
    if (demo.kind === 'consent') {
      const { answer, reason } = ballot as { answer: 'agree'; reason?: string };
      await votes.answerConsent(vote.id, accountId, answer, reason ?? '', tx);
    } else {
      const values = ballot as number[];
      const choices = vote.options.map((o, i) =>
        demo.kind === 'dot' ? { optionKey: o.key, dots: values[i], score: null } : { optionKey: o.key, dots: 0, score: values[i] },
      );
      await votes.replaceChoices(vote.id, accountId, choices, tx);
    }
  }
}

/**
 * One past session in a space, held and closed: planned with its agenda and invited members, run (items timed one
 * after the other from the scheduled start), attendance, board notes, votes with their ballots, decisions; closed
 * with its minutes built by `buildMinutes` from what the repositories read back, as the closing does.
 */
async function seedSession(
  tx: EntityManager,
  spaceId: string,
  session: DemoSession,
  account: (email: string) => string,
  names: Map<string, string>,
  now: number,
): Promise<void> {
  const db = tx.connection;
  const [sessions, agenda, participants, votes, tallies, minutes] = [
    new SessionsRepository(db),
    new AgendaItemsRepository(db),
    new SessionParticipantsRepository(db),
    new VotesRepository(db),
    new VoteResultsRepository(db),
    new MinutesRepository(db),
  ];
  const start = frenchTimeDaysAgo(now, session.daysAgo, session.hour);
  const animateurId = account(session.animateur);
  const request = CreateSessionRequest.parse({
    title: session.title,
    scheduledAt: new Date(start).toISOString(),
    place: session.place,
    mode: session.mode,
    agenda: session.agenda.map((item) =>
      AgendaItemInput.parse({
        title: item.title,
        durationMinutes: item.minutes,
        lever: item.lever ?? null,
        diagnosticSectionId: item.diagnosticSectionId ?? null,
      }),
    ),
  });
  const sessionId = await sessions.insert(spaceId, request, animateurId, tx);
  await tx.query(`UPDATE concertation_session SET created_at = $2, updated_at = $2 WHERE id = $1`, [sessionId, new Date(start - 10 * DAY_MS)]);
  await agenda.replace(sessionId, request.agenda, tx);
  const members: { account_id: string }[] = await tx.query(`SELECT account_id FROM space_membership WHERE space_id = $1`, [spaceId]);
  await participants.inviteMembers(
    sessionId,
    members.map((m) => m.account_id),
    tx,
  );

  await sessions.markLive(sessionId, start, tx);
  const absent = new Set(session.absent.map(account));
  for (const m of members) if (!absent.has(m.account_id)) await participants.recordAttendance(sessionId, m.account_id, 'member', tx);
  await tx.query(`UPDATE session_participant SET attended_at = $2 WHERE session_id = $1 AND attended_at IS NOT NULL`, [sessionId, new Date(start)]);

  const items = await agenda.list(sessionId, tx);
  const itemIds = items.map((i) => i.id);
  let at = start;
  const itemStarts: number[] = [];
  for (const [i, item] of items.entries()) {
    itemStarts.push(at);
    await agenda.saveTimer(item.id, { status: 'current', plannedMs: item.plannedMs, extraMs: 0, elapsedMs: 0, runningSince: at }, at, tx);
    at += session.agenda[i].actualMinutes * MINUTE_MS;
    await agenda.finish(item.id, session.agenda[i].actualMinutes * MINUTE_MS, at, tx);
  }
  const closedAt = at + 5 * MINUTE_MS;

  for (const demo of session.votes) {
    const request = CreateVoteRequest.parse({
      kind: demo.kind,
      title: demo.title,
      agendaItemId: itemIds[demo.item],
      options: demo.kind === 'consent' ? [] : demo.options.map((label, i) => ({ key: `option-${i + 1}`, label })),
      ...(demo.kind === 'dot' ? { dotsPerParticipant: demo.dots } : {}),
    });
    const vote = await votes.insert(sessionId, request, tx);
    await tx.query(`UPDATE vote SET opened_at = $2 WHERE id = $1`, [vote.id, new Date(itemStarts[demo.item] + 10 * MINUTE_MS)]);
    await castBallots(tx, votes, vote, demo, account);
  }
  for (const [n, decision] of session.decisions.entries()) {
    const inserted = await minutes.insertDecision(
      sessionId,
      CreateDecisionRequest.parse({ text: decision.text, agendaItemId: itemIds[decision.item] }),
      animateurId,
      tx,
    );
    await tx.query(`UPDATE session_decision SET created_at = $2 WHERE id = $1`, [inserted.id, new Date(closedAt - (session.decisions.length - n) * MINUTE_MS)]);
  }
  const board = boardOf(session, itemIds, account, names, start);
  await tx.query(`INSERT INTO collab_update (doc, data) VALUES ($1, $2)`, [sessionBoardDocument(sessionId), Buffer.from(Y.encodeStateAsUpdate(board))]);

  // Closing, as the minutes service does it: open votes close, the session is closed, the minutes are built.
  await votes.closeAll(sessionId, closedAt, tx);
  await sessions.markClosed(sessionId, closedAt, tx);
  await tx.query(`UPDATE concertation_session SET updated_at = $2 WHERE id = $1`, [sessionId, new Date(closedAt)]);
  const details = await sessions.find(sessionId, tx);
  if (!details) throw new Error(`Demo session ${session.title} not found`);
  const listed = await votes.list(sessionId, tx);
  const tallied = await Promise.all(listed.map(async (vote) => ({ vote, results: await tallies.results(vote, tx) })));
  const built = buildMinutes(
    {
      session: details,
      agenda: await agenda.list(sessionId, tx),
      participants: await participants.list(sessionId, tx),
      votes: tallied,
      decisions: await minutes.minutesDecisions(sessionId, tx),
      board: readBoard(board),
    },
    closedAt,
  );
  await minutes.insertMinutes(sessionId, built, tx);
  await tx.query(`UPDATE session_minutes SET created_at = $2 WHERE session_id = $1`, [sessionId, new Date(closedAt)]);
  board.destroy();
}

/** One past session per demo pole (`demo-sessions-content.ts`), inside the seed's transaction. */
export async function seedDemoSessions(
  tx: EntityManager,
  spaceIds: Map<string, string>,
  accountIds: Map<string, string>,
  names: Map<string, string>,
  now = Date.now(),
): Promise<void> {
  const account = (email: string) => {
    const id = accountIds.get(email);
    if (!id) throw new Error(`No demo account ${email}`);
    return id;
  };
  for (const session of DEMO_SESSIONS) {
    const spaceId = spaceIds.get(session.pole);
    if (!spaceId) throw new Error(`No demo space ${session.pole}`);
    await seedSession(tx, spaceId, session, account, names, now);
  }
}
