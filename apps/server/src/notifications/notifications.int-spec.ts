import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { NotificationsService } from './notifications.service.js';

describe('notifications (real PostgreSQL)', () => {
  let t: TestApp;
  let service: NotificationsService;
  let animateur: ApiClient;
  let member: ApiClient;
  let outsider: ApiClient;
  let spaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    service = t.app.get(NotificationsService);
    animateur = new ApiClient(t.url);
    member = new ApiClient(t.url);
    outsider = new ApiClient(t.url);
    await animateur.signUp({ displayName: 'Anne Animatrice' });
    await member.signUp({ displayName: 'Bruno Membre' });
    await outsider.signUp({ displayName: 'Olga Dehors' });
    spaceId = await buildSpace(animateur, { title: 'Pôle Vallée' });
    await addMember(animateur, spaceId, member, 'contributeur');
  });
  afterAll(() => t.close());

  const rowsOf = async (accountId: string) =>
    (await t.dataSource.query(`SELECT kind, channel, params, link FROM notification WHERE account_id = $1 ORDER BY created_at`, [accountId])) as {
      kind: string;
      channel: string;
      params: Record<string, string>;
      link: string;
    }[];

  it('writes one row per member the policy lets see the space, never the actor nor an outsider', async () => {
    const written = await service.notify({
      kind: 'comment_mention',
      spaceId,
      actorAccountId: animateur.account!.id,
      recipients: [member.account!.id, outsider.account!.id, animateur.account!.id],
      place: { kind: 'space' },
      link: `/spaces/${spaceId}/diagnostic`,
      params: { excerpt: 'Bonjour @Bruno' },
    });
    expect(written).toBe(1);
    expect(await rowsOf(member.account!.id)).toEqual([
      { kind: 'comment_mention', channel: 'mail', link: `/spaces/${spaceId}/diagnostic`, params: { excerpt: 'Bonjour @Bruno', space: 'Pôle Vallée', actor: 'Anne Animatrice' } },
    ]);
    expect(await rowsOf(outsider.account!.id)).toEqual([]);
    expect(await rowsOf(animateur.account!.id)).toEqual([]);
  });
});
