/**
 * Outgoing mail — the public API of `mail/` for every other area.
 *
 * Sending never blocks a request: `MailService.enqueue` renders the template and writes the message to
 * `mail_message` (in the caller's transaction when given one, so a rolled-back change sends nothing); the worker of
 * each server process (`MailWorker`) sends due messages over SMTP (`SMTP_URL`, `MAIL_FROM`), retries with backoff,
 * then marks them failed. Without `SMTP_URL` the table is the outbox: messages wait there and, in development, the
 * server logs each one's links (and those still waiting at start).
 *
 * ## Sending a mail
 *
 * ```ts
 * // 1. The area's module imports MailModule:
 * @Module({ imports: [MailModule], providers: [MyService] })
 *
 * // 2. A template in its own file beside the feature (e.g. `spaces/invitation.mail.ts`):
 * import { defineMailTemplate } from '../mail/mail-template.js';
 * import { html, mailButton, mailLayout } from '../mail/mail-html.js';
 * export interface SessionReminderData { spaceTitle: string; sessionTitle: string; link: string }
 * export const sessionReminderMail = defineMailTemplate<SessionReminderData>('session_reminder', (data, locale, ctx) => {
 *   const subject = locale === 'fr' ? `Demain : ${data.sessionTitle}` : `Tomorrow: ${data.sessionTitle}`;
 *   const url = ctx.url(data.link); // absolute address of a web app path
 *   return mailLayout(locale, ctx, {
 *     subject,
 *     heading: subject,
 *     bodyHtml: html`<p>${data.spaceTitle}</p>${mailButton(locale === 'fr' ? 'Ouvrir' : 'Open', url)}`, // user text escaped
 *     bodyText: `${data.spaceTitle}\n\n${url}`,
 *   });
 * });
 *
 * // 3. Queue it, in the transaction that makes the change when there is one:
 * await this.mail.enqueue(
 *   { to: account.email, locale: account.locale, template: sessionReminderMail, data: { … },
 *     reference: { kind: 'session', id: sessionId },          // optional: to show its status later
 *     dedupeKey: `session_reminder:${sessionId}:${account.id}`, // optional: one message per key, ever
 *     unsubscribeUrl: '…' },                                  // optional: footer link + List-Unsubscribe header
 *   tx,
 * );
 * ```
 *
 * `locale` is the recipient's language (`account.locale`; for an address without an account, e.g. an invitation,
 * the inviter's). Templates keep user text inert: `html\`…\`` escapes every interpolated value; the subject is
 * stripped of line breaks and control characters here, and nodemailer encodes headers. `mailStatuses(kind, ids)`
 * tells where the latest message about each thing stands (`pending` / `sent` / `failed`).
 */
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailMessagesRepository, type MailStatus } from './mail-messages.repository.js';
import type { MailContext, MailLocale, MailTemplate } from './mail-template.js';

export type { MailStatus } from './mail-messages.repository.js';

/** The product's name in every mail. */
export const PRODUCT_NAME = 'Concerto';

export interface MailRequest<D> {
  /** The recipient's address (one address; refused if malformed or holding a line break). */
  to: string;
  /** The recipient's language. */
  locale: MailLocale;
  template: MailTemplate<D>;
  data: D;
  /** What the message is about, so its status can be shown there (e.g. `{ kind: 'invitation', id }`). */
  reference?: { kind: string; id: string };
  /** At most one message per key, ever: a second enqueue with the same key queues nothing (returns undefined). */
  dedupeKey?: string;
  /** One-click unsubscribe address: shown in the footer and sent as `List-Unsubscribe` (+ `List-Unsubscribe-Post`). */
  unsubscribeUrl?: string;
}

const Address = z.string().email().max(320);

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Line breaks and other control characters out of a header value (subject): no header can be smuggled in. */
export function headerSafe(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

@Injectable()
export class MailService {
  private readonly queuedListeners = new Set<() => void>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly messages: MailMessagesRepository,
  ) {}

  /**
   * Renders `request.template` in `request.locale` and queues the message; in `db`'s transaction when given.
   * Returns the message's id (undefined when `dedupeKey` was already used). Throws on a malformed address.
   */
  async enqueue<D>(request: MailRequest<D>, db?: EntityManager): Promise<string | undefined> {
    const to = Address.safeParse(request.to.trim());
    if (!to.success || /[\r\n]/.test(request.to)) throw new Error(`Mail ${request.template.name}: malformed recipient address`);
    const unsubscribeUrl = request.unsubscribeUrl && /^https?:\/\/[^\s]+$/.test(request.unsubscribeUrl) ? request.unsubscribeUrl : undefined;
    const rendered = request.template.render(request.data, request.locale, this.context(unsubscribeUrl));
    const headers: Record<string, string> = unsubscribeUrl
      ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {};
    const id = await this.messages.insert(
      {
        to: to.data,
        locale: request.locale,
        template: request.template.name,
        subject: headerSafe(rendered.subject).slice(0, 250),
        text: rendered.text,
        html: rendered.html,
        headers,
        reference: request.reference,
        dedupeKey: request.dedupeKey,
      },
      db,
    );
    if (id) for (const listener of this.queuedListeners) listener();
    return id;
  }

  /** Where the latest message about each of these things stands, by id (absent: no message about it). */
  mailStatuses(referenceKind: string, ids: readonly string[], db?: EntityManager): Promise<Map<string, MailStatus>> {
    return this.messages.latestStatusByReference(referenceKind, ids, db);
  }

  /** Deletes the messages sent more than `days` days before `now` (the outbox keeps failed and waiting ones); how many. */
  purgeSent(now: Date, days: number, db?: EntityManager): Promise<number> {
    return this.messages.purgeSent(now, days, db);
  }

  /** The context templates get: product name, absolute links to the web app. */
  context(unsubscribeUrl?: string): MailContext {
    const base = this.config.publicUrl;
    return { productName: PRODUCT_NAME, url: (path) => `${base}${path.startsWith('/') ? path : `/${path}`}`, unsubscribeUrl };
  }

  /** Called after a message is queued in this process (the worker looks sooner than its next poll). */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }
}
