import type { MailContext, MailLocale, RenderedMail } from './mail-template.js';

/** HTML that may be put into a mail as it is: only `html\`…\``, `rawHtml` and `mailLayout` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

function toHtml(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => toHtml(v)).join('');
  return escapeHtml(String(value));
}

/** Tagged template for mail HTML: every interpolated string is escaped, `SafeHtml` (a nested `html\`…\``) is kept. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? toHtml(values[i]) : ''), ''));
}

/** HTML written by the template itself (never user text). */
export function rawHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** An http(s) link for an `href`; anything else (`javascript:`…) becomes `#`. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

/** A button-like link: the text is escaped, the address must be http(s). */
export function mailButton(label: string, url: string): SafeHtml {
  return html`<p style="margin:24px 0">
      <a href="${safeHref(url)}" style="background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block"
        >${label}</a
      >
    </p>
    <p style="font-size:13px;color:#555555">${url}</p>`;
}

const FOOTER = {
  fr: { why: (product: string) => `Ce message vous est envoyé par ${product}.`, unsubscribe: 'Ne plus recevoir ce type de message' },
  en: { why: (product: string) => `This message was sent to you by ${product}.`, unsubscribe: 'Stop receiving this kind of message' },
} as const;

/**
 * The common frame of every mail: the HTML document (language, title, product name, footer with the unsubscribe link
 * when there is one) around `bodyHtml`, and the plain-text version around `bodyText`.
 */
export function mailLayout(
  locale: MailLocale,
  context: MailContext,
  parts: { subject: string; heading: string; bodyHtml: SafeHtml; bodyText: string },
): RenderedMail {
  const footer = FOOTER[locale];
  const unsubscribe = context.unsubscribeUrl;
  const htmlBody = html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>${parts.subject}</title>
      </head>
      <body style="font-family:Arial,Helvetica,sans-serif;color:#1f2937;background:#f3f4f6;margin:0;padding:24px">
        <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
          <p style="font-weight:bold;color:#1d4ed8;margin:0 0 16px">${context.productName}</p>
          <h1 style="font-size:20px;margin:0 0 16px">${parts.heading}</h1>
          ${parts.bodyHtml}
          <hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px" />
          <p style="font-size:12px;color:#6b7280">
            ${footer.why(context.productName)}${unsubscribe ? html` <a href="${safeHref(unsubscribe)}">${footer.unsubscribe}</a>` : ''}
          </p>
        </div>
      </body>
    </html>`;
  const textFooter = [footer.why(context.productName), unsubscribe ? `${footer.unsubscribe}${locale === 'fr' ? ' : ' : ': '}${unsubscribe}` : undefined]
    .filter(Boolean)
    .join('\n');
  return { subject: parts.subject, html: htmlBody.value, text: `${parts.bodyText.trim()}\n\n-- \n${textFooter}\n` };
}
