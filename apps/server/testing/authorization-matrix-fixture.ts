import * as Y from 'yjs';
import { BOARD_NOTES, sessionBoardDocument } from '@concerto/collab';
import { CollabService } from '../src/collab/collab.service.js';
import { ApiClient, addMember, buildSpace } from './api-client.js';
import type { TestApp } from './test-app.js';

/** The kinds of caller the matrix tries every route with. */
export const ACTORS = ['anonymous', 'nonMember', 'otherSpace', 'observateur', 'contributeur', 'animateur'] as const;
export type Actor = (typeof ACTORS)[number];
export type Expected = Record<Actor, number>;

export interface Fixture {
  spaceId: string;
  organisationId: string;
  pendingInvitationId: string;
  foreignInvitationToken: string;
  memberToChange: string;
  memberToRemove: string;
  passwordOf: Record<Actor, string | undefined>;
  emailOf: Record<Actor, string | undefined>;
  projectId: string;
  projectToDelete: string;
  /** Items that contributeur and animateur may each delete or change once (others are refused before any change). */
  itemsOf: Record<'contributeur' | 'animateur', { milestoneId: string; indicatorId: string; fundingLineId: string; relationId: string }>;
  /** A live session with a dot vote; another live one to close; a closed one with minutes. */
  sessionId: string;
  sessionToClose: string;
  closedSessionId: string;
  voteId: string;
  voteToClose: string;
  decisionToRemove: string;
  decisionToProject: string;
  guestToAdd: string;
  guestToRemove: string;
  commentId: string;
  commentToDelete: string;
  versionId: string;
  guide: GuideFixture;
}

type Writer = 'contributeur' | 'animateur';

/** What the guide's routes act on: an item to read and change, and one per writer to delete or create from. */
export interface GuideFixture {
  testimonyId: string;
  testimonyToDelete: Record<Writer, string>;
  /** Contributions of the live session's board marked « Témoignage », one per writer. */
  testimonyNotes: Record<Writer, string>;
  recommendationId: string;
  recommendationToDelete: Record<Writer, string>;
  /** Recommendations the animateur puts to a vote of the live session. */
  recommendationsToVote: string[];
  analysisId: string;
  analysisToDelete: string;
  /** Threads of the animateur on the testimony's story: one to resolve, one to delete. */
  testimonyCommentId: string;
  testimonyCommentToDelete: string;
  /** A version of the guide document, and the token of its publication (by the animateur). */
  guideVersionId: string;
  guidePublicToken: string;
}

/** Writes contributions marked « Témoignage » into a session's board, as the server would apply an edit. */
async function writeTestimonyNotes(t: TestApp, sessionId: string, noteIds: string[]): Promise<void> {
  await t.app.get(CollabService).change(sessionBoardDocument(sessionId), (doc) => {
    for (const id of noteIds) {
      const note = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ itemId: '', text: `Récit ${id}`, authorId: '', authorName: '', category: 'testimony', x: 0, y: 0, createdAt: 1 }))
        note.set(k, v);
      doc.getMap(BOARD_NOTES).set(id, note);
    }
  });
}

async function buildGuideFixture(t: TestApp, clients: Record<Actor, ApiClient>, spaceId: string, sessionId: string): Promise<GuideFixture> {
  const testimonies = `/api/spaces/${spaceId}/testimonies`;
  const draftOf = async (writer: Writer) => (await clients[writer].post(testimonies, { title: `Brouillon de ${writer}` })).body.id as string;
  const recommendations = `/api/spaces/${spaceId}/recommendations`;
  const proposalOf = async (writer: Writer, statement = `Proposition de ${writer}`) =>
    (await clients[writer].post(recommendations, { statement })).body.id as string;
  await writeTestimonyNotes(t, sessionId, ['note-contributeur', 'note-animateur']);
  const testimonyId = (await clients.animateur.post(testimonies, { title: 'Témoignage de la matrice' })).body.id as string;
  const testimonyComment = async () =>
    (await clients.animateur.post(`${testimonies}/${testimonyId}/comments`, { sectionId: 'story', anchor: ANCHOR, body: 'Commentaire' })).body.id as string;
  return {
    testimonyId,
    testimonyCommentId: await testimonyComment(),
    testimonyCommentToDelete: await testimonyComment(),
    testimonyToDelete: { contributeur: await draftOf('contributeur'), animateur: await draftOf('animateur') },
    testimonyNotes: { contributeur: 'note-contributeur', animateur: 'note-animateur' },
    recommendationId: await proposalOf('animateur', 'Préconisation de la matrice'),
    recommendationToDelete: { contributeur: await proposalOf('contributeur'), animateur: await proposalOf('animateur') },
    analysisId: (await clients.animateur.post(`/api/spaces/${spaceId}/analyses`, { title: 'Analyse de la matrice', scope: { kind: 'free' } })).body.id,
    analysisToDelete: (await clients.animateur.post(`/api/spaces/${spaceId}/analyses`, { title: 'Analyse à supprimer', scope: { kind: 'free' } })).body.id,
    recommendationsToVote: [await proposalOf('animateur', 'Priorité A'), await proposalOf('animateur', 'Priorité B')],
    guideVersionId: (await clients.animateur.post(`/api/spaces/${spaceId}/guide/versions`, { name: 'Version de la matrice' })).body.id,
    guidePublicToken: (await clients.animateur.request('PUT', `/api/spaces/${spaceId}/guide/publication`, {})).body.token,
  };
}

