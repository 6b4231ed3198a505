import type { Locale } from '@concerto/domain';

/** The recipient's language: `account.locale`, or for an address without an account the inviter's language. */
export type MailLocale = Locale;

/** What a template makes of its data: the subject line, the plain-text body and the HTML body. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Given to every template by the mail service. */
export interface MailContext {
  /** The product's name, as the mails show it. */
  productName: string;
  /** Absolute address of a path of the web app (`url('/invitations/abc')` → `https://concerto.example/invitations/abc`). */
  url(path: string): string;
  /** One-click unsubscribe link of this mail, when the caller gave one (`MailRequest.unsubscribeUrl`). */
  unsubscribeUrl: string | undefined;
}

/**
 * A mail template: a name (kept with each queued message) and a pure function of its data, the recipient's language
 * and the context. Each template lives in its own file beside the feature that sends it (e.g.
 * `spaces/invitation.mail.ts`, `auth/password-reset.mail.ts`), built with `defineMailTemplate`; the typed template
 * object is what `MailService.enqueue` takes, so the data is checked by the compiler.
 *
 * A template must keep user text inert: build the HTML with `html\`…\`` (from `mail-html.ts`), which escapes every
 * interpolated value, and wrap it in `mailLayout`. The subject needs no care: the service strips line breaks and
 * control characters from it, and nodemailer encodes it.
 */
export interface MailTemplate<D> {
  readonly name: string;
  render(data: D, locale: MailLocale, context: MailContext): RenderedMail;
}

/** Declares a template (see `MailTemplate`). `name`: lower snake case, unique across the application. */
export function defineMailTemplate<D>(name: string, render: (data: D, locale: MailLocale, context: MailContext) => RenderedMail): MailTemplate<D> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Mail template name ${name}: lower snake case expected`);
  return { name, render };
}
