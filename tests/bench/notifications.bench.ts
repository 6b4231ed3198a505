import { createHash, randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import { NOTIFICATION_EVENT, type NotificationKind } from '@concerto/domain';
import { ApiClient, NotificationDigestService, NotificationsService, buildSpace, eventually, startTestApp, type TestApp } from '@concerto/server/testing';
import { writeResults } from './performance-doc.js';
import { markdownTable, round } from './stats.js';

const MEMBERS = Number(process.env.BENCH_NOTIFY_MEMBERS ?? 1000);
/** Members with an open /events socket (every member by default). */
const SOCKETS = Number(process.env.BENCH_NOTIFY_SOCKETS ?? MEMBERS);
const RUNS = Number(process.env.BENCH_NOTIFY_RUNS ?? 5);
const DIGEST_ACCOUNTS = Number(process.env.BENCH_DIGEST_ACCOUNTS ?? 10_000);
const DIGEST_PER_ACCOUNT = 3;
const DIGEST_SPACES = 10;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`;

/** `n` accounts members of `spaceId`, written directly (no sign-up: argon2 would dominate the set-up). */
async function bulkMembers(t: TestApp, spaceIds: string[], n: number, tag: string): Promise<string[]> {
  const rows: { id: string }[] = await t.dataSource.query(
    `INSERT INTO account (email, password_hash, display_name) SELECT $1 || i || '@bench.example', 'x', 'Membre ' || i FROM generate_series(1, $2) i RETURNING id`,
    [`${tag}-`, n],
  );
  const ids = rows.map((r) => r.id);
  await t.dataSource.query(
    `INSERT INTO space_membership (space_id, account_id, role) SELECT ($1::uuid[])[1 + (ord - 1) % array_length($1::uuid[], 1)], id, 'contributeur' FROM unnest($2::uuid[]) WITH ORDINALITY AS m(id, ord)`,
    [spaceIds, ids],
  );
  return ids;
}

/** A signed-in /events socket per account (sessions written directly), each counting the notices it receives. */
async function connectSockets(t: TestApp, accountIds: string[]): Promise<{ sockets: Socket[]; received: () => number }> {
  const tokens = accountIds.map(() => randomBytes(32).toString('base64url'));
  await t.dataSource.query(
    `INSERT INTO auth_session (token_hash, account_id, expires_at) SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
    [tokens.map((token) => createHash('sha256').update(token).digest('hex')), accountIds],
  );
  let count = 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < tokens.length; i += 100) {
    const batch = tokens.slice(i, i + 100).map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(`${t.url}/events`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: `concerto_sid=${token}` } });
          socket.on(NOTIFICATION_EVENT, () => (count += 1));
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return { sockets, received: () => count };
}