export const ANCHOR = { start: 'AAAA', end: 'AAAA', quote: 'passage' };

/** Signs every actor up and builds the space, projects, sessions, votes and comments the routes act on. */
export async function buildMatrixFixture(t: TestApp, clients: Record<Actor, ApiClient>): Promise<Fixture> {
  const password = 'un mot de passe solide';
  for (const actor of ACTORS.filter((a) => a !== 'anonymous')) {
    await clients[actor].signUp({ email: `${actor.toLowerCase()}@example.fr`, password });
  }
  const spaceId = await buildSpace(clients.animateur);
  await buildSpace(clients.otherSpace);
  await addMember(clients.animateur, spaceId, clients.observateur, 'observateur');
  await addMember(clients.animateur, spaceId, clients.contributeur, 'contributeur');
  const extra = [new ApiClient(t.url), new ApiClient(t.url)];
  for (const client of extra) {
    await client.signUp();
    await addMember(clients.animateur, spaceId, client, 'observateur');
  }
  const organisation = await clients.animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'epci', name: 'Sicoval' });
  const pending = await clients.animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'attente@example.fr', role: 'observateur' });
  const foreign = await clients.animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'personne@example.fr', role: 'contributeur' });
  const owner = clients.animateur;
  const projectPath = `/api/spaces/${spaceId}/projects`;
  const projectId = (await owner.post(projectPath, { title: 'Projet de la matrice' })).body.id;
  const projectToDelete = (await owner.post(projectPath, { title: 'Projet à supprimer' })).body.id;
  const itemsFor = async (n: number) => ({
    milestoneId: (await owner.post(`${projectPath}/${projectId}/milestones`, { title: `Jalon ${n}` })).body.id,
    indicatorId: (await owner.post(`${projectPath}/${projectId}/indicators`, { kind: 'fte', measuredOn: '2026-01-01', value: n })).body.id,
    fundingLineId: (
      await owner.post(`${projectPath}/${projectId}/funding-lines`, {
        funderId: organisation.body.id,
        funderLevel: 'epci',
        year: 2025,
        amountCents: 1000 * n,
        kind: 'investment',
      })
    ).body.id,
    relationId: (await owner.post(`/api/spaces/${spaceId}/relations`, { organisationId: organisation.body.id, year: 1990 + n, evolution: 'widening' })).body.id,
  });
  const newSession = async () => {
    const created = (
      await owner.post(`/api/spaces/${spaceId}/sessions`, {
        title: 'Séance',
        scheduledAt: '2026-12-10T09:00:00Z',
        agenda: [{ title: 'Point', durationMinutes: 15 }],
      })
    ).body.id;
    await owner.post(`/api/sessions/${created}/facilitation`, { action: 'start' });
    return created as string;
  };
  const [liveSession, sessionToClose, closedSessionId] = [await newSession(), await newSession(), await newSession()];
  await owner.post(`/api/sessions/${closedSessionId}/close`);
  const newVote = async () =>
    (
      await owner.post(`/api/sessions/${liveSession}/votes`, {
        kind: 'dot',
        title: 'Priorités',
        options: [
          { key: 'a', label: 'A' },
          { key: 'b', label: 'B' },
        ],
      })
    ).body.id as string;
  const decision = async (text: string) => (await owner.post(`/api/sessions/${liveSession}/decisions`, { text })).body.id as string;
  const guests = [new ApiClient(t.url), new ApiClient(t.url)];
  for (const g of guests) await g.signUp();
  await owner.post(`/api/sessions/${liveSession}/guests`, { email: guests[1].account!.email });
  const comment = async () =>
    (await owner.post(`/api/spaces/${spaceId}/diagnostic/comments`, { sectionId: 'grid-territory', anchor: ANCHOR, body: 'Commentaire' })).body.id as string;
  return {
    spaceId,
    commentId: await comment(),
    commentToDelete: await comment(),
    guide: await buildGuideFixture(t, clients, spaceId, liveSession),
    versionId: (await owner.post(`/api/spaces/${spaceId}/diagnostic/versions`, { name: 'Version de départ' })).body.id,
    sessionId: liveSession,
    sessionToClose,
    closedSessionId,
    voteId: await newVote(),
    voteToClose: await newVote(),
    decisionToRemove: await decision('Décision à retirer'),
    decisionToProject: await decision('Décision à transformer en projet'),
    guestToAdd: guests[0].account!.email,
    guestToRemove: guests[1].account!.id,
    projectId,
    projectToDelete,
    itemsOf: { contributeur: await itemsFor(1), animateur: await itemsFor(2) },
    organisationId: organisation.body.id,
    pendingInvitationId: pending.body.id,
    foreignInvitationToken: foreign.body.link.split('/').pop(),
    memberToChange: extra[0].account!.id,
    memberToRemove: extra[1].account!.id,
    passwordOf: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? undefined : password])) as Fixture['passwordOf'],
    emailOf: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? undefined : `${a.toLowerCase()}@example.fr`])) as Fixture['emailOf'],
  };
}
