import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Work that runs every `intervalMs` in each server process, but by one process at a time: each tick takes a
 * transaction-level PostgreSQL advisory lock (`pg_try_advisory_xact_lock`) named after the job and does nothing when
 * another process holds it. What the work writes is in that transaction. The reminders also carry a dedupe key
 * (`NotificationEvent.dedupeKey`), so a tick seen twice, on one process or two, still notifies once.
 *
 * The first tick comes one interval after start; `intervalMs` 0 never ticks by itself (tests call `tick`).
 */
export class ScheduledJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
    private readonly work: (tx: EntityManager, now: Date) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick().catch((error: unknown) => this.logger.warn(`${this.name} failed: ${String(error)}`)), intervalMs);
    this.timer.unref();
  }

  /** Stops ticking and waits for a tick under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Runs the work now unless another process (or this one) is running it; whether it ran here. */
  tick(now = new Date()): Promise<boolean> {
    if (this.running) return Promise.resolve(false);
    const run = this.dataSource
      .transaction(async (tx) => {
        const [{ locked }]: { locked: boolean }[] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`concerto:${this.name}`]);
        if (!locked) return false;
        await this.work(tx, now);
        return true;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = run;
    return run;
  }
}

/**
 * A provider whose `run` is a `ScheduledJob` ticking every `intervalMs` from the application's start to its end (the
 * reminders); `tick` runs one pass now (tests).
 */
export abstract class ScheduledWork implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: ScheduledJob;

  protected constructor(
    dataSource: DataSource,
    name: string,
    private readonly intervalMs: number,
  ) {
    this.job = new ScheduledJob(dataSource, name, (tx, now) => this.run(tx, now), new Logger(new.target.name));
  }

  protected abstract run(tx: EntityManager, now: Date): Promise<void>;

  onApplicationBootstrap(): void {
    this.job.start(this.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One pass: whether this process ran it. */
  tick(now = new Date()): Promise<boolean> {
    return this.job.tick(now);
  }
}
