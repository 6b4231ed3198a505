import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailService } from '../mail/mail.service.js';
import { DIGEST_ITEMS_PER_SPACE, type DigestMailData, digestMail } from './digest.mail.js';
import { type DigestAccount, type DigestItem, NotificationDigestRepository } from './notification-digest.repository.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UNSUBSCRIBE_PATH } from './unsubscribe.controller.js';

/** Accounts handled per transaction. */
const BATCH = 200;

const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The items the account may still see (the access policy's places), grouped by space in French order of their names. */
function groupBySpace(items: DigestItem[], places: { spaceIds: string[]; sessionIds: string[] }): DigestMailData['spaces'] {
  const spaces = new Set(places.spaceIds);
  const sessions = new Set(places.sessionIds);
  const visible = items.filter((i) => i.spaceId === null || spaces.has(i.spaceId) || (i.sessionId !== null && sessions.has(i.sessionId)));
  const groups = new Map<string, { name: string; items: DigestItem[] }>();
  for (const item of visible) {
    const key = item.spaceId ?? '';
    const group = groups.get(key) ?? { name: item.spaceName, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => frenchOrder.compare(a.name, b.name))
    .map((g) => ({
      name: g.name,
      items: g.items.slice(0, DIGEST_ITEMS_PER_SPACE).map((i) => ({ kind: i.kind, params: i.params, link: i.link, createdAt: i.createdAt.toISOString() })),
      more: Math.max(0, g.items.length - DIGEST_ITEMS_PER_SPACE),
    }));
}

/**
 * The digest (daily or weekly, per account): the notifications whose channel is « digest » and that no digest holds
 * yet, grouped per space into one mail per account (`digest.mail.ts`, queued with `MailService` so it goes out like
 * every mail, or waits in the outbox without SMTP), then marked digested — in one transaction per batch of accounts,
 * claimed `FOR UPDATE SKIP LOCKED`, so two server processes share the work and each digest is made once. Only what the
 * access policy still lets the account see goes in (a removed member's notifications about that space are dropped).
 */
@Injectable()
export class NotificationDigestService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationDigestService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationDigestRepository,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.notificationScheduleMs;
    if (every <= 0) return;
    this.timer = setInterval(() => void this.run().catch((error: unknown) => this.logger.warn(`digest failed: ${String(error)}`)), every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends every digest due at `now`; how many accounts got one here (0 when this process is already at it). */
  run(now = new Date()): Promise<number> {
    if (this.running) return Promise.resolve(0);
    const run = this.runBatches(now).finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async runBatches(now: Date): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (tx) => {
        const accounts = await this.repository.claimDue(now, BATCH, tx);
        if (accounts.length === 0) return undefined;
        const items = await this.repository.pending(
          accounts.map((a) => a.id),
          tx,
        );
        let mailed = 0;
        for (const account of accounts) {
          const own = items.filter((i) => i.accountId === account.id);
          const spaces = groupBySpace(own, await this.access.visiblePlaces(account.id, tx));
          if (spaces.length === 0) continue;
          await this.send(account, spaces, own[own.length - 1].id, tx);
          mailed += 1;
        }
        await this.repository.markDigested(
          items.map((i) => i.id),
          accounts.map((a) => a.id),
          now,
          tx,
        );
        return mailed;
      });
      if (batch === undefined) return sent;
      sent += batch;
    }
  }

  /** Queues the account's digest; `newestId` (its newest notification) makes the message's key: one mail per digest, ever. */
  private async send(account: DigestAccount, spaces: DigestMailData['spaces'], newestId: string, tx: EntityManager): Promise<void> {
    const total = spaces.reduce((n, s) => n + s.items.length + s.more, 0);
    const token = await this.preferences.unsubscribeToken({ accountId: account.id, kind: 'digest', spaceId: null });
    await this.mail.enqueue(
      {
        to: account.email,
        locale: account.locale,
        template: digestMail,
        data: { frequency: account.frequency, spaces, total },
        reference: { kind: 'digest', id: account.id },
        dedupeKey: `digest:${account.id}:${newestId}`,
        unsubscribeUrl: this.mail.context().url(`${UNSUBSCRIBE_PATH}${encodeURIComponent(token)}`),
      },
      tx,
    );
  }
}