const countRows = async (t: TestApp, table: 'notification' | 'mail_message') =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('notifications benchmark', () => {
  const results: string[] = [];
  afterAll(() => {
    const text = results.join('\n\n');
    process.stdout.write(`\nNotifications benchmark — ${machine}\n${text}\n`);
    writeResults('notifications', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${text}`);
  });

  it(`fans one event out to ${MEMBERS} members`, async () => {
    const t = await startTestApp({ NOTIFICATION_SCHEDULE_MS: '0', LOG_LEVEL: 'error' });
    const animateur = new ApiClient(t.url);
    await animateur.signUp();
    const spaceId = await buildSpace(animateur);
    const members = await bulkMembers(t, [spaceId], MEMBERS, 'fanout');
    const { sockets, received } = await connectSockets(t, members.slice(0, SOCKETS));
    const service = t.app.get(NotificationsService);
    try {
      const rows: (string | number)[][] = [];
      // A mention defaults to mail (in the app and by mail at once), a decision to the digest (in the app, mailed later).
      for (const kind of ['comment_mention', 'decision_recorded'] as NotificationKind[]) {
        const write: number[] = [];
        const live: number[] = [];
        const mailed: number[] = [];
        let notifications = 0;
        let mails = 0;
        for (let run = 0; run < RUNS + 1; run++) {
          const [notificationsBefore, mailsBefore, noticesBefore] = [await countRows(t, 'notification'), await countRows(t, 'mail_message'), received()];
          const started = performance.now();
          await t.dataSource.transaction((tx) =>
            service.notify({
              kind,
              spaceId,
              actorAccountId: animateur.account!.id,
              recipients: members,
              place: { kind: 'space' },
              link: `/espaces/${spaceId}/diagnostic#commentaire-${run}`,
              params: { excerpt: 'Bonjour à toutes et à tous' },
              db: tx,
            }),
          );
          const committed = performance.now();
          await eventually(() => received() - noticesBefore >= SOCKETS, 60_000, 'every live notice');
          const noticed = performance.now();
          // Immediate mails are queued after the commit; wait until their count settles.
          let last = -1;
          for (;;) {
            const now = await countRows(t, 'mail_message');
            if (now === last) break;
            last = now;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
          if (run === 0) continue; // warm-up
          write.push(committed - started);
          live.push(noticed - started);
          mailed.push(last - mailsBefore);
          notifications = (await countRows(t, 'notification')) - notificationsBefore;
          mails = last - mailsBefore;
        }
        rows.push([kind, MEMBERS, SOCKETS, round(median(write)), round(median(live)), notifications, mails, notifications + mails]);
      }
      results.push(
        `Fan-out of one event (median of ${RUNS}; the actor is one more member):\n\n` +
          markdownTable(
            ['kind', 'members', 'sockets', 'notify + commit ms', 'all live notices ms', 'notification rows', 'mails queued', 'rows per event'],
            rows,
          ),
      );
    } finally {
      for (const socket of sockets) socket.disconnect();
      await t.close();
    }
  });

  it(`sends the digest of ${DIGEST_ACCOUNTS} accounts`, async () => {
    const t = await startTestApp({ NOTIFICATION_SCHEDULE_MS: '0', LOG_LEVEL: 'error' });
    try {
      const animateur = new ApiClient(t.url);
      await animateur.signUp();
      const spaces: string[] = [];
      for (let i = 0; i < DIGEST_SPACES; i++) spaces.push(await buildSpace(animateur, { title: `Espace ${i + 1}`, poleName: `Pôle ${i + 1}` }));
      const accounts = await bulkMembers(t, spaces, DIGEST_ACCOUNTS, 'digest');
      await t.dataSource.query(`UPDATE account SET digest_frequency = 'daily' WHERE id = ANY($1::uuid[])`, [accounts]);
      // Each account: DIGEST_PER_ACCOUNT notifications of its space waiting since two days.
      await t.dataSource.query(
        `INSERT INTO notification (account_id, space_id, kind, channel, link, params, dedupe_key, created_at)
         SELECT m.account_id, m.space_id, 'decision_recorded', 'digest', '/seances/x#decision-' || k, '{"title":"Séance","excerpt":"Une décision"}', 'bench:' || k,
                now() - interval '2 days' + k * interval '1 minute'
           FROM space_membership m CROSS JOIN generate_series(1, $2) k WHERE m.account_id = ANY($1::uuid[])`,
        [accounts, DIGEST_PER_ACCOUNT],
      );
      const digest = t.app.get(NotificationDigestService);
      const mailsBefore = await countRows(t, 'mail_message');
      const started = performance.now();
      const sent = await digest.run(new Date());
      const elapsed = performance.now() - started;
      const queued = (await countRows(t, 'mail_message')) - mailsBefore;
      expect(sent).toBe(DIGEST_ACCOUNTS);
      const again = performance.now();
      expect(await digest.run(new Date())).toBe(0);
      const secondRun = performance.now() - again;
      results.push(
        'Digest run (daily, every account due; the mails land in the outbox):\n\n' +
          markdownTable(
            ['accounts', 'notifications', 'mails queued', 'run s', 'ms per account', 'second run (nothing due) ms'],
            [[DIGEST_ACCOUNTS, DIGEST_ACCOUNTS * DIGEST_PER_ACCOUNT, queued, round(elapsed / 1000, 2), round(elapsed / DIGEST_ACCOUNTS, 2), round(secondRun)]],
          ),
      );
    } finally {
      await t.close();
    }
  });
});
