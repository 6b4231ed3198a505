import { type NotificationKind, type NotificationParams, notificationSentence } from '@concerto/domain';
import { html, mailLayout, safeHref } from '../mail/mail-html.js';
import { defineMailTemplate } from '../mail/mail-template.js';

/** At most this many lines per space; the rest is counted (« et 3 autres »). */
export const DIGEST_ITEMS_PER_SPACE = 20;

export interface DigestMailItem {
  kind: NotificationKind;
  params: NotificationParams;
  /** A path of the web app. */
  link: string;
  createdAt: string;
}

export interface DigestMailData {
  frequency: 'daily' | 'weekly';
  /** One group per space, in the order to show. */
  spaces: { name: string; items: DigestMailItem[]; more: number }[];
  total: number;
}

const WORDS = {
  fr: {
    subject: (f: DigestMailData['frequency'], n: number) =>
      `${f === 'daily' ? 'Votre résumé du jour' : 'Votre résumé de la semaine'} : ${n} nouveauté${n > 1 ? 's' : ''}`,
    intro: (f: DigestMailData['frequency']) =>
      f === 'daily' ? 'Voici ce qui s’est passé depuis hier dans vos espaces.' : 'Voici ce qui s’est passé cette semaine dans vos espaces.',
    open: 'Voir',
    more: (n: number) => `… et ${n} autre${n > 1 ? 's' : ''}`,
    outside: 'Hors espace',
  },
  en: {
    subject: (f: DigestMailData['frequency'], n: number) => `${f === 'daily' ? 'Your daily digest' : 'Your weekly digest'}: ${n} update${n > 1 ? 's' : ''}`,
    intro: (f: DigestMailData['frequency']) =>
      f === 'daily' ? 'Here is what happened in your spaces since yesterday.' : 'Here is what happened in your spaces this week.',
    open: 'Open',
    more: (n: number) => `… and ${n} more`,
    outside: 'Outside any space',
  },
} as const;

const DAY_FORMAT = {
  fr: new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }),
};

/**
 * The digest: what happened in each of the recipient's spaces since the last one (the notifications whose channel is
 * « digest »), one section per space, each line the notification's sentence in the reader's language with a link to
 * the exact place. Every user word is escaped by `html\`…\``; the footer carries the one-click link that turns the
 * digest off.
 */
export const digestMail = defineMailTemplate<DigestMailData>('notification_digest', (data, locale, ctx) => {
  const w = WORDS[locale];
  const subject = w.subject(data.frequency, data.total);
  const line = (item: DigestMailItem) => ({
    sentence: notificationSentence(item.kind, item.params, locale),
    url: ctx.url(item.link),
    at: DAY_FORMAT[locale].format(new Date(item.createdAt)),
  });
  const bodyHtml = html`<p>${w.intro(data.frequency)}</p>
    ${data.spaces.map(
      (space) =>
        html`<h2 style="font-size:16px;margin:20px 0 8px">${space.name || w.outside}</h2>
          <ul style="padding-left:18px;margin:0">
            ${space.items.map((item) => {
              const l = line(item);
              return html`<li style="margin:0 0 8px">
                ${l.sentence} <span style="color:#6b7280;font-size:12px">${l.at}</span> <a href="${safeHref(l.url)}">${w.open}</a>
              </li> `;
            })}${space.more > 0 ? html`<li style="color:#6b7280">${w.more(space.more)}</li>` : ''}
          </ul> `,
    )}`;
  const bodyText = [
    w.intro(data.frequency),
    ...data.spaces.map((space) =>
      [
        `\n## ${space.name || w.outside}`,
        ...space.items.map((item) => {
          const l = line(item);
          return `- ${l.sentence} (${l.at})\n  ${l.url}`;
        }),
        ...(space.more > 0 ? [w.more(space.more)] : []),
      ].join('\n'),
    ),
  ].join('\n');
  return mailLayout(locale, ctx, { subject, heading: subject, bodyHtml, bodyText });
});
