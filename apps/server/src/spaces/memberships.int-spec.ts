import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

describe('invitations and roles (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    await animateur.signUp();
    spaceId = await buildSpace(animateur);
  });
  afterAll(() => t.close());

  const tokenOf = (link: string) => link.split('/').pop()!;

  it('invites by e-mail with a link that the invitee opens after signing up', async () => {
    const invitation = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'Nouvelle@Example.fr', role: 'contributeur' });
    expect(invitation.status).toBe(201);
    expect(invitation.body).toMatchObject({ email: 'nouvelle@example.fr', role: 'contributeur', status: 'pending' });
    expect(invitation.body.link).toMatch(/^\/invitations\/[A-Za-z0-9_-]{43}$/);
    const listed = await animateur.get(`/api/spaces/${spaceId}/invitations`);
    expect(listed.body.map((i: { id: string }) => i.id)).toContain(invitation.body.id);

    const anonymous = new ApiClient(t.url);
    const preview = await anonymous.get(`/api/invitations/${tokenOf(invitation.body.link)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ role: 'contributeur', email: 'nouvelle@example.fr', status: 'pending' });
    expect((await anonymous.post(`/api/invitations/${tokenOf(invitation.body.link)}/accept`)).status).toBe(401);

    const invitee = new ApiClient(t.url);
    await invitee.signUp({ email: 'nouvelle@example.fr' });
    const accepted = await invitee.post(`/api/invitations/${tokenOf(invitation.body.link)}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ spaceId });
    expect((await invitee.get(`/api/spaces/${spaceId}`)).body.myRole).toBe('contributeur');

    const again = await invitee.post(`/api/invitations/${tokenOf(invitation.body.link)}/accept`);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('invitation_invalid');
  });

  it('refuses an invitation link used by another account', async () => {
    const invitation = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'destinataire@example.fr', role: 'observateur' });
    const intruder = new ApiClient(t.url);
    await intruder.signUp();
    const response = await intruder.post(`/api/invitations/${tokenOf(invitation.body.link)}/accept`);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('invitation_email_mismatch');
    expect((await intruder.get(`/api/spaces/${spaceId}`)).status).toBe(404);
  });

  it('refuses duplicates and invitations for members', async () => {
    await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'double@example.fr', role: 'observateur' });
    const duplicate = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'double@example.fr', role: 'contributeur' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('invitation_pending');
    const member = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: animateur.account!.email, role: 'observateur' });
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('already_member');
  });

  it('revokes a pending invitation', async () => {
    const invitation = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'revoquee@example.fr', role: 'observateur' });
    expect((await animateur.delete(`/api/spaces/${spaceId}/invitations/${invitation.body.id}`)).status).toBe(204);
    const invitee = new ApiClient(t.url);
    await invitee.signUp({ email: 'revoquee@example.fr' });
    expect((await invitee.post(`/api/invitations/${tokenOf(invitation.body.link)}/accept`)).status).toBe(410);
    expect((await animateur.delete(`/api/spaces/${spaceId}/invitations/${invitation.body.id}`)).status).toBe(404);
    const again = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'revoquee@example.fr', role: 'observateur' });
    expect(again.status).toBe(201);
  });

  it('answers 404 for an unknown or malformed invitation token', async () => {
    const anonymous = new ApiClient(t.url);
    expect((await anonymous.get(`/api/invitations/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await anonymous.get(`/api/invitations/short`)).status).toBe(404);
  });

  it('changes and removes roles, keeping at least one animateur', async () => {
    const member = new ApiClient(t.url);
    await member.signUp();
    await addMember(animateur, spaceId, member, 'observateur');
    const promoted = await animateur.patch(`/api/spaces/${spaceId}/members/${member.account!.id}`, { role: 'animateur' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('animateur');

    const demoteSelf = await animateur.patch(`/api/spaces/${spaceId}/members/${animateur.account!.id}`, { role: 'contributeur' });
    expect(demoteSelf.status).toBe(200);
    const lastOne = await member.patch(`/api/spaces/${spaceId}/members/${member.account!.id}`, { role: 'observateur' });
    expect(lastOne.status).toBe(409);
    expect(lastOne.body.code).toBe('last_animateur');
    const removeLast = await member.delete(`/api/spaces/${spaceId}/members/${member.account!.id}`);
    expect(removeLast.status).toBe(409);

    expect((await member.patch(`/api/spaces/${spaceId}/members/${animateur.account!.id}`, { role: 'animateur' })).status).toBe(200);
    expect((await animateur.delete(`/api/spaces/${spaceId}/members/${member.account!.id}`)).status).toBe(204);
    expect((await member.get(`/api/spaces/${spaceId}`)).status).toBe(404);
    const invalidRole = await animateur.patch(`/api/spaces/${spaceId}/members/${animateur.account!.id}`, { role: 'admin' });
    expect(invalidRole.status).toBe(400);
    expect((await animateur.patch(`/api/spaces/${spaceId}/members/${member.account!.id}`, { role: 'observateur' })).status).toBe(404);
  });

  it('never leaves a space without animateur under concurrent demotions', async () => {
    const other = new ApiClient(t.url);
    await other.signUp();
    await addMember(animateur, spaceId, other, 'animateur');
    const [a, b] = await Promise.all([
      animateur.patch(`/api/spaces/${spaceId}/members/${other.account!.id}`, { role: 'contributeur' }),
      other.patch(`/api/spaces/${spaceId}/members/${animateur.account!.id}`, { role: 'contributeur' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, expect.any(Number)]);
    const [{ count }] = await t.dataSource.query(`SELECT count(*) FROM space_membership WHERE space_id = $1 AND role = 'animateur'`, [spaceId]);
    expect(Number(count)).toBeGreaterThanOrEqual(1);
  });
});
