import { createHash } from 'node:crypto';
import { type Locale, notificationLabel } from '@concerto/domain';
import type { UnsubscribeClaim } from './unsubscribe-token.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const CSS = `body{font-family:system-ui,Arial,sans-serif;color:#1f2937;background:#f3f4f6;margin:0;padding:24px}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px}
button{font:inherit;background:#1d4ed8;color:#fff;border:0;border-radius:6px;padding:10px 18px;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}`;

/** The page's policy: its own stylesheet, a form posting to itself, nothing else. */
export const UNSUBSCRIBE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const WORDS = {
  fr: {
    title: 'Se désabonner',
    what: (what: string, space: string | null) => (space ? `${what}, dans l’espace « ${space} »` : `${what}, dans tous vos espaces`),
    digest: 'Le récapitulatif par e-mail',
    ask: 'Ne plus recevoir ces notifications :',
    confirm: 'Confirmer le désabonnement',
    done: 'C’est fait : vous ne recevrez plus ces notifications.',
    doneDigest: 'C’est fait : vous ne recevrez plus le récapitulatif.',
    preferences: 'Choisir plus finement dans vos préférences de notification',
    invalid: 'Ce lien de désabonnement n’est pas valide. Vous pouvez changer vos préférences après vous être connecté·e.',
  },
  en: {
    title: 'Unsubscribe',
    what: (what: string, space: string | null) => (space ? `${what}, in the space “${space}”` : `${what}, in all your spaces`),
    digest: 'The digest e-mail',
    ask: 'Stop receiving these notifications:',
    confirm: 'Confirm',
    done: 'Done: you will no longer receive these notifications.',
    doneDigest: 'Done: you will no longer receive the digest.',
    preferences: 'Choose more finely in your notification preferences',
    invalid: 'This unsubscribe link is not valid. You can change your preferences once signed in.',
  },
} as const;

function page(locale: Locale, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${WORDS[locale].title} · Concerto</title><style>${CSS}</style></head>
<body><main><h1>${WORDS[locale].title}</h1>${body}</main></body></html>`;
}

function described(claim: UnsubscribeClaim, locale: Locale, spaceName: string | null): string {
  if (claim.kind === 'digest') return WORDS[locale].digest;
  return WORDS[locale].what(notificationLabel(claim.kind, locale), spaceName);
}

/** GET: what the link turns off, and a button (a POST to the same address) to confirm. */
export function unsubscribeConfirmPage(claim: UnsubscribeClaim, locale: Locale, spaceName: string | null, action: string): string {
  const w = WORDS[locale];
  return page(
    locale,
    `<p>${w.ask}</p><p><strong>${escapeHtml(described(claim, locale, spaceName))}</strong></p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">${w.confirm}</button></form>`,
  );
}

/** POST: done, and where to choose more finely. */
export function unsubscribeDonePage(claim: UnsubscribeClaim, locale: Locale, spaceName: string | null): string {
  const w = WORDS[locale];
  return page(
    locale,
    `<p role="status">${claim.kind === 'digest' ? w.doneDigest : w.done}</p><p><strong>${escapeHtml(described(claim, locale, spaceName))}</strong></p>
<p><a href="/profil/notifications">${w.preferences}</a></p>`,
  );
}

export function unsubscribeInvalidPage(locale: Locale): string {
  return page(locale, `<p>${WORDS[locale].invalid}</p><p><a href="/profil/notifications">${WORDS[locale].preferences}</a></p>`);
}
