const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats an ISO date for the interface language, e.g. "3 mars 2026". A date-only value ("2026-03-01": a project's
 * start, a milestone, a measure) is a calendar day, the same in every time zone; a timestamp shows the day where the
 * reader is (`readerTimeZone`, the browser's by default).
 */
export function formatDate(iso: string, language: string, readerTimeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: DATE_ONLY.test(iso) ? 'UTC' : readerTimeZone }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A number in the interface language, e.g. "12 500,5". */
export function formatNumber(value: number, language: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}

/** Euro cents as euros, e.g. "12 500,50 €". */
export function formatEuros(cents: number, language: string): string {
  const euros = cents / 100;
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: Number.isInteger(euros) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(euros);
}

/** Euro cents in thousands of euros, the study's way: "1 239 k€". */
export function formatKiloEuros(cents: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(cents / 100_000)}\u00a0k€`;
}

/** A share between 0 and 1 as a percentage, e.g. "42 %". */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * Parses an amount in euros typed the French (or English) way — "12 500,50", "12500.5", "12 500 €" —
 * into integer cents; `null` when it is not an amount with at most two decimals.
 */
export function parseEuroAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^\+/, '');
  if (compact === '') return null;
  let normalised: string;
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(compact))
    normalised = compact.replace(/,/g, ''); // 12,500.50
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(compact))
    normalised = compact.replace(/\./g, '').replace(',', '.'); // 12.500,50
  else if (/^\d+([.,]\d{1,2})?$/.test(compact)) normalised = compact.replace(',', '.');
  else return null;
  const [units, decimals = ''] = normalised.split('.');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the text of an amount field, e.g. 1250050 → "12 500,50" (French) or "12,500.50". */
export function centsToEuroText(cents: number | null, language: string): string {
  if (cents === null) return '';
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** A decimal typed with a comma or a point ("1,75"); `null` when empty, NaN when not a number. */
export function parseDecimal(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}
