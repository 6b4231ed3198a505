import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { type ClaimedMail, MailMessagesRepository } from './mail-messages.repository.js';
import { MailService } from './mail.service.js';

/** Messages claimed at once by one worker. */
const BATCH = 5;
/** A claimed message not finished within this time is claimed again by any worker (its process died). */
const LEASE_MS = 5 * 60_000;
/** Longest wait between two attempts. */
const MAX_RETRY_DELAY_MS = 3600_000;
/** How long shutdown waits for the message being sent before closing the connection. */
const SHUTDOWN_WAIT_MS = 5000;

/** The links of a message's plain text, for the development log. */
export function linksOf(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

/** Delay before the next attempt: `base`, doubled at each attempt, at most an hour. */
export function retryDelay(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

/** An SMTP answer in 5xx (unknown mailbox, refused sender…): retrying would not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/**
 * The worker of this process. With `SMTP_URL`: polls `mail_message` every `MAIL_POLL_MS` (and right after a message
 * is queued here), claims due messages (`FOR UPDATE SKIP LOCKED`: two processes never claim the same one), sends them
 * with nodemailer, marks them sent, or queues another attempt after a doubling delay, or marks them failed after
 * `MAIL_MAX_ATTEMPTS` (at once on a permanent 5xx refusal). Without it: the outbox — in development it logs the links
 * of each waiting message (all of them at start, then each new one). Stopped when the application closes.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private readonly logged = new Map<string, number>();
  private loggedSince: Date | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly messages: MailMessagesRepository,
    private readonly mail: MailService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { smtpUrl, logLinks } = this.config.mail;
    if (smtpUrl) {
      // Loaded only when mail is sent (SMTP_URL set).
      const { default: nodemailer } = await import('nodemailer');
      this.transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    } else {
      this.logger.warn('SMTP_URL non défini : les courriels restent dans la boîte d’envoi (table mail_message)');
      if (!logLinks) return;
    }
    this.unsubscribe = this.mail.onQueued(() => this.poke());
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    if (this.running) {
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([this.running, new Promise((resolve) => (waited = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
      clearTimeout(waited);
    }
    this.transport?.close();
  }

  /** Looks for due messages now (a message was just queued in this process; its transaction may still be open). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(20);
  }

  /** One pass: sends what is due (or logs the outbox). Exposed for tests that drive the worker step by step. */
  async runOnce(): Promise<void> {
    const transport = this.transport;
    if (transport) {
      let claimed: ClaimedMail[];
      do {
        claimed = await this.messages.claimDue(BATCH, LEASE_MS);
        for (const message of claimed) await this.send(transport, message);
      } while (claimed.length === BATCH && !this.stopped);
    } else {
      await this.logOutbox();
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.again = false;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error(`Mail worker: ${describe(error)}`))
      .finally(() => {
        this.running = undefined;
        this.schedule(this.again ? 20 : this.config.mail.pollMs);
      });
  }

  private async send(transport: Transporter, message: ClaimedMail): Promise<void> {
    try {
      await transport.sendMail({
        from: this.config.mail.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        // The same Message-ID on every attempt: a receiver can tell a repeat after a lost acknowledgement.
        messageId: `<${message.id}@${new URL(this.config.publicUrl).hostname}>`,
      });
      await this.messages.markSent(message.id);
    } catch (error) {
      const reason = describe(error);
      if (isPermanent(error) || message.attempts >= this.config.mail.maxAttempts) {
        await this.messages.markFailed(message.id, reason);
        this.logger.warn(`Courriel ${message.id} non envoyé après ${message.attempts} tentative(s) : ${reason}`);
      } else {
        await this.messages.markRetry(message.id, reason, retryDelay(this.config.mail.retryBaseMs, message.attempts));
      }
    }
  }

  /** Development without SMTP: each waiting message's recipient, subject and links, once per process. */
  private async logOutbox(): Promise<void> {
    const since = this.loggedSince ? new Date(this.loggedSince.getTime() - 60_000) : undefined;
    const waiting = await this.messages.listWaiting(since, 200);
    const now = Date.now();
    for (const m of waiting) {
      if (this.logged.has(m.id)) continue;
      this.logged.set(m.id, now);
      const links = linksOf(m.text);
      this.logger.log(`Boîte d’envoi — à ${m.to} : « ${m.subject} »${links.length ? ` — ${links.join(' ')}` : ''}`);
      if (!this.loggedSince || m.createdAt > this.loggedSince) this.loggedSince = m.createdAt;
    }
    for (const [id, at] of this.logged) if (now - at > 10 * 60_000) this.logged.delete(id);
  }
}
