import { type NotificationKind, type NotificationParams, notificationLabel, notificationSentence } from '@concerto/domain';
import { html, mailButton, mailLayout } from '../mail/mail-html.js';
import { defineMailTemplate } from '../mail/mail-template.js';

export interface NotificationMailData {
  kind: NotificationKind;
  /** Plain-text words captured with the notification (`space`, `actor`, `title`…): escaped in the HTML. */
  params: NotificationParams;
  /** Path of the exact place in the web app. */
  link: string;
}

const WORDS = {
  fr: { open: 'Voir sur place', hello: 'Bonjour,', space: (name: string) => `Espace : ${name}`, preferences: 'Vos préférences de notification' },
  en: { open: 'Open it', hello: 'Hello,', space: (name: string) => `Space: ${name}`, preferences: 'Your notification preferences' },
} as const;

/**
 * An immediate notification (channel `mail`): what happened in one sentence, the space, a button to the exact
 * place; the footer carries the one-click unsubscribe link of that kind in that space.
 */
export const notificationMail = defineMailTemplate<NotificationMailData>('notification', (data, locale, ctx) => {
  const w = WORDS[locale];
  const colon = locale === 'fr' ? ' :' : ':';
  const sentence = notificationSentence(data.kind, data.params, locale);
  const space = data.params.space ?? '';
  const url = ctx.url(data.link);
  const preferences = ctx.url('/profil/notifications');
  const subject = `${notificationLabel(data.kind, locale)}${space ? ` · ${space}` : ''}`;
  const quoted = data.params.excerpt ? data.params.excerpt : undefined;
  return mailLayout(locale, ctx, {
    subject,
    heading: notificationLabel(data.kind, locale),
    bodyHtml: html`<p>${w.hello}</p>
      <p>${sentence}</p>
      ${quoted ? html`<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #d1d5db;color:#374151">${quoted}</blockquote>` : ''}
      ${space ? html`<p style="color:#6b7280">${w.space(space)}</p>` : ''} ${mailButton(w.open, url)}
      <p style="font-size:13px"><a href="${preferences}">${w.preferences}</a></p>`,
    bodyText: [
      w.hello,
      sentence,
      quoted ? `« ${quoted} »` : '',
      space ? w.space(space) : '',
      `${w.open}${colon} ${url}`,
      `${w.preferences}${colon} ${preferences}`,
    ]
      .filter((paragraph) => paragraph !== '')
      .join('\n\n'),
  });
});
