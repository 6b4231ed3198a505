import type { Locale } from '../vocabulary/vocabulary.js';

/** The time zone used when the reader's is unknown or not a real IANA zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Whether `zone` is an IANA time zone this runtime knows (« Europe/Paris », « America/Cayenne »). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');
const day = (date: Date, locale: Locale, timeZone: string) => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone }).format(date);
const hour = (date: Date, locale: Locale, timeZone: string) => new Intl.DateTimeFormat(tag(locale), { timeStyle: 'short', timeZone }).format(date);

/**
 * When a session was planned and when it really took place, labelled apart and written in the reader's time zone:
 * « Prévue le 3 mars 2026 à 18:00 », « Tenue le 3 mars 2026, commencée à 18:07 ».
 */
export function sessionTimesLines(times: { scheduledAt: string; startedAt: string | null }, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string[] {
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  const scheduled = new Date(times.scheduledAt);
  const lines = [
    locale === 'fr'
      ? `Prévue le ${day(scheduled, locale, zone)} à ${hour(scheduled, locale, zone)}`
      : `Scheduled for ${day(scheduled, locale, zone)} at ${hour(scheduled, locale, zone)}`,
  ];
  if (times.startedAt) {
    const started = new Date(times.startedAt);
    lines.push(
      locale === 'fr'
        ? `Tenue le ${day(started, locale, zone)}, commencée à ${hour(started, locale, zone)}`
        : `Held on ${day(started, locale, zone)}, started at ${hour(started, locale, zone)}`,
    );
  }
  return lines;
}
