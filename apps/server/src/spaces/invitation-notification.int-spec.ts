import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const tokenOf = (link: string) => link.split('/').pop() as string;

/**
 * `space_invited`: an invitation to an address that already has an account shows in that account's feed (linking to
 * the invitation page) besides the invitation mail — and never makes a second mail. Resending notifies nobody again;
 * revoking removes the unread notification; accepting marks it read. Outbox mode (no SMTP): the mails are rows.
 */
describe('an invitation to an existing account, in the app (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let invitee: ApiClient;
  let spaceId: string;

  const invitedRows = async (client: ApiClient) =>
    (await t.dataSource.query(
      `SELECT kind, channel, link, params, space_id, read_at IS NOT NULL AS read FROM notification WHERE account_id = $1 AND kind = 'space_invited' ORDER BY created_at`,
      [client.account!.id],
    )) as { kind: string; channel: string; link: string; params: Record<string, string>; space_id: string | null; read: boolean }[];
  const mailsTo = async (address: string) =>
    (await t.dataSource.query(`SELECT template FROM mail_message WHERE to_address = $1`, [address])) as { template: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    invitee = new ApiClient(t.url);
    await animateur.signUp({ displayName: 'Aïcha Benali' });
    await invitee.signUp({ displayName: 'Inès Invitée' });
    spaceId = await buildSpace(animateur, { title: 'Pôle Vallée de la Roya' });
  });
  afterAll(() => t.close());

  it('notifies the account in the app, links to the invitation page, and sends the invitation mail only once', async () => {
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: invitee.account!.email, role: 'contributeur' });
    expect(created.status).toBe(201);
    const rows = await invitedRows(invitee);
    expect(rows).toEqual([
      {
        kind: 'space_invited',
        channel: 'in_app',
        link: `/invitations/${tokenOf(created.body.link)}`,
        params: { role: 'contributeur', space: 'Pôle Vallée de la Roya', actor: 'Aïcha Benali' },
        space_id: null,
        read: false,
      },
    ]);
    // space_invited's default channel is « mail », but the invitation mail is that mail: one mail, not two.
    expect(await mailsTo(invitee.account!.email)).toEqual([{ template: 'invitation' }]);
    const feed = (await invitee.get('/api/notifications')).body;
    expect(feed.unread).toBe(1);
    expect(feed.items[0]).toMatchObject({ kind: 'space_invited', link: `/invitations/${tokenOf(created.body.link)}` });

    // « Renvoyer » once the first mail is out: a mail again, no second notification.
    await t.dataSource.query(`UPDATE mail_message SET status = 'sent', sent_at = now() WHERE to_address = $1`, [invitee.account!.email]);
    expect((await animateur.post(`/api/spaces/${spaceId}/invitations/${created.body.id}/resend`)).status).toBe(200);
    expect(await invitedRows(invitee)).toHaveLength(1);
    expect(await mailsTo(invitee.account!.email)).toHaveLength(2);

    // Accepting it marks it read; the account now hears it joined.
    expect((await invitee.post(`/api/invitations/${tokenOf(created.body.link)}/accept`)).status).toBe(200);
    expect((await invitedRows(invitee)).map((r) => r.read)).toEqual([true]);
    expect((await invitee.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind)).toEqual(['space_joined', 'space_invited']);
  });

  it('removes the unread notification when the invitation is revoked; notifies nobody for an address without an account', async () => {
    const other = new ApiClient(t.url);
    await other.signUp({ displayName: 'Octave Autre' });
    const created = await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: other.account!.email, role: 'observateur' });
    expect(await invitedRows(other)).toHaveLength(1);
    expect((await animateur.delete(`/api/spaces/${spaceId}/invitations/${created.body.id}`)).status).toBe(204);
    expect(await invitedRows(other)).toEqual([]);
    expect((await other.get('/api/notifications')).body.unread).toBe(0);

    const before = Number((await t.dataSource.query(`SELECT count(*) FROM notification WHERE kind = 'space_invited'`))[0].count);
    expect((await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'pas-encore@exemple.fr', role: 'contributeur' })).status).toBe(201);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM notification WHERE kind = 'space_invited'`))[0].count)).toBe(before);
  });

  it('writes nothing for an account that turned the kind off, and still mails the invitation', async () => {
    const quiet = new ApiClient(t.url);
    await quiet.signUp({ displayName: 'Quentin Discret' });
    expect(
      (await quiet.request('PUT', '/api/notifications/preferences', { preferences: [{ kind: 'space_invited', spaceId: null, channel: 'off' }] })).status,
    ).toBe(200);
    expect((await animateur.post(`/api/spaces/${spaceId}/invitations`, { email: quiet.account!.email, role: 'contributeur' })).status).toBe(201);
    expect(await invitedRows(quiet)).toEqual([]);
    expect(await mailsTo(quiet.account!.email)).toEqual([{ template: 'invitation' }]);
  });
});
