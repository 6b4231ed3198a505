import { cpus } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import { type ChangeNotice, EventsClientEvent, EventsServerEvent } from '@concerto/domain';
import { ApiClient, addMember, buildSpace, startTestApp, type TestApp } from '@concerto/server/testing';
import { writeResults } from './performance-doc.js';
import { markdownTable, summary } from './stats.js';

/**
 * REST and /events latencies of the foundation, in process, on a fresh database:
 * reads, a validated write, and the time from a committed change to the notice on 20 listening sockets.
 */
describe('API benchmark', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function time(count: number, action: () => Promise<unknown>): Promise<number[]> {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await action();
      samples.push(performance.now() - started);
    }
    return samples;
  }

  it('measures', async () => {
    const animateur = new ApiClient(t.url);
    await animateur.signUp({ email: 'bench@example.fr', password: 'un mot de passe solide' });
    const spaceId = await buildSpace(animateur);
    const listeners: ApiClient[] = [];
    for (let i = 0; i < 20; i++) {
      const member = new ApiClient(t.url);
      await member.signUp();
      await addMember(animateur, spaceId, member, 'observateur');
      listeners.push(member);
    }

    const signIn = await time(20, () => new ApiClient(t.url).post('/api/auth/sign-in', { email: 'bench@example.fr', password: 'un mot de passe solide' }));
    const listSpaces = await time(300, () => animateur.get('/api/spaces'));
    const getSpace = await time(300, () => animateur.get(`/api/spaces/${spaceId}`));
    const members = await time(300, () => animateur.get(`/api/spaces/${spaceId}/members`));
    const stages = ['seeding', 'development'] as const;
    let n = 0;
    const patchPole = await time(300, () => animateur.patch(`/api/spaces/${spaceId}/pole`, { stage: stages[n++ % 2] }));

    const sockets: Socket[] = [];
    for (const listener of listeners) {
      const socket = io(`${t.url}/events`, { transports: ['websocket'], extraHeaders: { cookie: listener.cookie! } });
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      await socket.emitWithAck(EventsClientEvent.join, { spaceId });
      sockets.push(socket);
    }
    const propagation: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const received = sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const listener = (notice: ChangeNotice) => {
              if (notice.entity !== 'space') return;
              socket.off(EventsServerEvent.change, listener);
              propagation.push(performance.now() - started);
              resolve();
            };
            socket.on(EventsServerEvent.change, listener);
          }),
      );
      await animateur.patch(`/api/spaces/${spaceId}`, { title: `Titre ${i}` });
      await Promise.all(received);
    }
    for (const socket of sockets) socket.disconnect();

    const rows = [
      ['POST /api/auth/sign-in (argon2id)', signIn],
      ['GET /api/spaces', listSpaces],
      ['GET /api/spaces/:id', getSpace],
      ['GET /api/spaces/:id/members (21 members)', members],
      ['PATCH /api/spaces/:id/pole', patchPole],
      ['PATCH space → /events notice on 20 sockets', propagation],
    ] as const;
    const table = markdownTable(
      ['operation', 'samples', 'p50 ms', 'p95 ms', 'p99 ms'],
      rows.map(([name, samples]) => {
        const s = summary([...samples]);
        return [name, s.n, s.p50, s.p95, s.p99];
      }),
    );
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, client in the same process`;
    process.stdout.write(`\nAPI benchmark — ${machine}\n${table}\n`);
    writeResults('api', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table}`);
    expect(propagation.length).toBe(100 * 20);
  });
});
