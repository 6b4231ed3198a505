import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { findProjectRoot } from '@concerto/server/testing';

export interface Measurements {
  propagation: number[];
  durableAck: number[];
  edits: number;
  deliveries: number;
}

interface Assignment {
  name: string;
  index: number;
}

/** Spreads the load generator over worker threads so that it is not one saturated event loop. */
export class LoadWorkers {
  private constructor(private readonly workers: Worker[]) {}

  static create(url: string, cookie: string, names: string[], perDocument: number, threads: number, spreadMs = 0): LoadWorkers {
    const shares: Assignment[][] = Array.from({ length: threads }, () => []);
    let index = 0;
    for (const name of names) for (let k = 0; k < perDocument; k++, index++) shares[index % threads].push({ name, index });
    const script = join(findProjectRoot(), 'tests/bench/load-worker.mjs');
    return new LoadWorkers(shares.map((assignments) => new Worker(script, { workerData: { url, cookie, assignments, spreadMs } })));
  }

  async open(): Promise<number[]> {
    const answers = await this.ask<{ connectMs: number[] }>({ type: 'open' }, 'opened');
    return answers.flatMap((a) => a.connectMs);
  }

  async edit(intervalMs: number, durationMs: number, drainMs = 3000): Promise<Measurements> {
    const answers = await this.ask<Measurements>({ type: 'edit', intervalMs, durationMs, drainMs }, 'edited');
    return {
      propagation: answers.flatMap((a) => a.propagation),
      durableAck: answers.flatMap((a) => a.durableAck),
      edits: answers.reduce((n, a) => n + a.edits, 0),
      deliveries: answers.reduce((n, a) => n + a.deliveries, 0),
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
            const onMessage = (reply: { type: string } & T) => {
              if (reply.type !== answer) return;
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
