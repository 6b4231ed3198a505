import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Task = () => Promise<void>;

/**
 * Runs work once the transaction of an EntityManager has committed (and drops it on rollback): the live notices and
 * mails of notifications written in a producer's transaction must not go out for a change that was rolled back.
 * Without a transaction (a plain manager), the work runs at once.
 */
export class AfterCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Task[]>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Registers itself with the data source's subscribers (once). */
  attach(dataSource: DataSource): void {
    if (!dataSource.subscribers.includes(this)) dataSource.subscribers.push(this);
  }

  async run(db: EntityManager | undefined, task: Task): Promise<void> {
    const runner = db?.queryRunner;
    if (!runner?.isTransactionActive) return this.safely(task);
    const tasks = this.pending.get(runner) ?? [];
    tasks.push(task);
    this.pending.set(runner, tasks);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A released savepoint is not the end of the transaction.
    if (event.queryRunner.isTransactionActive) return;
    const tasks = this.pending.get(event.queryRunner);
    if (!tasks) return;
    this.pending.delete(event.queryRunner);
    for (const task of tasks) await this.safely(task);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private async safely(task: Task): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.onError(error);
    }
  }
}
