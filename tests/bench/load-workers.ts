import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { findProjectRoot } from '@concerto/server/testing';

export type Target = 'concerto' | 'hocuspocus';

export interface Measurements {
  propagation: number[];
  /** Concerto: until the edit is committed; Hocuspocus: its SyncStatus, sent once the update is applied in memory. */
  durableAck: number[];
  edits: number;
  deliveries: number;
  refused: number;
  /** Edits the generator's timer could not send in time (it fell behind the asked rate). */
  behind: number;
  /** Event-loop delay of the generator's threads (worst thread), ms. */
  loopDelay: { p50: number; p99: number; max: number };
  /** Each full replica's state at the end (to compare with the stored document). */
  replicas: { name: string; state: Uint8Array }[];
}

interface Assignment {
  name: string;
  index: number;
  full: boolean;
}

export interface LoadOptions {
  target: Target;
  url: string;
  /** Concerto: the session cookie; Hocuspocus: the token. */
  secret: string;
  names: string[];
  perDocument: number;
  /** Share of the clients that keep a full replica (the others are light). */
  fullFraction: number;
  threads: number;
}

/**
 * The load generator: its clients spread over worker threads of this process (which the benchmark pins to its own
 * core). Clients are numbered document after document; the edit order takes one client of each document in turn, so
 * that consecutive edits go to different documents. Full replicas are spread evenly (every 1/fullFraction-th client).
 */
export class LoadWorkers {
  private constructor(private readonly workers: Worker[]) {}

  static create(options: LoadOptions): LoadWorkers {
    const { names, perDocument, threads, fullFraction } = options;
    const all: (Assignment & { k: number; d: number })[] = [];
    const every = fullFraction > 0 ? Math.max(1, Math.round(1 / fullFraction)) : Infinity;
    names.forEach((name, d) => {
      for (let k = 0; k < perDocument; k++) {
        const index = d * perDocument + k;
        all.push({ name, index, full: (index + 1) % every === 0, k, d });
      }
    });
    all.sort((a, b) => a.k - b.k || a.d - b.d);
    const shares: Assignment[][] = Array.from({ length: threads }, () => []);
    all.forEach(({ name, index, full }, i) => shares[i % threads].push({ name, index, full }));
    const script = join(findProjectRoot(), 'tests/bench/load-worker.mjs');
    return new LoadWorkers(
      shares.map((assignments) => new Worker(script, { workerData: { target: options.target, url: options.url, secret: options.secret, assignments } })),
    );
  }

  /** Opens every client at once; each one's connect → synced time (ms). */
  async open(): Promise<number[]> {
    const answers = await this.ask<{ connectMs: number[] }>({ type: 'open' }, 'opened');
    return answers.flatMap((a) => a.connectMs);
  }

  /** Edits at `rate` edits per second in total for `durationMs`, then waits `drainMs` for the last deliveries. */
  async edit(rate: number, durationMs: number, drainMs = 3000): Promise<Measurements> {
    const share = rate / this.workers.length;
    const answers = await this.ask<Measurements>({ type: 'edit', rate: share, durationMs, drainMs }, 'edited');
    return {
      propagation: answers.flatMap((a) => a.propagation),
      durableAck: answers.flatMap((a) => a.durableAck),
      edits: answers.reduce((n, a) => n + a.edits, 0),
      deliveries: answers.reduce((n, a) => n + a.deliveries, 0),
      refused: answers.reduce((n, a) => n + a.refused, 0),
      behind: answers.reduce((n, a) => n + a.behind, 0),
      loopDelay: {
        p50: Math.max(...answers.map((a) => a.loopDelay.p50)),
        p99: Math.max(...answers.map((a) => a.loopDelay.p99)),
        max: Math.max(...answers.map((a) => a.loopDelay.max)),
      },
      replicas: answers.flatMap((a) => a.replicas),
    };
  }

  async close(): Promise<void> {
    await this.ask({ type: 'close' }, 'closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private ask<T>(message: unknown, answer: string): Promise<T[]> {
    return Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<T>((resolve, reject) => {
            const onMessage = (reply: { type: string; message?: string } & T) => {
              if (reply.type === 'failed') reject(new Error(reply.message));
              if (reply.type !== answer && reply.type !== 'failed') return;
              worker.off('message', onMessage);
              resolve(reply);
            };
            worker.on('message', onMessage);
            worker.once('error', reject);
            worker.postMessage(message);
          }),
      ),
    );
  }
}
