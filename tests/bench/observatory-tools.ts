import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiClient, ObservatoryService, type TestApp, startAnotherProcess } from '@concerto/server/testing';
import { round, summary } from './stats.js';

/**
 * Downloads in a process of its own (download-worker.mjs): a file of megabytes read in this process would time this
 * process's garbage collector rather than the server. `get` runs `count` concurrent GETs with gzip accepted, each
 * read to its last byte without decompressing, and answers their status, size as sent and time (ms).
 */
export function startDownloader() {
  const worker = fork(fileURLToPath(new URL('./download-worker.mjs', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  type Answer = { id: number; results?: { status: number; bytes: number; ms: number }[]; error?: string };
  const waiting = new Map<number, (answer: Answer) => void>();
  let next = 0;
  worker.on('message', (answer: Answer) => waiting.get(answer.id)?.(answer));
  return {
    get: (url: string, cookie: string, count = 1) =>
      new Promise<{ status: number; bytes: number; ms: number }[]>((resolve, reject) => {
        const id = next++;
        waiting.set(id, ({ results, error }) => {
          waiting.delete(id);
          if (results) resolve(results);
          else reject(new Error(error));
        });
        worker.send({ id, url, cookie, count });
      }),
    stop: () => worker.kill(),
  };
}

/** With a directory (BENCH_OBSERVATORY_CPU_PROF), a CPU profile of this process until `stop` writes it there as `<name>.cpuprofile`. */
export async function startProfile(dir: string | undefined): Promise<{ stop: (name: string) => Promise<void> } | null> {
  if (!dir) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (name) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, `${name.replace(/[^\w-]+/g, '_')}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * A second process started on the benchmark's database loads every fact in the background: its first read at once
 * waits for that load, a read after it does not. The row of the results table (reader: `cookie`).
 */
export async function processStartRow(t: TestApp, cookie: string): Promise<string[]> {
  const other = await startAnotherProcess(t);
  try {
    const reader = new ApiClient(other.url);
    reader.cookie = cookie;
    let at = performance.now();
    if ((await reader.get('/api/observatory/funding')).status !== 200) throw new Error('first read of a new process');
    const atStart = round(performance.now() - at);
    const service = other.app.get(ObservatoryService);
    while (service.lastFullLoadMs === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const loaded = round(service.lastFullLoadMs);
    at = performance.now();
    if ((await reader.get('/api/observatory/funding?from=2016')).status !== 200) throw new Error('read of a new process');
    const afterLoad = round(performance.now() - at);
    return [
      `a process started: its first read at once (waits for the facts loaded as it starts, ${loaded} ms) / its first read once they are`,
      '`GET /api/observatory/funding`',
      `${atStart} / ${afterLoad}`,
      '',
      '',
      '',
      '',
    ];
  } finally {
    await other.close();
  }
}

/**
 * A period nobody asked for before (its partials computed for every pole of the scope, then merged): the first read
 * of ten such periods, each once. The row of the results table.
 */
export async function newPeriodRow(reader: ApiClient, figure: 'panorama' | 'funding'): Promise<string[]> {
  const samples: number[] = [];
  for (let k = 0; k < 10; k++) {
    const at = performance.now();
    if ((await reader.get(`/api/observatory/${figure}?from=${2012 + k}&to=${2014 + k}`)).status !== 200) throw new Error(`${figure}, a new period`);
    samples.push(performance.now() - at);
  }
  const s = summary(samples);
  return [
    `${figure}, a period asked for the first time (every pole's partial computed)`,
    `\`GET /api/observatory/${figure}?from=…&to=…\``,
    `${s.p50} / ${s.p95} (n ${s.n})`,
    '',
    '',
    '',
    '',
  ];
}
